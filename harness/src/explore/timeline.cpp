// The failing execution as data for a picture: who ran which step, when each thread was blocked
// and on what, whose notify (or unlock, post, return) let which waiter go on, where callbacks ran,
// and how it ended (the deadlock's wait-for cycle, or the property the check found broken).
//
// The JSON it returns (one object; the judge draws it, see judge/src/timeline_svg.cpp):
//   threads:  [{id, name, actor, parent, finished}]
//   objects:  [{id, kind, label[, name]}]
//   steps:    [{i, step, thread, op, object, arg, text[, line][, member]}]  i: position on the
//             time axis; line: the learner's line; member: what the learner's file calls object
//   blocked:  [{thread, from, to, kind, object}]  from/to are step positions; to is null when the
//             thread was still blocked at the end
//   wakes:    [{from, to, notifier, waiter, object, kind}]  kind: notify, unlock, post, join, once
//   end:      {verdict, reason, cycle: [thread ids], waits: [{thread, object, holder}]}
//   left_out: events dropped from the middle of a long execution (0 when none), at position
//             gap_at (-1 when none)
// Events gain a `line` and objects a `name` when the engine records them; both are optional.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "explore/scheduler.hpp"

namespace cj::explore {
namespace {

using nlohmann::json;

constexpr std::size_t kHeadEvents = 40;
constexpr std::size_t kTailEvents = 260;

const char* op_name(Op op) {
  switch (op) {
    case Op::start:
      return "start";
    case Op::finish:
      return "finish";
    case Op::lock:
      return "lock";
    case Op::lock_blocks:
      return "lock_blocks";
    case Op::trylock_fails:
      return "trylock_fails";
    case Op::lock_times_out:
      return "lock_times_out";
    case Op::unlock:
      return "unlock";
    case Op::cond_wait:
      return "cond_wait";
    case Op::cond_woken:
      return "cond_woken";
    case Op::cond_spurious:
      return "cond_spurious";
    case Op::cond_timeout:
      return "cond_timeout";
    case Op::signal:
      return "signal";
    case Op::broadcast:
      return "broadcast";
    case Op::futex_wait:
      return "futex_wait";
    case Op::futex_no_wait:
      return "futex_no_wait";
    case Op::futex_woken:
      return "futex_woken";
    case Op::futex_timeout:
      return "futex_timeout";
    case Op::futex_wake:
      return "futex_wake";
    case Op::yield:
      return "yield";
    case Op::sleep:
      return "sleep";
    case Op::sleep_done:
      return "sleep_done";
    case Op::create:
      return "create";
    case Op::join_blocks:
      return "join_blocks";
    case Op::join:
      return "join";
    case Op::detach:
      return "detach";
    case Op::once_run:
      return "once_run";
    case Op::once_done:
      return "once_done";
    case Op::once_blocks:
      return "once_blocks";
    case Op::rd_lock:
      return "rd_lock";
    case Op::wr_lock:
      return "wr_lock";
    case Op::rw_blocks:
      return "rw_blocks";
    case Op::rw_unlock:
      return "rw_unlock";
    case Op::sem_wait:
      return "sem_wait";
    case Op::sem_blocks:
      return "sem_blocks";
    case Op::sem_timeout:
      return "sem_timeout";
    case Op::sem_post:
      return "sem_post";
    case Op::time_advance:
      return "time_advance";
    case Op::progress:
      return "callback";
    case Op::atomic_load:
      return "atomic_load";
    case Op::atomic_store:
      return "atomic_store";
    case Op::atomic_rmw:
      return "atomic_rmw";
    case Op::atomic_cas_fails:
      return "atomic_cas_fails";
    case Op::data_race:
      return "data_race";
  }
  return "?";
}

/// What a thread blocks on after this event, or nullptr when the event does not block it.
const char* blocks_on(Op op) {
  switch (op) {
    case Op::lock_blocks:
      return "mutex";
    case Op::cond_wait:
      return "cond";
    case Op::futex_wait:
      return "futex";
    case Op::join_blocks:
      return "join";
    case Op::once_blocks:
      return "once";
    case Op::rw_blocks:
      return "rwlock";
    case Op::sem_blocks:
      return "sem";
    case Op::sleep:
      return "sleep";
    default:
      return nullptr;
  }
}

bool is_thread_op(Op op) {
  return op == Op::create || op == Op::join_blocks || op == Op::join || op == Op::detach;
}

const char* object_kind(char k) {
  switch (k) {
    case 'm':
      return "mutex";
    case 'c':
      return "condition_variable";
    case 'f':
      return "futex";
    case 'o':
      return "once";
    case 's':
      return "semaphore";
    case 'a':
      return "atomic";
    default:
      return "shared_mutex";
  }
}

/// The source line an event carries, once the engine records one (0 or absent: unknown).
template <class E>
void add_line(json& step, const E& e) {
  if constexpr (requires { e.line; }) {
    if (e.line > 0) step["line"] = e.line;
  }
}

/// The member an object is, once the engine names objects ("forks[1]").
template <class O>
void add_name(json& object, const O& o) {
  if constexpr (requires { o.name; }) {
    if (!std::string(o.name).empty()) object["name"] = o.name;
  }
}

}  // namespace

std::string Scheduler::timeline(const std::string& verdict, const std::string& reason) {
  lock();
  json threads = json::array();
  for (const auto& tp : threads_) {
    const Thread& t = *tp;
    threads.push_back({{"id", t.id},
                       {"name", thread_name(t.id)},
                       {"actor", t.actor},
                       {"parent", t.parent},
                       {"finished", t.finished.load(std::memory_order_relaxed)}});
  }
  json objects = json::array();
  for (std::size_t k = 0; k < objects_.size(); ++k) {
    json o = {{"id", k},
              {"kind", object_kind(objects_[k].kind)},
              {"label", object_label(static_cast<int>(k))}};
    add_name(o, objects_[k]);
    objects.push_back(std::move(o));
  }

  // The events shown: all of a short execution, the start and the end of a long one.
  const std::size_t n = events_.size();
  std::vector<std::size_t> shown;
  std::size_t left_out = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (n > kHeadEvents + kTailEvents && k == kHeadEvents) {
      left_out = n - kHeadEvents - kTailEvents;
      k += left_out - 1;
      continue;
    }
    shown.push_back(k);
  }

  json steps = json::array();
  json blocked = json::array();
  json wakes = json::array();
  struct Open {
    std::size_t from;
    const char* kind;
    int object;
  };
  std::map<int, Open> open;  // thread → the block it is in
  // Per object, the last event (position) that could let a waiter go on, and who did it.
  struct Release {
    std::size_t at;
    int thread;
    const char* kind;
    int target;  // a signal's chosen waiter, or -1 for anyone
  };
  std::map<int, std::vector<Release>> releases;  // by object, in order
  std::map<int, std::size_t> finished_at;        // thread → position of its finish
  for (std::size_t pos = 0; pos < shown.size(); ++pos) {
    const Event& e = events_[shown[pos]];
    json s = {{"i", pos},
              {"step", e.step},
              {"thread", e.thread},
              {"op", op_name(e.op)},
              {"object", is_thread_op(e.op) ? -1 : e.object},
              {"arg", e.arg},
              {"text", describe(e)}};
    if (is_thread_op(e.op)) s["target"] = e.object;
    add_line(s, e);
    if (!is_thread_op(e.op) && e.object >= 0 && e.object < static_cast<int>(objects_.size()) &&
        !objects_[e.object].name.empty())
      s["member"] = objects_[e.object].name;
    steps.push_back(std::move(s));

    const int t = e.thread;
    // The thread runs again: its block (if any) ends here, and whoever released it gets an arrow.
    if (t >= 0) {
      if (auto it = open.find(t); it != open.end()) {
        const Open b = it->second;
        open.erase(it);
        blocked.push_back(
            {{"thread", t}, {"from", b.from}, {"to", pos}, {"kind", b.kind}, {"object", b.object}});
        const bool woken = e.op == Op::cond_woken || e.op == Op::futex_woken || e.op == Op::lock ||
                           e.op == Op::sem_wait || e.op == Op::rd_lock || e.op == Op::wr_lock ||
                           e.op == Op::join || e.op == Op::once_run || e.op == Op::once_done ||
                           e.op == Op::cond_spurious;
        if (std::string(b.kind) == "join") {
          if (auto f = finished_at.find(b.object); f != finished_at.end() && f->second > b.from)
            wakes.push_back({{"from", f->second},
                             {"to", pos},
                             {"notifier", b.object},
                             {"waiter", t},
                             {"object", -1},
                             {"kind", "join"}});
        } else if (woken && e.op != Op::cond_spurious) {
          const auto& list = releases[b.object];
          for (auto r = list.rbegin(); r != list.rend() && r->at > b.from; ++r) {
            if (r->thread == t || (r->target >= 0 && r->target != t)) continue;
            wakes.push_back({{"from", r->at},
                             {"to", pos},
                             {"notifier", r->thread},
                             {"waiter", t},
                             {"object", b.object},
                             {"kind", r->kind}});
            break;
          }
        }
      }
      if (const char* kind = blocks_on(e.op)) {
        open[t] = {pos, kind, e.object};  // join_blocks: the object is the thread joined
      }
    }
    switch (e.op) {
      case Op::signal:
        if (e.arg >= 0) releases[e.object].push_back({pos, t, "notify", static_cast<int>(e.arg)});
        break;
      case Op::broadcast:
      case Op::futex_wake:
        if (e.arg > 0) releases[e.object].push_back({pos, t, "notify", -1});
        break;
      case Op::unlock:
      case Op::rw_unlock:
        releases[e.object].push_back({pos, t, "unlock", -1});
        break;
      case Op::cond_wait:  // releases the mutex it waits with
        releases[static_cast<int>(e.arg)].push_back({pos, t, "unlock", -1});
        break;
      case Op::sem_post:
        releases[e.object].push_back({pos, t, "post", -1});
        break;
      case Op::once_done:
        releases[e.object].push_back({pos, t, "once", -1});
        break;
      case Op::finish:
        if (t >= 0) finished_at[t] = pos;
        break;
      default:
        break;
    }
  }
  for (const auto& [t, b] : open)
    blocked.push_back(
        {{"thread", t}, {"from", b.from}, {"to", nullptr}, {"kind", b.kind}, {"object", b.object}});

  // How it ended: for a deadlock, who waits for whom (the threads are still blocked).
  json waits = json::array();
  std::vector<int> waits_for(threads_.size(), -1);
  for (const auto& tp : threads_) {
    const Thread& t = *tp;
    if (t.finished.load(std::memory_order_relaxed) || t.wait == WaitKind::none) continue;
    int object = -1;
    if (auto it = object_index_.find(t.on); it != object_index_.end()) object = it->second;
    int holder = -1;
    if (t.wait == WaitKind::mutex) {
      if (auto it = mutexes_.find(t.on); it != mutexes_.end() && it->second.owner >= 0)
        holder = it->second.owner;
    } else if (t.wait == WaitKind::rwlock) {
      if (auto it = rwlocks_.find(t.on); it != rwlocks_.end()) holder = it->second.writer;
    } else if (t.wait == WaitKind::join) {
      holder = static_cast<const Thread*>(t.on)->id;
    } else if (t.wait == WaitKind::once) {
      if (auto it = onces_.find(t.on); it != onces_.end()) holder = it->second.runner;
    }
    waits_for[t.id] = holder;
    json w = {{"thread", t.id}, {"object", object}};
    w["holder"] = holder >= 0 ? json(holder) : json(nullptr);
    waits.push_back(std::move(w));
  }
  json cycle = json::array();
  for (std::size_t s = 0; s < threads_.size() && cycle.empty(); ++s) {
    std::set<int> seen;
    int t = static_cast<int>(s);
    while (t >= 0 && !seen.count(t)) {
      seen.insert(t);
      t = waits_for[t];
    }
    if (t != static_cast<int>(s)) continue;
    cycle.push_back(t);
    for (int u = waits_for[t]; u != t; u = waits_for[u]) cycle.push_back(u);
  }
  unlock();

  json j = {{"threads", threads},
            {"objects", objects},
            {"steps", steps},
            {"blocked", blocked},
            {"wakes", wakes},
            {"end", {{"verdict", verdict}, {"reason", reason}, {"cycle", cycle}, {"waits", waits}}},
            {"left_out", left_out},
            {"gap_at", left_out ? static_cast<int>(kHeadEvents) : -1}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace cj::explore
