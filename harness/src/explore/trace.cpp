// Turning the recorded events of an execution into the readable failing schedule, and a stuck
// state into a wait-for report.
#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "explore/scheduler.hpp"
#include "explore/source_lines.hpp"

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

namespace {

const char* kind_name(char kind) {
  return kind == 'm'   ? "mutex"
         : kind == 'c' ? "condition variable"
         : kind == 'f' ? "futex word"
         : kind == 'o' ? "once flag"
         : kind == 's' ? "semaphore"
         : kind == 'a' ? "atomic"
                       : "shared mutex";
}

/// The size of one such object: the stride of an array of them.
std::size_t kind_size(char kind) {
  switch (kind) {
    case 'm':
      return sizeof(pthread_mutex_t);
    case 'c':
      return sizeof(pthread_cond_t);
    case 's':
      return sizeof(sem_t);
    case 'r':
      return sizeof(pthread_rwlock_t);
    default:
      return sizeof(int);
  }
}

/// The kind of object an event's line names, when the event is an operation the line spells out
/// (a lock, a wait, a notify); 0 for the others (an unlock at a closing brace, a re-lock after
/// a wait, thread operations).
char operand_kind(Op op) {
  switch (op) {
    case Op::lock:
    case Op::lock_blocks:
    case Op::trylock_fails:
    case Op::lock_times_out:
      return 'm';
    case Op::cond_wait:
    case Op::signal:
    case Op::broadcast:
      return 'c';
    case Op::futex_wait:
    case Op::futex_no_wait:
    case Op::futex_wake:
      return 'f';
    case Op::sem_wait:
    case Op::sem_blocks:
    case Op::sem_post:
      return 's';
    case Op::rd_lock:
    case Op::wr_lock:
    case Op::rw_blocks:
      return 'r';
    case Op::atomic_load:
    case Op::atomic_store:
    case Op::atomic_rmw:
    case Op::atomic_cas_fails:
      return 'a';
    default:
      return 0;
  }
}

/// "forks" for "forks[(philosopher + 1) % 5]"; "" when the name is not an array element.
std::string array_of(const std::string& name) {
  const auto open = name.find('[');
  if (open == std::string::npos || open == 0 || name.back() != ']') return "";
  for (std::size_t i = 0; i < open; ++i)
    if (!std::isalnum(static_cast<unsigned char>(name[i])) && name[i] != '_') return "";
  return name.substr(0, open);
}

}  // namespace

std::string Scheduler::object_label(int object) const {
  if (object < 0 || object >= static_cast<int>(objects_.size())) return "?";
  const ObjectInfo& o = objects_[object];
  static const char kLetter[] = {'m', 'M', 'c', 'C', 'f', 'F', 'o',
                                 'O', 's', 'S', 'r', 'R', 'a', 'A'};
  char letter = 'R';
  for (std::size_t k = 0; k < sizeof kLetter; k += 2)
    if (kLetter[k] == o.kind) letter = kLetter[k + 1];
  return std::string(kind_name(o.kind)) + " " + letter + std::to_string(o.number);
}

std::string Scheduler::object_name(int object) const {
  if (object < 0 || object >= static_cast<int>(objects_.size())) return "?";
  const ObjectInfo& o = objects_[object];
  if (o.name.empty()) return object_label(object);
  if (o.unique_name) return std::string(kind_name(o.kind)) + " " + o.name;
  return object_label(object) + " (" + o.name + ")";
}

void Scheduler::name_objects() {
  for (auto& o : objects_) o.name.clear();
  // What the line of the first operation on each object calls it.
  for (const Event& e : events_) {
    const char kind = operand_kind(e.op);
    if (!kind || e.line <= 0 || e.object < 0 || e.object >= static_cast<int>(objects_.size()))
      continue;
    ObjectInfo& o = objects_[e.object];
    if (o.name.empty() && o.kind == kind) o.name = operand_on(learner_source_line(e.line), kind);
  }
  // A global's own name wins; an array element whose array the file declares with a bound, and
  // whose first and last elements were both seen, gets its index: "forks[(i + 1) % 5]" is
  // "forks[2]".
  std::unordered_map<std::string, std::vector<int>> arrays;
  for (std::size_t k = 0; k < objects_.size(); ++k) {
    ObjectInfo& o = objects_[k];
    const std::string global = global_name(o.address, kind_size(o.kind));
    if (!global.empty()) {
      o.name = global;
      continue;
    }
    const std::string array = array_of(o.name);
    if (!array.empty()) arrays[array + '\0' + o.kind].push_back(static_cast<int>(k));
  }
  for (const auto& [key, members] : arrays) {
    const std::string array = key.substr(0, key.find('\0'));
    const int extent = declared_extent(array);
    if (extent <= 0) continue;
    const std::size_t size = kind_size(objects_[members.front()].kind);
    auto at = [&](int k) { return reinterpret_cast<std::uintptr_t>(objects_[k].address); };
    std::uintptr_t lo = UINTPTR_MAX, hi = 0;
    for (int k : members) {
      lo = std::min(lo, at(k));
      hi = std::max(hi, at(k));
    }
    if (hi - lo != static_cast<std::uintptr_t>(extent - 1) * size) continue;
    bool aligned = true;
    for (int k : members) aligned &= (at(k) - lo) % size == 0;
    if (!aligned) continue;
    for (int k : members)
      objects_[k].name = array + "[" + std::to_string((at(k) - lo) / size) + "]";
  }
  for (auto& o : objects_) {
    o.unique_name = !o.name.empty();
    for (const auto& other : objects_)
      if (&other != &o && other.name == o.name) o.unique_name = false;
  }
}

int Scheduler::line_of_last(int thread, int object, std::initializer_list<Op> ops) const {
  for (auto e = events_.rbegin(); e != events_.rend(); ++e) {
    if (e->thread != thread || e->object != object) continue;
    for (Op op : ops)
      if (e->op == op) return e->line;
  }
  return 0;
}

bool Scheduler::same_events(const Scheduler& other) const {
  if (events_.size() != other.events_.size()) return false;
  for (std::size_t k = 0; k < events_.size(); ++k) {
    const Event &a = events_[k], &b = other.events_[k];
    if (a.step != b.step || a.thread != b.thread || a.op != b.op || a.object != b.object ||
        a.arg != b.arg)
      return false;
  }
  return true;
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
    case Op::atomic_load:
      return who + " reads " + obj + " (" + std::to_string(e.arg) + ")";
    case Op::atomic_store:
      return who + " stores to " + obj;
    case Op::atomic_rmw:
      return who + " updates " + obj + " (read-modify-write)";
    case Op::atomic_cas_fails:
      return who + " tries a compare-exchange on " + obj + ": it fails";
    case Op::data_race:
      return who + (e.arg ? " writes" : " reads") +
             " memory another thread accessed, with nothing ordering the two: a data race";
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
    const Event& e = events_[i];
    lines.push_back("step " + std::to_string(e.step) +
                    (e.line > 0 ? " (line " + std::to_string(e.line) + ")" : std::string()) + ": " +
                    describe(e));
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
    // Where it waits, and where the holder took what it waits for, when lines were recorded.
    auto at_line = [](int line) {
      return line > 0 ? " at line " + std::to_string(line) : std::string();
    };
    switch (t.wait) {
      case WaitKind::mutex: {
        auto it = mutexes_.find(t.on);
        const int owner = it == mutexes_.end() ? -1 : it->second.owner;
        const int object = index(t.on);
        out << " waits for " << object_name(object)
            << at_line(line_of_last(t.id, object, {Op::lock_blocks}));
        if (owner != kNoOwner) {
          out << " held by " << thread_name(owner);
          const int locked = line_of_last(owner, object, {Op::lock});
          if (locked > 0) out << " (locked at line " << locked << ")";
        }
        waits_for[t.id] = owner;
        break;
      }
      case WaitKind::cond:
        out << " waits on " << object_name(index(t.on))
            << at_line(line_of_last(t.id, index(t.on), {Op::cond_wait}))
            << " and no thread that could notify it is left";
        break;
      case WaitKind::futex:
        out << " sleeps on " << object_name(index(t.on))
            << at_line(line_of_last(t.id, index(t.on), {Op::futex_wait}))
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
        out << " waits on " << object_name(index(t.on))
            << at_line(line_of_last(t.id, index(t.on), {Op::sem_blocks}))
            << " and nobody is left to post it";
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
