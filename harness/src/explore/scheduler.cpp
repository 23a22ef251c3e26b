#include "explore/scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

#include "explore/source_lines.hpp"
#include "runner.hpp"

namespace cj::explore {

__thread Thread* t_self = nullptr;
Scheduler* g_scheduler = nullptr;

namespace {

/// Steps without any progress (a callback running, a thread returning) after which the
/// threads count as livelocked.
constexpr std::uint64_t kLivelockSteps = 20000;
/// Virtual time each scheduling step takes.
constexpr std::uint64_t kStepNs = 1000;

std::int64_t to_ns(const timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000LL + t.tv_nsec;
}

double seconds_between(std::chrono::steady_clock::time_point a,
                       std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

Scheduler::Scheduler(const Problem& problem, int workers) : problem_(problem) {
  real().clock_gettime(CLOCK_REALTIME, &base_realtime_);
  real().clock_gettime(CLOCK_MONOTONIC, &base_monotonic_);
  for (int w = 0; w < workers; ++w) {
    workers_.push_back(std::make_unique<Worker>());
    Worker* wk = workers_.back().get();
    wk->os_thread = std::thread([this, wk] { worker_main(*wk); });
    wk->os_thread.detach();
  }
}

void Scheduler::lock() noexcept {
  while (lock_flag_.exchange(true, std::memory_order_acquire))
    while (lock_flag_.load(std::memory_order_relaxed)) __builtin_ia32_pause();
}

void Scheduler::unlock() noexcept { lock_flag_.store(false, std::memory_order_release); }

void Scheduler::worker_main(Worker& w) {
  clockid_t cpu{};
  const bool has_cpu = pthread_getcpuclockid(pthread_self(), &cpu) == 0;
  for (;;) {
    w.gate.wait();
    Thread* me = w.thread;
    if (!me || me->started) continue;  // a stale opening from a release
    me->started = true;
    me->handle = pthread_self();
    me->cpu_clock = cpu;
    me->has_cpu_clock = has_cpu;
    lock();
    record(me, Op::start);
    unlock();
    t_self = me;
    try {
      w.trial->run(me->actor);
    } catch (const std::exception& e) {
      me->error = std::string("an exception escaped: ") + e.what();
    } catch (...) {
      me->error = "an exception that is not a std::exception escaped";
    }
    t_self = nullptr;
    finish(me);
  }
}

void* Scheduler::trampoline(void* arg) {
  Thread* me = static_cast<Thread*>(arg);
  me->gate->wait();
  me->started = true;
  me->has_cpu_clock = pthread_getcpuclockid(pthread_self(), &me->cpu_clock) == 0;
  g_scheduler->lock();
  g_scheduler->record(me, Op::start);
  g_scheduler->unlock();
  t_self = me;
  void* result = me->start_routine(me->start_arg);
  t_self = nullptr;
  g_scheduler->finish(me);
  return result;
}

void Scheduler::finish(Thread* me) {
  lock();
  me->finished.store(true, std::memory_order_release);
  if (released_.load(std::memory_order_relaxed)) {
    unlock();
    done_.post();
    return;
  }
  record(me, Op::finish);
  last_progress_step_ = steps_.load(std::memory_order_relaxed);
  for (auto& t : threads_)
    if (t->wait == WaitKind::join && t->on == me) wake(*t, false, false);
  Thread* next = choose(me, false);
  if (!next) {
    unlock();
    done_.post();
    return;
  }
  current_.store(next, std::memory_order_relaxed);
  unlock();
  next->gate->post();
}

std::vector<std::string> Scheduler::trace() {
  lock();
  auto lines = render_trace();
  unlock();
  return lines;
}

void Scheduler::poll_progress(const Thread* me) {
  const unsigned long long progress = progress_count();
  if (progress == last_progress_) return;
  const std::uint64_t step = steps_.load(std::memory_order_relaxed);
  events_.push_back({static_cast<std::uint32_t>(step), static_cast<std::int16_t>(me ? me->id : -1),
                     Op::progress, -1, 0, static_cast<std::int64_t>(progress - last_progress_)});
  last_progress_ = progress;
  last_progress_step_ = step;
}

void Scheduler::record(const Thread* me, Op op, int object, std::int64_t arg) {
  if (me) poll_progress(me);
  int line = 0;
  if (capture_lines_ && me) {
    // What the walk calls (the unwinder's own locks, say) must not reach the model.
    Thread* const self = t_self;
    t_self = nullptr;
    line = learner_line();
    t_self = self;
  }
  events_.push_back({static_cast<std::uint32_t>(steps_.load(std::memory_order_relaxed)),
                     static_cast<std::int16_t>(me ? me->id : -1), op, object, line, arg});
}

void Scheduler::wake(Thread& t, bool timed_out, bool spurious) {
  t.wait = WaitKind::none;
  t.on = nullptr;
  t.timed = false;
  t.timed_out = timed_out;
  t.spurious = spurious;
}

void Scheduler::time_out(Thread& t) {
  if (t.wait == WaitKind::cond) remove_waiter(conds_[t.on], t.id);
  if (t.wait == WaitKind::futex) remove_waiter(futexes_[t.on], t.id);
  wake(t, t.wait != WaitKind::sleep, false);
}

void Scheduler::end_execution(ExecutionResult::Kind kind) {
  set_quiescence_exact(false);
  end_kind_ = kind;
  ended_ = true;
  current_.store(nullptr, std::memory_order_relaxed);
}

Thread* Scheduler::choose(Thread* me, bool yielded) {
  const std::uint64_t step = steps_.fetch_add(1, std::memory_order_relaxed) + 1;
  vnow_ += kStepNs;
  poll_progress(me);
  if (step - last_progress_step_ > kLivelockSteps) {
    end_execution(ExecutionResult::Kind::livelock);
    return nullptr;
  }
  for (;;) {
    runnable_.clear();
    std::uint64_t earliest = UINT64_MAX;
    bool any_unfinished = false;
    for (auto& t : threads_) {
      if (t->finished.load(std::memory_order_relaxed)) continue;
      any_unfinished = true;
      if (t->wait == WaitKind::none) {
        runnable_.push_back(t->id);
      } else if (t->timed) {
        if (t->deadline <= vnow_) {
          // Its time has come while others ran.
          time_out(*t);
          runnable_.push_back(t->id);
        } else {
          earliest = std::min(earliest, t->deadline);
        }
      }
    }
    if (!any_unfinished) {
      end_execution(ExecutionResult::Kind::finished);
      return nullptr;
    }
    if (runnable_.empty()) {
      if (earliest == UINT64_MAX) {
        end_execution(ExecutionResult::Kind::deadlock);
        return nullptr;
      }
      // Nobody can run before the earliest deadline: virtual time jumps there.
      vnow_ = earliest;
      record(nullptr, Op::time_advance, -1, static_cast<std::int64_t>(vnow_));
      continue;
    }
    break;
  }
  // A condition variable may wake a waiter without a notify: inject a few such wakeups.
  if (spurious_left_ > 0 && rng_.below(8) == 0) {
    choices_.clear();
    for (auto& t : threads_)
      if (t->wait == WaitKind::cond && !t->finished.load(std::memory_order_relaxed))
        choices_.push_back(t->id);
    if (!choices_.empty()) {
      Thread& t = *threads_[choices_[rng_.below(choices_.size())]];
      --spurious_left_;
      auto& q = conds_[t.on];
      remove_waiter(q, t.id);
      wake(t, false, true);
      runnable_.push_back(t.id);
      std::sort(runnable_.begin(), runnable_.end());
    }
  }
  // Eager time: a sleep or a timed wait may end at any step, as if the thread had been
  // delayed, which exposes orders that only hold because of sleep().
  if (eager_time_) {
    for (auto& t : threads_)
      if (t->wait != WaitKind::none && t->timed && !t->finished.load(std::memory_order_relaxed))
        runnable_.push_back(t->id);
    std::sort(runnable_.begin(), runnable_.end());
  }
  int pick = runnable_.front();
  if (runnable_.size() > 1) {
    pick = strategy_->pick(runnable_, me ? me->id : -1, yielded);
    picks_.push_back(pick);
  }
  Thread* next = threads_[pick].get();
  if (next->wait != WaitKind::none) {
    // An eager timeout: virtual time moves to its deadline.
    vnow_ = std::max(vnow_, next->deadline);
    time_out(*next);
  }
  return next;
}

bool Scheduler::switch_point(Thread* me, bool yielded) {
  if (released_.load(std::memory_order_relaxed)) return false;
  Thread* next = choose(me, yielded);
  if (next == me) return true;
  if (!next) {
    unlock();
    done_.post();
  } else {
    current_.store(next, std::memory_order_relaxed);
    unlock();
    next->gate->post();
  }
  me->gate->wait();
  lock();
  return !released_.load(std::memory_order_relaxed);
}

bool Scheduler::block(Thread* me, WaitKind kind, const void* on, bool timed,
                      std::uint64_t deadline) {
  me->wait = kind;
  me->on = on;
  me->timed = timed;
  me->deadline = deadline;
  me->timed_out = me->spurious = false;
  return switch_point(me);
}

void Scheduler::remove_waiter(WaitQueue& q, int id) {
  q.waiters.erase(std::remove(q.waiters.begin(), q.waiters.end(), id), q.waiters.end());
}

void Scheduler::release_all() {
  lock();
  released_.store(true, std::memory_order_relaxed);
  set_quiescence_exact(false);
  // Mutexes the model says are held are really unlocked: lock them on their owners' behalf so
  // that the owners' unlock calls (now forwarded) find them locked.
  for (auto& [address, m] : mutexes_)
    if (m.owner >= 0)
      real().mutex_trylock(static_cast<pthread_mutex_t*>(const_cast<void*>(address)));
  for (auto& t : threads_)
    if (!t->finished.load(std::memory_order_relaxed)) t->gate->post();
  unlock();
}

ExecutionResult Scheduler::run(Trial& trial, const Case& c, Strategy& strategy, std::uint64_t seed,
                               double stall_s) {
  lock();
  case_copy_ = c;  // the caller's case may be gone when the failing schedule is drawn
  case_ = &case_copy_;
  trial_ = &trial;
  strategy_ = &strategy;
  strategy.begin(seed);
  rng_.s = seed ^ 0x5851f42d4c957f2dULL;
  spurious_left_ = static_cast<int>(rng_.below(3));
  eager_time_ = rng_.below(2) == 0 && strategy.eager_time();
  set_quiescence_exact(!eager_time_);
  threads_.clear();
  mutexes_.clear();
  conds_.clear();
  futexes_.clear();
  rwlocks_.clear();
  onces_.clear();
  sems_.clear();
  object_index_.clear();
  objects_.clear();
  events_.clear();
  picks_.clear();
  vnow_ = 0;
  steps_.store(0, std::memory_order_relaxed);
  last_progress_ = progress_count();
  last_progress_step_ = 0;
  ended_ = false;
  for (int a = 0; a < c.actors; ++a) {
    auto t = std::make_unique<Thread>();
    t->id = a;
    t->actor = a;
    t->gate = &workers_[a]->gate;
    workers_[a]->trial = &trial;
    workers_[a]->thread = t.get();
    threads_.push_back(std::move(t));
  }
  Thread* first = choose(nullptr, false);
  current_.store(first, std::memory_order_relaxed);
  unlock();
  first->gate->post();

  // Watchdog: a holder that runs long without reaching a scheduling point spins on a plain or
  // atomic load. Release everyone to the real primitives and let the trial finish uncontrolled.
  using Clock = std::chrono::steady_clock;
  auto since = Clock::now();
  std::uint64_t last_steps = steps_.load();
  Thread* holder = current_.load();
  auto cpu_of = [](Thread* t) -> double {
    timespec ts{};
    if (!t || !t->has_cpu_clock || real().clock_gettime(t->cpu_clock, &ts) != 0) return 0;
    return static_cast<double>(to_ns(ts)) / 1e9;
  };
  double cpu_at = cpu_of(holder);
  bool busy = false;
  for (;;) {
    if (done_.wait_ns(10000000)) {
      lock();
      const bool over = ended_;
      unlock();
      if (over) break;
      continue;
    }
    std::uint64_t s = steps_.load();
    Thread* h = current_.load();
    auto now = Clock::now();
    if (s != last_steps || h != holder) {
      last_steps = s;
      holder = h;
      since = now;
      cpu_at = cpu_of(h);
      continue;
    }
    const double still = seconds_between(since, now);
    if ((still > 0.2 && cpu_of(h) - cpu_at > 0.1) || still > 3.0) {
      busy = true;
      break;
    }
  }

  ExecutionResult r;
  r.steps = steps_.load();
  if (busy) {
    Thread* h = current_.load();
    const std::string who = h ? thread_name(h->id) : std::string("a thread");
    release_all();
    auto start = Clock::now();
    bool all_done = false;
    while (!all_done && seconds_between(start, Clock::now()) < std::max(1.0, stall_s)) {
      done_.wait_ns(10000000);
      all_done = true;
      for (auto& t : threads_) all_done &= t->finished.load(std::memory_order_acquire);
    }
    r.kind = all_done ? ExecutionResult::Kind::busy_wait : ExecutionResult::Kind::busy_wait_stuck;
    r.reason = who +
               " kept running without reaching any synchronisation operation (it busy-waits on "
               "a variable); the explorer cannot schedule such a loop, so this trial ran on the "
               "real scheduler";
    lock();
    if (capture_lines_) name_objects();
    r.trace = render_trace();
    unlock();
    return r;
  }
  lock();
  r.kind = end_kind_;
  r.actors_returned = true;
  for (auto& t : threads_) {
    const bool done = t->finished.load(std::memory_order_relaxed);
    if (t->actor >= 0 && !done) r.actors_returned = false;
    if (t->actor < 0 && !done && r.leaked.empty()) r.leaked = thread_name(t->id);
  }
  for (auto& t : threads_)
    if (!t->error.empty() && r.error.empty()) r.error = thread_name(t->id) + ": " + t->error;
  if (capture_lines_) name_objects();
  if (r.kind == ExecutionResult::Kind::deadlock) {
    r.reason = describe_deadlock();
    r.trace = render_trace();
  } else if (r.kind == ExecutionResult::Kind::livelock) {
    r.reason = "the threads kept running for " + std::to_string(kLivelockSteps) +
               " scheduling steps without any of them making progress (yielding, sleeping or "
               "re-checking in a loop while nothing changes)";
    r.trace = render_trace();
  }
  strategy.end(r.steps);
  unlock();
  return r;
}

std::uint64_t Scheduler::deadline_for(clockid_t clock, const timespec* abstime) const {
  const timespec& base = clock == CLOCK_REALTIME ? base_realtime_ : base_monotonic_;
  const std::int64_t now = to_ns(base) + static_cast<std::int64_t>(vnow_);
  const std::int64_t rel = std::max<std::int64_t>(0, to_ns(*abstime) - now);
  return vnow_ + static_cast<std::uint64_t>(rel);
}

int Scheduler::clock_gettime(Thread* /*me*/, clockid_t clock, timespec* out) {
  lock();
  const bool realtime = clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE;
  const std::int64_t ns =
      to_ns(realtime ? base_realtime_ : base_monotonic_) + static_cast<std::int64_t>(vnow_);
  unlock();
  out->tv_sec = ns / 1000000000;
  out->tv_nsec = ns % 1000000000;
  return 0;
}

}  // namespace cj::explore
