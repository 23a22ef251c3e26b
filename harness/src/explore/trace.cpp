// Turning the recorded events of an execution into the readable failing schedule, and a stuck
// state into a wait-for report.
#include <set>
#include <sstream>

#include "explore/scheduler.hpp"

namespace cj::explore {
namespace {

constexpr std::size_t kMaxTraceLines = 300;

std::string ms(std::int64_t ns) {
  std::ostringstream s;
  s << static_cast<double>(ns) / 1e6 << " ms";
  return s.str();
}

}  // namespace

std::string Scheduler::thread_name(int id) const {
  if (id == kOutsideOwner)
    return "a thread outside the trial (it was locked before the methods ran)";
  if (id < 0 || id >= static_cast<int>(threads_.size())) return "?";
  const Thread& t = *threads_[id];
  if (t.actor >= 0) return problem_.actor_name(*case_, t.actor);
  return "thread T" + std::to_string(id) + " (started by " + thread_name(t.parent) + ")";
}

std::string Scheduler::object_name(int object) const {
  if (object < 0 || object >= static_cast<int>(objects_.size())) return "?";
  const ObjectInfo& o = objects_[object];
  const char* kind = o.kind == 'm'   ? "mutex M"
                     : o.kind == 'c' ? "condition variable C"
                     : o.kind == 'f' ? "futex word F"
                     : o.kind == 'o' ? "once flag O"
                     : o.kind == 's' ? "semaphore S"
                                     : "shared mutex R";
  return kind + std::to_string(o.number);
}

std::string Scheduler::describe(const Event& e) const {
  const std::string who = e.thread >= 0 ? thread_name(e.thread) : "";
  const std::string obj = object_name(e.object);
  switch (e.op) {
    case Op::start:
      return who + " starts";
    case Op::finish:
      return who + " returns";
    case Op::lock:
      return who + " locks " + obj;
    case Op::lock_blocks:
      return who + " waits for " + obj + " (held by " + thread_name(static_cast<int>(e.arg)) + ")";
    case Op::trylock_fails:
      return who + " tries " + obj + ": busy (held by " + thread_name(static_cast<int>(e.arg)) +
             ")";
    case Op::lock_times_out:
      return who + " gives up waiting for " + obj + " (timeout)";
    case Op::unlock:
      return who + " unlocks " + obj;
    case Op::cond_wait:
      return who + " waits on " + obj + ", releasing " + object_name(static_cast<int>(e.arg));
    case Op::cond_woken:
      return who + " wakes up from " + obj + " (notified)";
    case Op::cond_spurious:
      return who + " wakes up from " + obj + " without a notify (spurious wakeup)";
    case Op::cond_timeout:
      return who + " wakes up from " + obj + " (timed out)";
    case Op::signal:
      return who + " notifies one on " + obj +
             (e.arg < 0 ? std::string(" (nobody waits: the notify is lost)")
                        : " (wakes " + thread_name(static_cast<int>(e.arg)) + ")");
    case Op::broadcast:
      return who + " notifies all on " + obj +
             (e.arg == 0 ? std::string(" (nobody waits: the notify is lost)")
                         : " (wakes " + std::to_string(e.arg) + ")");
    case Op::futex_wait:
      return who + " sleeps on " + obj + " (atomic wait, semaphore, latch, future...)";
    case Op::futex_no_wait:
      return who + " finds " + obj + " changed and does not sleep";
    case Op::futex_woken:
      return who + " is woken on " + obj;
    case Op::futex_timeout:
      return who + " stops waiting on " + obj + " (timed out)";
    case Op::futex_wake:
      return who + " wakes " + std::to_string(e.arg) + " sleeper(s) on " + obj;
    case Op::yield:
      return who + " yields";
    case Op::sleep:
      return who + " sleeps " + ms(e.arg);
    case Op::sleep_done:
      return who + " wakes from its sleep";
    case Op::create:
      return who + " starts " + thread_name(static_cast<int>(e.object));
    case Op::join_blocks:
      return who + " waits to join " + thread_name(static_cast<int>(e.object));
    case Op::join:
      return who + " joins " + thread_name(static_cast<int>(e.object));
    case Op::detach:
      return who + " detaches " + thread_name(static_cast<int>(e.object));
    case Op::once_run:
      return who + " runs the call_once function of " + obj;
    case Op::once_done:
      return who + " finishes the call_once function of " + obj;
    case Op::once_blocks:
      return who + " waits for the call_once of " + obj;
    case Op::rd_lock:
      return who + " locks " + obj + " shared";
    case Op::wr_lock:
      return who + " locks " + obj + " exclusively";
    case Op::rw_blocks:
      return who + " waits for " + obj;
    case Op::rw_unlock:
      return who + " unlocks " + obj;
    case Op::progress:
      return who + " runs " + (e.arg == 1 ? std::string("a callback") : "callbacks") + " (prints)";
    case Op::sem_wait:
      return who + " takes " + obj + " (value " + std::to_string(e.arg) + " left)";
    case Op::sem_blocks:
      return who + " waits on " + obj + " (value 0)";
    case Op::sem_timeout:
      return who + " gives up waiting on " + obj + " (timed out)";
    case Op::sem_post:
      return who + " posts " + obj + " (value " + std::to_string(e.arg) + ")";
    case Op::time_advance:
      return "(every thread waits: virtual time moves on to " + ms(e.arg) + ")";
  }
  return who + " ?";
}

std::vector<std::string> Scheduler::render_trace() const {
  std::vector<std::string> lines;
  const std::size_t n = events_.size();
  const std::size_t head = 20;
  for (std::size_t i = 0; i < n; ++i) {
    if (n > kMaxTraceLines && i == head) {
      const std::size_t skip = n - kMaxTraceLines;
      lines.push_back("... " + std::to_string(skip) + " events left out ...");
      i += skip - 1;
      continue;
    }
    lines.push_back("step " + std::to_string(events_[i].step) + ": " + describe(events_[i]));
  }
  return lines;
}

std::string Scheduler::describe_deadlock() const {
  std::ostringstream out;
  out << "no thread can run: ";
  std::vector<int> returned;
  bool first = true;
  // Who each blocked thread waits for, when that is one thread (for the wait-for cycle).
  std::vector<int> waits_for(threads_.size(), -1);
  for (const auto& tp : threads_) {
    const Thread& t = *tp;
    if (t.finished.load(std::memory_order_relaxed)) {
      if (t.actor >= 0) returned.push_back(t.id);
      continue;
    }
    out << (first ? "" : "; ") << thread_name(t.id);
    first = false;
    auto index = [&](const void* a) {
      auto it = object_index_.find(a);
      return it == object_index_.end() ? -1 : it->second;
    };
    switch (t.wait) {
      case WaitKind::mutex: {
        auto it = mutexes_.find(t.on);
        const int owner = it == mutexes_.end() ? -1 : it->second.owner;
        out << " waits for " << object_name(index(t.on));
        if (owner != kNoOwner) out << " held by " << thread_name(owner);
        waits_for[t.id] = owner;
        break;
      }
      case WaitKind::cond:
        out << " waits on " << object_name(index(t.on))
            << " and no thread that could notify it is left";
        break;
      case WaitKind::futex:
        out << " sleeps on " << object_name(index(t.on))
            << " (an atomic wait, semaphore, latch, barrier or future) and nobody is left to "
               "wake it";
        break;
      case WaitKind::join: {
        const auto* target = static_cast<const Thread*>(t.on);
        out << " waits to join " << thread_name(target->id);
        waits_for[t.id] = target->id;
        break;
      }
      case WaitKind::once: {
        auto it = onces_.find(t.on);
        out << " waits for the call_once of " << object_name(index(t.on));
        if (it != onces_.end() && it->second.runner >= 0) {
          out << " run by " << thread_name(it->second.runner);
          waits_for[t.id] = it->second.runner;
        }
        break;
      }
      case WaitKind::rwlock: {
        auto it = rwlocks_.find(t.on);
        out << " waits for " << object_name(index(t.on));
        if (it != rwlocks_.end() && it->second.writer >= 0) {
          out << " held by " << thread_name(it->second.writer);
          waits_for[t.id] = it->second.writer;
        } else if (it != rwlocks_.end() && it->second.readers > 0) {
          out << " held shared by " << it->second.readers << " reader(s)";
        }
        break;
      }
      case WaitKind::sem:
        out << " waits on " << object_name(index(t.on)) << " and nobody is left to post it";
        break;
      default:
        out << " cannot run";
    }
  }
  // A wait-for cycle, if there is one.
  for (std::size_t s = 0; s < threads_.size(); ++s) {
    std::set<int> seen;
    int t = static_cast<int>(s);
    while (t >= 0 && !seen.count(t)) {
      seen.insert(t);
      t = waits_for[t];
    }
    if (t == static_cast<int>(s)) {
      out << "; wait-for cycle: " << thread_name(t);
      for (int u = waits_for[t]; u != t; u = waits_for[u]) out << " -> " << thread_name(u);
      out << " -> " << thread_name(t);
      break;
    }
  }
  if (!returned.empty()) {
    out << " (";
    for (std::size_t i = 0; i < returned.size(); ++i)
      out << (i ? ", " : "") << thread_name(returned[i]);
    out << (returned.size() == 1 ? " has" : " have") << " returned)";
  }
  if (trial_) {
    const std::string state = trial_->stuck_state();
    if (!state.empty()) out << ": " << state;
  }
  return out.str();
}

}  // namespace cj::explore
