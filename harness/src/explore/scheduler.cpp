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
/// Consecutive steps a thread may take while others could run before it gives way (see
/// keep_fair()). Only bounds how long a spinner keeps the others waiting; any value is a legal
/// schedule (a real time slice lets a spinner run far longer).
constexpr std::uint32_t kFairSlice = 64;
/// Yields (and failed try-operations) a thread may make since it last blocked, or since the last
/// progress, before each of them makes it give way.
constexpr std::uint32_t kFreeGiveWays = 8;
/// Virtual time each scheduling step takes.
constexpr std::uint64_t kStepNs = 1000;
/// Each controlled thread's stack (reserved, not committed: only touched pages cost memory).
constexpr std::size_t kStackBytes = std::size_t{2} << 20;

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
    hosts_.push_back(std::make_unique<HostThread>(&Scheduler::resume_on_host, this));
    stacks_.push_back(std::make_unique<FiberStack>(kStackBytes));
  }
}

__thread bool t_in_model = false;

void Scheduler::lock() noexcept {
  while (lock_flag_.exchange(true, std::memory_order_acquire))
    while (lock_flag_.load(std::memory_order_relaxed)) __builtin_ia32_pause();
  t_in_model = true;
}

void Scheduler::unlock() noexcept {
  t_in_model = false;
  lock_flag_.store(false, std::memory_order_release);
}

void Scheduler::attach(Thread& t) {
  const auto id = static_cast<std::size_t>(t.id);
  while (hosts_.size() <= id) {
    hosts_.push_back(std::make_unique<HostThread>(&Scheduler::resume_on_host, this));
    stacks_.push_back(std::make_unique<FiberStack>(kStackBytes));
  }
  t.host = hosts_[id].get();
  t.handle = t.host->handle();
  fiber_prepare(t.fiber, *stacks_[id], &Scheduler::fiber_main, &t, t.host->fs());
}

std::unique_ptr<Thread> Scheduler::new_thread() {
  if (spare_threads_.empty()) return std::make_unique<Thread>();
  std::unique_ptr<Thread> t = std::move(spare_threads_.back());
  spare_threads_.pop_back();
  t->reset();
  return t;
}

void Scheduler::switch_to(Thread* me, Thread* next) {
  current_.store(next, std::memory_order_relaxed);
  Fiber& from = me ? me->fiber : executor_;
  fiber_switch(from, next ? next->fiber : executor_);
}

void Scheduler::fiber_main(void* arg) {
  Thread* me = static_cast<Thread*>(arg);
  Scheduler& s = *g_scheduler;
  t_in_model = true;  // it starts holding lock_, on a host whose flag was never set
  me->started = true;
  const bool controlled = !s.released_.load(std::memory_order_relaxed);
  if (controlled) s.record(me, Op::start);
  s.unlock();
  t_self = me;
  if (me->actor >= 0) {
    try {
      s.trial_->run(me->actor);
    } catch (const std::exception& e) {
      me->error = std::string("an exception escaped: ") + e.what();
    } catch (...) {
      me->error = "an exception that is not a std::exception escaped";
    }
  } else {
    me->result = me->start_routine(me->start_arg);
  }
  end_thread_locals(me);
  s.finish(me);
}

void Scheduler::end_thread_locals(Thread* me) {
  // Still `me` while they run: a destructor that locks or notifies is part of the schedule.
  while (!me->tls_dtors.empty()) {
    const auto [dtor, object] = me->tls_dtors.back();
    me->tls_dtors.pop_back();
    dtor(object);
  }
  t_self = nullptr;
  if (me->host) me->host->reset_tls();
}

void Scheduler::resume_on_host(HostThread& host) {
  auto& s = *static_cast<Scheduler*>(host.owner());
  s.lock();
  Thread* t = nullptr;
  for (auto& th : s.threads_)
    if (th->host == &host) t = th.get();
  if (!t || t->finished.load(std::memory_order_relaxed) || t->back) {
    s.unlock();
    return;
  }
  t->back = &host.self;
  // The fiber resumes holding lock_, sees the release and unlocks it.
  fiber_switch(host.self, t->fiber);
}

void Scheduler::finish(Thread* me) {
  lock();
  me->finished.store(true, std::memory_order_release);
  if (released_.load(std::memory_order_relaxed)) {
    Fiber* back = me->back ? me->back : &executor_;
    if (back != &executor_) unlock();  // the executor resumes holding lock_, as always
    done_.post();
    Fiber dead;
    fiber_switch(dead, *back);
    __builtin_unreachable();
  }
  record(me, Op::finish);
  last_progress_step_ = steps_.load(std::memory_order_relaxed);
  for (auto& t : threads_)
    if (t->wait == WaitKind::join && t->on == me) wake(*t, false, false);
  Thread* next = choose(me, false);
  switch_to(me, next);
  __builtin_unreachable();
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
  if (me && races_.enabled()) order(me, op, object, arg);
}

std::size_t Scheduler::pick_index(std::size_t n) {
  const std::size_t k = strategy_->pick_index(n);
  choices_.push_back({Choice::Kind::index, static_cast<int>(k)});
  return k;
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
  // Only the running fiber writes these: plain stores, no locked instruction on every step.
  const std::uint64_t step = steps_.load(std::memory_order_relaxed) + 1;
  steps_.store(step, std::memory_order_relaxed);
  activity_.store(activity_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  vnow_ += kStepNs;
  poll_progress(me);
  if (step - last_progress_step_ > kLivelockSteps) {
    end_execution(ExecutionResult::Kind::livelock);
    return nullptr;
  }
  const bool me_runnable =
      me && !me->finished.load(std::memory_order_relaxed) && me->wait == WaitKind::none;
  const bool spun = me && me->spun;
  if (me) me->spun = false;
  // A thread that keeps yielding, or retrying a try-operation that failed, without progress
  // gives way (keep_fair()). Its first few yields are free: a short spin before blocking
  // (libstdc++'s atomic wait yields up to 4 times) is not a spin loop, and making the others run
  // at once would hide orders where it runs again before them.
  if (me_runnable && (yielded || spun)) {
    if (me->spin_epoch != last_progress_step_) {
      me->spin_epoch = last_progress_step_;
      me->spins = 0;
    }
    if (++me->spins > kFreeGiveWays) me->gave_way = step;
  }
  Options& o = options_;
  for (;;) {
    o.runnable.clear();
    o.spurious.clear();
    o.early.clear();
    std::uint64_t earliest = UINT64_MAX;
    std::uint64_t earliest_not_quiescence = UINT64_MAX;
    bool any_unfinished = false;
    bool all_gave_way = true;  // every runnable thread is waiting for others by spinning
    for (auto& t : threads_) {
      if (t->finished.load(std::memory_order_relaxed)) continue;
      any_unfinished = true;
      if (t->wait == WaitKind::none) {
        o.runnable.push_back(t->id);
        all_gave_way &= t->gave_way != 0;
        continue;
      }
      if (t->timed) {
        if (t->deadline <= vnow_) {
          // Its time has come while others ran.
          time_out(*t);
          o.runnable.push_back(t->id);
          all_gave_way = false;
          continue;
        }
        earliest = std::min(earliest, t->deadline);
        if (!t->awaits_quiescence) {
          o.early.push_back(t->id);
          earliest_not_quiescence = std::min(earliest_not_quiescence, t->deadline);
        }
      }
      // A condition variable may wake a waiter without a notify.
      if (t->wait == WaitKind::cond) o.spurious.push_back(t->id);
    }
    if (!any_unfinished) {
      end_execution(ExecutionResult::Kind::finished);
      return nullptr;
    }
    if (o.runnable.empty()) {
      if (earliest == UINT64_MAX) {
        end_execution(ExecutionResult::Kind::deadlock);
        return nullptr;
      }
      // Nobody can run before the earliest deadline: virtual time jumps there.
      vnow_ = earliest;
      record(nullptr, Op::time_advance, -1, static_cast<std::int64_t>(vnow_));
      continue;
    }
    if (all_gave_way && earliest_not_quiescence != UINT64_MAX) {
      // Everyone who can run only spins (yields, retries) waiting for others: what they wait
      // for may be a sleeper's or a timed wait's end, so time passes as it would while they
      // spin. (A quiescence sleep is not ended this way: spinning threads are not quiescent.)
      vnow_ = earliest_not_quiescence;
      set_time_kept_pace(false);  // the spin took that time, not a sleep or a latency
      record(nullptr, Op::time_advance, -1, static_cast<std::int64_t>(vnow_));
      continue;
    }
    break;
  }
  keep_fair(me_runnable ? me : nullptr, step);
  Thread* next = nullptr;
  if (o.runnable.size() == 1 && o.spurious.empty() && o.early.empty()) {
    next = threads_[o.runnable.front()].get();
  } else {
    o.current = me ? me->id : -1;
    // A failed try-operation asks the strategy to run others first only once it is past the free
    // ones: std::lock's try-and-back-off (lock one, try the other, unlock, lock the other) made to
    // hand over after every failed try, before it unlocks, went round three threads for ever.
    o.yielded = yielded || (spun && me->gave_way == step);
    if (strategy_->uses_steps()) {
      fill_step(o);
      o.fairness_active = run_length_ >= kFairSlice / 2;
      for (const auto& t : threads_) o.fairness_active |= t->gave_way != 0;
    }
    const Pick pick = strategy_->pick(o);
    choices_.push_back({static_cast<Choice::Kind>(pick.how), pick.thread});
    next = threads_[pick.thread].get();
    if (pick.how == Pick::How::spurious_wakeup && next->wait == WaitKind::cond) {
      remove_waiter(conds_[next->on], next->id);
      wake(*next, false, true);
    } else if (pick.how == Pick::How::early_timeout && next->wait != WaitKind::none) {
      // An early end of a sleep or timed wait: virtual time moves to its deadline.
      vnow_ = std::max(vnow_, next->deadline);
      time_out(*next);
      set_time_kept_pace(false);
    }
  }
  run_length_ = next == me ? run_length_ + 1 : 0;
  next->last_run = step;
  next->gave_way = 0;
  return next;
}

bool Scheduler::holds_lock(const Thread& t) const {
  for (const auto& [address, m] : mutexes_)
    if (m.owner == t.id) return true;
  for (const auto& [address, rw] : rwlocks_)
    if (rw.writer == t.id) return true;
  return false;
}

void Scheduler::keep_fair(Thread* me, std::uint64_t step) {
  std::vector<int>& r = options_.runnable;
  if (r.size() < 2) return;
  // A thread that ran this long while others could run may be spinning on something without a
  // call that gives way (a lock taken and dropped in a loop): it gives way too, at a point where
  // it holds no lock, so that the others find the lock free (else each would only find it
  // taken, block, and hand back to the spinner).
  if (me && run_length_ >= kFairSlice && (run_length_ >= 16 * kFairSlice || !holds_lock(*me)))
    me->gave_way = step;
  // CHESS's fair scheduler (Musuvathi and Qadeer, PLDI 2008): a thread that gave way may run
  // again only once every other runnable thread has run since. So spinners cannot starve the
  // thread they wait for, whatever the strategy, and a livelock verdict means that the threads
  // kept running without progress under a fair schedule. Some thread always qualifies: the one
  // that ran least recently.
  std::uint64_t first = UINT64_MAX, second = UINT64_MAX;
  int first_id = -1;
  for (int id : r) {
    const std::uint64_t last = threads_[id]->last_run;
    if (last < first) {
      second = first;
      first = last;
      first_id = id;
    } else if (last < second) {
      second = last;
    }
  }
  fair_.clear();
  for (int id : r) {
    const Thread& t = *threads_[id];
    const std::uint64_t others_least_recent = id == first_id ? second : first;
    if (t.gave_way != 0 && others_least_recent < t.gave_way) continue;
    fair_.push_back(id);
  }
  r.swap(fair_);
}

bool Scheduler::switch_point(Thread* me, bool yielded) {
  if (released_.load(std::memory_order_relaxed)) return false;
  Thread* next = choose(me, yielded);
  if (next == me) return true;
  switch_to(me, next);
  // Resumed holding lock_: by the fiber that chose this one, or by its host after a release.
  return !released_.load(std::memory_order_relaxed);
}

bool Scheduler::block(Thread* me, WaitKind kind, const void* on, bool timed,
                      std::uint64_t deadline) {
  me->wait = kind;
  me->on = on;
  me->spins = 0;  // it waits instead of spinning
  me->timed = timed;
  step_timed_ |= timed;
  me->deadline = deadline;
  me->timed_out = me->spurious = false;
  return switch_point(me);
}

void Scheduler::remove_waiter(WaitQueue& q, int id) {
  q.waiters.erase(std::remove(q.waiters.begin(), q.waiters.end(), id), q.waiters.end());
}

double Scheduler::executor_cpu_s() const noexcept {
  timespec ts{};
  if (real().clock_gettime(executor_cpu_, &ts) != 0) return 0;
  return static_cast<double>(to_ns(ts)) / 1e9;
}

std::string Scheduler::release() {
  lock();
  Thread* running = current_.load(std::memory_order_relaxed);
  if (!executing_.load(std::memory_order_relaxed) || !running) {
    unlock();
    return {};
  }
  released_.store(true, std::memory_order_relaxed);
  set_quiescence_exact(false);
  set_time_kept_pace(false);
  const std::string who = thread_name(running->id);
  busy_wait_reason_ = who +
                      " kept running without reaching any synchronisation operation (it "
                      "busy-waits on a variable); the explorer cannot schedule such a loop, so "
                      "this trial ran on the real scheduler";
  // Mutexes the model says are held are really unlocked: lock them on their owners' behalf so
  // that the owners' unlock calls (now forwarded) find them locked.
  for (auto& [address, m] : mutexes_)
    if (m.owner >= 0)
      real().mutex_trylock(static_cast<pthread_mutex_t*>(const_cast<void*>(address)));
  // The running fiber goes on on the executor; every other one on its host.
  running->back = &executor_;
  for (auto& t : threads_)
    if (t.get() != running && !t->finished.load(std::memory_order_relaxed) && t->host)
      t->host->wake();
  unlock();
  return who;
}

ExecutionResult Scheduler::run(Trial& trial, const Case& c, Strategy& strategy, std::uint64_t seed,
                               double stall_s) {
  lock();
  executor_.fs = thread_pointer();
  pthread_getcpuclockid(pthread_self(), &executor_cpu_);
  case_copy_ = c;  // the caller's case may be gone when the failing schedule is drawn
  case_ = &case_copy_;
  trial_ = &trial;
  strategy_ = &strategy;
  strategy.begin(seed);
  // Exact in every execution: the sleep of await_quiescence() never ends early (see choose()).
  set_quiescence_exact(true);
  set_time_kept_pace(true);
  for (auto& t : threads_) spare_threads_.push_back(std::move(t));
  threads_.clear();
  mutexes_.clear();
  conds_.clear();
  futexes_.clear();
  rwlocks_.clear();
  onces_.clear();
  sems_.clear();
  object_index_.clear();
  objects_.clear();
  objects_of_kind_.fill(0);
  events_.clear();
  choices_.clear();
  vnow_ = 0;
  steps_.store(0, std::memory_order_relaxed);
  last_progress_ = progress_count();
  last_progress_step_ = 0;
  run_length_ = 0;
  step_from_ = 0;
  step_timed_ = false;
  ended_ = false;
  races_.reset(races_allowed());
  for (int a = 0; a < c.actors; ++a) {
    auto t = new_thread();
    t->id = a;
    t->actor = a;
    attach(*t);
    threads_.push_back(std::move(t));
  }
  activity_.store(activity_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  Thread* first = choose(nullptr, false);
  executing_.store(true, std::memory_order_relaxed);
  if (first) switch_to(nullptr, first);
  // Back with lock_ held: the execution ended, or the fiber that ran here when the watchdog
  // released the execution has finished.
  executing_.store(false, std::memory_order_relaxed);
  current_.store(nullptr, std::memory_order_relaxed);

  ExecutionResult r;
  r.steps = steps_.load();
  if (released_.load(std::memory_order_relaxed)) {
    unlock();
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    bool all_done = false;
    while (!all_done && seconds_between(start, Clock::now()) < std::max(1.0, stall_s)) {
      done_.wait_ns(10000000);
      lock();
      all_done = true;
      for (auto& t : threads_) all_done &= t->finished.load(std::memory_order_acquire);
      unlock();
    }
    r.kind = all_done ? ExecutionResult::Kind::busy_wait : ExecutionResult::Kind::busy_wait_stuck;
    r.reason = busy_wait_reason_;
    lock();
    if (capture_lines_) name_objects();
    r.trace = render_trace();
    unlock();
    return r;
  }
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
  } else if (r.kind == ExecutionResult::Kind::data_race) {
    r.reason = describe_race();
    r.trace = render_trace();
  } else if (r.kind == ExecutionResult::Kind::livelock) {
    r.reason = "the threads kept running for " + std::to_string(kLivelockSteps) +
               " scheduling steps without any of them making progress, though every one "
               "of them got its turn (yielding, sleeping or re-checking in a loop while nothing "
               "changes)";
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
