#include "explore/dfs_strategy.hpp"

#include <algorithm>

namespace cj::explore {
namespace {
/// Decisions deeper than this are not branched on (long executions would never finish the
/// search); they continue without preemption, and the search no longer claims to be complete.
constexpr std::size_t kMaxDepth = 2000;

bool same(const Pick& a, const Pick& b) { return a.thread == b.thread && a.how == b.how; }

void add_all(std::vector<Access>& into, const std::vector<Access>& from) {
  for (const Access& a : from)
    if (std::find(into.begin(), into.end(), a) == into.end()) into.push_back(a);
}
}  // namespace

void DfsStrategy::begin(std::uint64_t) {
  depth_ = 0;
  preemptions_ = 0;
  redundant_ = false;
  sleep_.clear();
  pending_.clear();
  last_node_ = -1;
}

bool DfsStrategy::asleep(int thread) const {
  for (const Sleeper& s : sleep_)
    if (s.thread == thread) return true;
  return false;
}

void DfsStrategy::wake_dependent(const std::vector<Access>& step, bool fairness_active) {
  if (!sleep_sets_) return;  // nothing ever sleeps: keep no footprints either
  // What the step chosen last touched belongs to that decision's option (for its later siblings'
  // sleep sets); every execution through it adds what it saw.
  if (last_node_ >= 0) {
    Node& node = path_[static_cast<std::size_t>(last_node_)];
    std::vector<Access>& fp = node.options[node.chosen].step;
    if (step.empty())
      add_all(fp, {Access{}});
    else
      add_all(fp, step);
  }
  last_node_ = -1;
  sleep_.clear();
  if (!fairness_active)
    for (Sleeper& s : pending_)
      if (!dependent(s.step, step)) sleep_.push_back(std::move(s));
  pending_.clear();
}

void DfsStrategy::options_for(const Options& o, std::vector<Option>& out) const {
  out.clear();
  const bool current_runnable =
      o.current >= 0 && std::binary_search(o.runnable.begin(), o.runnable.end(), o.current);
  const bool keep_current = current_runnable && !o.yielded;
  const bool may_preempt = bound_ < 0 || preemptions_ < bound_;
  if (keep_current) out.push_back({{o.current, Pick::How::run}, false, {}});
  if (!keep_current || may_preempt)
    for (int id : o.runnable)
      if (id != o.current) out.push_back({{id, Pick::How::run}, keep_current, {}});
  // A thread that yields goes last, so that the first path through a spin loop lets the others
  // make progress.
  if (!keep_current && current_runnable) out.push_back({{o.current, Pick::How::run}, false, {}});
  if (may_preempt) {
    for (int id : o.spurious) out.push_back({{id, Pick::How::spurious_wakeup}, true, {}});
    for (int id : o.early) out.push_back({{id, Pick::How::early_timeout}, true, {}});
  }
}

const DfsStrategy::Option& DfsStrategy::follow(std::vector<Option>& fresh) {
  if (depth_ < path_.size()) {
    Node& node = path_[depth_];
    const bool replays =
        node.options.size() == fresh.size() &&
        std::equal(node.options.begin(), node.options.end(), fresh.begin(),
                   [](const Option& a, const Option& b) { return same(a.pick, b.pick); });
    if (replays) return node.options[node.chosen];
    // The execution diverged from the recorded one: forget the rest of the path.
    path_.resize(depth_);
  }
  path_.push_back({std::move(fresh), 0});
  fresh = {};
  return path_.back().options.front();
}

Pick DfsStrategy::pick(const Options& o) {
  wake_dependent(o.step, o.fairness_active);
  options_for(o, scratch_);
  if (scratch_.size() == 1 && !scratch_.front().preempts) {  // not a decision
    if (sleep_sets_) pending_.swap(sleep_);
    return scratch_.front().pick;
  }
  if (redundant_ || depth_ >= kMaxDepth) {
    // Past the depth limit, or in an execution that only reorders explored ones: one schedule
    // to the end, no branching.
    if (!redundant_) truncated_ = true;
    sleep_.clear();
    if (!redundant_) ++depth_;
    return scratch_.front().pick;
  }
  // A sleeping thread's step from here was explored in an earlier sibling's subtree.
  scratch_.erase(std::remove_if(scratch_.begin(), scratch_.end(),
                                [this](const Option& op) {
                                  return op.pick.how == Pick::How::run && asleep(op.pick.thread);
                                }),
                 scratch_.end());
  if (scratch_.empty()) {
    redundant_ = true;
    sleep_.clear();
    options_for(o, scratch_);
    return scratch_.front().pick;
  }
  if (scratch_.size() == 1) {  // the others sleep: no decision
    const Pick p = scratch_.front().pick;
    if (scratch_.front().preempts) ++preemptions_;
    pending_.swap(sleep_);
    return p;
  }
  const Option& choice = follow(scratch_);
  if (choice.preempts) ++preemptions_;
  if (sleep_sets_) {
    // The next step's sleepers: those asleep here, and every sibling explored before this one.
    Node& node = path_[depth_];
    pending_.swap(sleep_);
    for (std::size_t i = 0; i < node.chosen; ++i)
      if (node.options[i].pick.how == Pick::How::run)
        pending_.push_back({node.options[i].pick.thread, node.options[i].step});
    last_node_ = static_cast<std::ptrdiff_t>(depth_);
  }
  ++depth_;
  return choice.pick;
}

std::size_t DfsStrategy::pick_index(std::size_t n) {
  scratch_.clear();
  for (std::size_t i = 0; i < n; ++i)
    scratch_.push_back({{static_cast<int>(i), Pick::How::run}, false, {}});
  if (redundant_) return 0;
  if (depth_ >= kMaxDepth) {
    truncated_ = true;
    ++depth_;
    return 0;
  }
  const Option& choice = follow(scratch_);
  ++depth_;
  return static_cast<std::size_t>(choice.pick.thread);
}

void DfsStrategy::end(std::uint64_t) {
  // The last step's footprint is unknown (nothing followed it): dependent with everything.
  wake_dependent({}, true);
  // Backtrack to the deepest decision with an untried option.
  path_.resize(std::min(path_.size(), depth_));
  while (!path_.empty()) {
    Node& last = path_.back();
    if (last.chosen + 1 < last.options.size()) {
      ++last.chosen;
      return;
    }
    path_.pop_back();
  }
  exhausted_ = true;
}

}  // namespace cj::explore
