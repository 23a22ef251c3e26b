#include "explore/dfs_strategy.hpp"

#include <algorithm>

namespace cj::explore {
namespace {
/// Decisions deeper than this are not branched on (long executions would never finish the
/// search); they continue without preemption, and the search no longer claims to be complete.
constexpr std::size_t kMaxDepth = 2000;

bool same(const Pick& a, const Pick& b) { return a.thread == b.thread && a.how == b.how; }
}  // namespace

void DfsStrategy::begin(std::uint64_t) {
  depth_ = 0;
  preemptions_ = 0;
}

void DfsStrategy::options_for(const Options& o, std::vector<Option>& out) const {
  out.clear();
  const bool current_runnable =
      o.current >= 0 && std::binary_search(o.runnable.begin(), o.runnable.end(), o.current);
  const bool keep_current = current_runnable && !o.yielded;
  const bool may_preempt = preemptions_ < bound_;
  if (keep_current) out.push_back({{o.current, Pick::How::run}, false});
  if (!keep_current || may_preempt)
    for (int id : o.runnable)
      if (id != o.current) out.push_back({{id, Pick::How::run}, keep_current});
  // A thread that yields goes last, so that the first path through a spin loop lets the others
  // make progress.
  if (!keep_current && current_runnable) out.push_back({{o.current, Pick::How::run}, false});
  if (may_preempt) {
    for (int id : o.spurious) out.push_back({{id, Pick::How::spurious_wakeup}, true});
    for (int id : o.early) out.push_back({{id, Pick::How::early_timeout}, true});
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
  options_for(o, scratch_);
  if (scratch_.size() == 1) return scratch_.front().pick;  // not a decision
  if (depth_ >= kMaxDepth) {
    truncated_ = true;
    ++depth_;
    return scratch_.front().pick;
  }
  const Option& choice = follow(scratch_);
  if (choice.preempts) ++preemptions_;
  ++depth_;
  return choice.pick;
}

std::size_t DfsStrategy::pick_index(std::size_t n) {
  scratch_.clear();
  for (std::size_t i = 0; i < n; ++i)
    scratch_.push_back({{static_cast<int>(i), Pick::How::run}, false});
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
