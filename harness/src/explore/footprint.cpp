// What a step touched, for the DFS strategy's sleep sets (Options::step): the model objects the
// events since the previous decision name, each read-only or not. Whatever the model cannot
// classify is Access{} (dependent with every step), on the conservative side: a step wrongly
// called independent would let the search skip a schedule, and accept a buggy file.
#include "explore/scheduler.hpp"

namespace cj::explore {
namespace {

void add(std::vector<Access>& out, Access a) {
  for (const Access& b : out)
    if (b == a) return;
  out.push_back(a);
}

/// The accesses of one event; false when it is unclassified.
bool accesses(const Event& e, std::vector<Access>& out) {
  switch (e.op) {
    case Op::trylock_fails:
      add(out, {e.object, true});
      return true;
    case Op::signal:     // arg: the waiter woken, -1 for none
    case Op::broadcast:  // arg: how many were waiting
      add(out, {e.object, e.op == Op::signal ? e.arg < 0 : e.arg == 0});
      return true;
    case Op::cond_wait:  // on the condition variable, releasing the mutex (arg)
      add(out, {e.object, false});
      add(out, {static_cast<int>(e.arg), false});
      return true;
    case Op::lock:
    case Op::lock_blocks:
    case Op::lock_times_out:
    case Op::unlock:
    case Op::cond_woken:
    case Op::cond_spurious:
    case Op::cond_timeout:
    case Op::once_run:
    case Op::once_done:
    case Op::once_blocks:
    case Op::rd_lock:
    case Op::wr_lock:
    case Op::rw_blocks:
    case Op::rw_unlock:
    case Op::sem_wait:
    case Op::sem_blocks:
    case Op::sem_timeout:
    case Op::sem_post:
      if (e.object < 0) return false;
      add(out, {e.object, false});
      return true;
    default:
      // Thread start, create, join, detach and finish; yields and sleeps; virtual time; a
      // callback that ran (its output's order); futex words (the word itself is written by
      // atomic operations the model does not see).
      return false;
  }
}

}  // namespace

void Scheduler::fill_step(Options& o) {
  o.step.clear();
  bool classified = !step_timed_ && step_from_ < events_.size();
  for (std::size_t i = step_from_; classified && i < events_.size(); ++i)
    classified = accesses(events_[i], o.step);
  // A step that reached no model operation ran only code the model does not see.
  if (!classified) o.step.assign(1, Access{});
  step_from_ = events_.size();
  step_timed_ = false;
}

}  // namespace cj::explore
