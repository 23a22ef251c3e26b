#include "explore/dfs_strategy.hpp"

#include <algorithm>

namespace cj::explore {
namespace {
/// Decisions deeper than this are not branched on (long executions would never finish the
/// search); they continue without preemption.
constexpr std::size_t kMaxDepth = 2000;
}  // namespace

void DfsStrategy::begin(std::uint64_t seed) {
  rng_.s = seed;
  depth_ = 0;
  preemptions_ = 0;
}

int DfsStrategy::pick(const std::vector<int>& runnable, int current, bool yielded) {
  const bool current_runnable =
      current >= 0 && std::find(runnable.begin(), runnable.end(), current) != runnable.end();
  const bool keep_current = current_runnable && !yielded;
  int choice;
  if (depth_ < path_.size()) {
    Node& node = path_[depth_];
    if (std::is_permutation(node.options.begin(), node.options.end(), runnable.begin(),
                            runnable.end()) ||
        std::all_of(node.options.begin(), node.options.end(), [&](int id) {
          return std::find(runnable.begin(), runnable.end(), id) != runnable.end();
        })) {
      choice = node.options[node.chosen];
    } else {
      // The execution diverged from the recorded one: forget the rest of the path.
      path_.resize(depth_);
      return pick(runnable, current, yielded);
    }
  } else if (depth_ >= kMaxDepth) {
    choice = keep_current ? current : runnable[rng_.below(runnable.size())];
    ++depth_;
    return choice;
  } else {
    Node node;
    node.current = current;
    node.current_runnable = keep_current;
    if (keep_current) node.options.push_back(current);
    if (!keep_current || preemptions_ < bound_) {
      for (int id : runnable)
        if (id != current) node.options.push_back(id);
      // A thread that yields goes last, so that the first path through a spin loop lets the
      // others make progress.
      if (!keep_current && current_runnable) node.options.push_back(current);
    }
    path_.push_back(std::move(node));
    choice = path_.back().options.front();
  }
  if (keep_current && choice != current) ++preemptions_;
  ++depth_;
  return choice;
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
