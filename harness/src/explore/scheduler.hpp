// The explorer's execution engine: runs one trial with one thread at a time and models every
// primitive the interposed symbols reach (see interpose.cpp), so that each synchronisation
// operation is a scheduling point and "no thread can run" is an exact deadlock.
//
// Every controlled thread (each actor, and each thread the solution starts) is a fiber on the
// executor's OS thread, lending the identity of a parked host thread (fiber.hpp,
// host_thread.hpp). At each interposed operation the running fiber asks the strategy who runs
// next and switches to it directly. All model state is guarded by lock_, a spin lock that the
// running fiber holds across a switch (the next fiber resumes holding it); the watchdog takes it
// to release everyone to real threads when a fiber spins without reaching a scheduling point
// (busy_wait): each suspended fiber then goes on on its own host thread.
#pragma once

#include <pthread.h>
#include <semaphore.h>
#include <time.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cj/problem.hpp"
#include "explore/address_table.hpp"
#include "explore/fiber.hpp"
#include "explore/gate.hpp"
#include "explore/host_thread.hpp"
#include "explore/races.hpp"
#include "explore/strategy.hpp"

namespace cj::explore {

enum class Op : std::uint8_t {
  start,
  finish,
  lock,
  lock_blocks,
  trylock_fails,
  lock_times_out,
  unlock,
  cond_wait,
  cond_woken,
  cond_spurious,
  cond_timeout,
  signal,
  broadcast,
  futex_wait,
  futex_no_wait,
  futex_woken,
  futex_timeout,
  futex_wake,
  yield,
  sleep,
  sleep_done,
  create,
  join_blocks,
  join,
  detach,
  once_run,
  once_done,
  once_blocks,
  rd_lock,
  wr_lock,
  rw_blocks,
  rw_unlock,
  sem_wait,
  sem_blocks,
  sem_timeout,
  sem_post,
  time_advance,
  progress,
  atomic_load,  // arg: the value read
  atomic_store,
  atomic_rmw,  // a read-modify-write, or a compare-exchange that succeeded
  atomic_cas_fails,
  data_race,  // the access that raced with an earlier one (Scheduler::describe_race())
};

/// What an atomic operation of the submission did (tsan_entry_points.cpp, atomics.cpp).
enum class AtomicKind : std::uint8_t { load, store, rmw, cas_fails };

enum class WaitKind : std::uint8_t { none, mutex, cond, futex, join, once, rwlock, sleep, sem };

struct Thread {
  int id = 0;
  int actor = -1;   // index of the actor it runs, or -1 for a thread the solution started
  int parent = -1;  // the thread that started it
  HostThread* host = nullptr;  // lends its thread identity; runs the fiber after a release
  Fiber fiber;
  Fiber* back = nullptr;  // where the fiber switches once it finished after a release
  bool started = false;
  std::atomic<bool> finished{false};
  WaitKind wait = WaitKind::none;
  const void* on = nullptr;
  bool timed = false;
  std::uint64_t deadline = 0;  // virtual ns
  bool timed_out = false;
  bool spurious = false;
  // Fairness (see Scheduler::choose): the step it was last chosen at, and the step it gave way
  // at (a yield, a failed try-lock, a long run while others waited), 0 once it ran again.
  std::uint64_t last_run = 0;
  std::uint64_t gave_way = 0;
  bool spun = false;  // a failed try-operation since its last scheduling point: it may be spinning
  // Times it gave way since it last blocked or since the last progress (the step spin_epoch):
  // the first few are free, as for the short spin of libstdc++'s atomic wait before its futex.
  std::uint32_t spins = 0;
  std::uint64_t spin_epoch = 0;
  // Its latest atomic load, when nothing atomic came after it: a load that reads the same value
  // from the same place again is a spin loop's next round (atomics.cpp).
  const void* last_load = nullptr;
  std::uint64_t last_load_value = 0;
  // Its latest plain read of the learner's and how many times in a row it read the same value
  // there: a spin on a plain variable (race_model.cpp).
  std::uintptr_t last_read = 0;
  std::uint64_t last_read_value = 0;
  std::uint32_t read_repeats = 0;
  pthread_t handle{};  // its host's: what pthread_self() says inside the fiber
  bool detached = false;
  bool awaits_quiescence = false;  // its sleep is await_quiescence()'s: it never ends early
  void* result = nullptr;
  void* (*start_routine)(void*) = nullptr;
  void* start_arg = nullptr;
  std::string error;  // an exception that escaped the actor
  // thread_local destructors it registered (__cxa_thread_atexit_impl, interpose.cpp), run when
  // its fiber finishes, as a thread's run when it exits.
  std::vector<std::pair<void (*)(void*), void*>> tls_dtors;

  /// Back to a new thread's state (objects are reused from one execution to the next).
  void reset() noexcept {
    id = 0;
    actor = parent = -1;
    host = nullptr;
    fiber = {};
    back = nullptr;
    started = false;
    finished.store(false, std::memory_order_relaxed);
    wait = WaitKind::none;
    on = nullptr;
    timed = timed_out = spurious = detached = awaits_quiescence = spun = false;
    deadline = last_run = gave_way = spin_epoch = 0;
    spins = 0;
    last_load = nullptr;
    last_load_value = 0;
    last_read = 0;
    last_read_value = 0;
    read_repeats = 0;
    handle = {};
    result = nullptr;
    start_routine = nullptr;
    start_arg = nullptr;
    error.clear();
    tls_dtors.clear();
  }
};

struct Event {
  std::uint32_t step;
  std::int16_t thread;
  Op op;
  std::int32_t object;  // index into objects_, or a thread id for thread operations, or -1
  std::int32_t line;    // the learner's line it happened at (replays only, source_lines.hpp), or 0
  std::int64_t arg;
};

struct ExecutionResult {
  enum class Kind {
    finished,
    deadlock,
    livelock,
    busy_wait,
    busy_wait_stuck,
    data_race,
  } kind = Kind::finished;
  std::string reason;
  std::vector<std::string> trace;
  std::string error;  // first exception that escaped an actor ("second(): ...")
  std::uint64_t steps = 0;
  /// Every actor's method had returned: what was left stuck or looping is a thread the solution
  /// started (a leaked thread, whatever it was doing).
  bool actors_returned = false;
  std::string leaked;  // the first such thread's name, when actors_returned
};

class Scheduler {
 public:
  Scheduler(const Problem& problem, int workers);

  /// Runs every actor of `trial` under control, one at a time, choices by `strategy`. Called on
  /// the executor's thread, one execution after another.
  ExecutionResult run(Trial& trial, const Case& c, Strategy& strategy, std::uint64_t seed,
                      double stall_s);

  // For the watchdog, on another thread (watchdog.cpp).
  /// Changes whenever the execution makes a scheduling step or a new execution starts.
  std::uint64_t activity() const noexcept { return activity_.load(std::memory_order_relaxed); }
  /// True while a fiber of an execution runs.
  bool executing() const noexcept { return executing_.load(std::memory_order_relaxed); }
  /// CPU seconds the executor's thread has used.
  double executor_cpu_s() const noexcept;
  /// Gives up control of the running execution: every suspended fiber goes on on its host
  /// thread, with the real primitives. Returns the name of the thread that was running, or
  /// empty when no execution was running any more.
  std::string release();
  /// Why the released execution was released (a sentence naming the spinning thread).
  std::string busy_wait_reason() {
    lock();
    std::string r = busy_wait_reason_;
    unlock();
    return r;
  }
  /// True once release() took an execution.
  bool released() const noexcept { return released_.load(std::memory_order_relaxed); }

  /// The readable schedule of the last execution (call after run()).
  std::vector<std::string> trace();
  /// The last execution as JSON for a picture (see timeline.cpp), ended by `verdict`.
  std::string timeline(const std::string& verdict, const std::string& reason);

  /// Record the learner's line at every event and name objects as the learner's file does. For
  /// the replay of a failing schedule only: each event then walks the stack.
  void set_capture_lines(bool on) { capture_lines_ = on; }
  /// The strategy's choices in the last execution, in order (what a replay feeds back).
  const std::vector<Choice>& choices() const { return choices_; }
  /// Whether the last executions of this and `other` recorded the same events (lines aside).
  bool same_events(const Scheduler& other) const;

  // The modelled primitives, called by the interposed functions for a controlled thread.
  int mutex_lock(Thread* me, pthread_mutex_t* m, clockid_t clock, const timespec* abstime,
                 bool try_only);
  int mutex_unlock(Thread* me, pthread_mutex_t* m);
  int cond_wait(Thread* me, pthread_cond_t* c, pthread_mutex_t* m, clockid_t clock,
                const timespec* abstime);
  int cond_signal(Thread* me, pthread_cond_t* c, bool all);
  long futex(Thread* me, int* addr, int op, int val, const timespec* timeout);
  int yield(Thread* me);
  int sleep(Thread* me, std::int64_t ns);
  int clock_gettime(Thread* me, clockid_t clock, timespec* out);
  int create(Thread* me, pthread_t* out, const pthread_attr_t* attr, void* (*start)(void*),
             void* arg);
  int join(Thread* me, pthread_t handle, void** ret);
  int detach(Thread* me, pthread_t handle);
  [[noreturn]] void exit_thread(Thread* me, void* ret);
  /// Runs the thread_local destructors `me` registered (last first; they may register more) and
  /// gives its host a fresh thread_local image. On the fiber, before it finishes.
  static void end_thread_locals(Thread* me);
  int once(Thread* me, pthread_once_t* once, void (*init)());
  int rw_lock(Thread* me, pthread_rwlock_t* rw, bool write, clockid_t clock,
              const timespec* abstime, bool try_only);
  int rw_unlock(Thread* me, pthread_rwlock_t* rw);
  int sem_wait(Thread* me, sem_t* sem, const timespec* abstime, bool try_only);
  int sem_post(Thread* me, sem_t* sem);
  /// After an atomic operation of `me` at `caller` (tsan_entry_points.cpp): a scheduling point when
  /// the call site is in the learner's file. `value` is what a load read; `unchanged` says a
  /// read-modify-write left the value as it was (a spin's retry).
  void atomic(Thread* me, std::uintptr_t caller, const volatile void* address, AtomicKind kind,
              std::uint64_t value, bool unchanged);
  /// A memory access of `me` at `caller` (tsan_entry_points.cpp): checked for a data race when
  /// the call site is the learner's (race_model.cpp). A race ends the execution there.
  void memory_access(Thread* me, std::uintptr_t caller, std::uintptr_t address, unsigned size,
                     bool write);
  /// `size` bytes at `address` went back to the allocator (plain_interpose.cpp).
  void forget_memory(const void* address, std::size_t size);
  /// Synchronisation at `sync` that makes no model event: a function-local static's guard
  /// released once initialised and acquired by a later caller that finds it done
  /// (plain_interpose.cpp), a once flag found done.
  void order_at(Thread* me, const void* sync, bool release);

 private:
  static constexpr int kNoOwner = -1;
  static constexpr int kOutsideOwner = -2;  // locked before the execution, outside the model
  struct MutexState {
    int object = -1;
    int owner = kNoOwner;
    int count = 0;
    bool recursive = false;
  };
  struct WaitQueue {
    int object = -1;
    std::vector<int> waiters;  // thread ids in arrival order
  };
  struct RwState {
    int object;
    int writer = -1;
    int readers = 0;
  };
  struct SemState {
    int object;
    long value = 0;
  };
  struct OnceState {
    int object;
    int runner = -1;
    bool done = false;
  };
  struct ObjectInfo {
    char kind;  // 'm' mutex, 'c' condition variable, 'f' futex word, 'o' once, 'r' rwlock,
                // 's' POSIX semaphore, 'a' atomic variable
    int number;
    const void* address;
    std::string name;  // what the learner's file calls it ("forks[1]"), when known
    bool unique_name = false;
  };
  void lock() noexcept;
  void unlock() noexcept;
  /// The fiber's body (entry of every controlled thread); starts with lock_ held.
  static void fiber_main(void* thread);
  /// A host woken by release(): runs its suspended fiber on the host's own thread.
  static void resume_on_host(HostThread& host);
  [[noreturn]] void finish(Thread* me);
  /// With lock_ held: the fiber and host that thread `id` uses this execution.
  void attach(Thread& t);
  /// With lock_ held: a thread object in its initial state.
  std::unique_ptr<Thread> new_thread();
  /// With lock_ held: switch from `me` (nullptr: the executor) to `next` (nullptr: back to the
  /// executor); returns with lock_ held when `me` runs again.
  void switch_to(Thread* me, Thread* next);

  /// With lock_ held and `me` holding the baton: choose who runs next and hand over. Returns
  /// with lock_ held once `me` runs again; false when the execution was released meanwhile
  /// (the caller must then do the real operation).
  bool switch_point(Thread* me, bool yielded = false);
  /// Blocks `me` on `on` until another thread (or a timeout) makes it runnable again.
  bool block(Thread* me, WaitKind kind, const void* on, bool timed, std::uint64_t deadline);
  Thread* choose(Thread* me, bool yielded);
  /// With lock_ held: narrows options_.runnable to the threads a fair scheduler may run now.
  void keep_fair(Thread* me, std::uint64_t step);
  /// With lock_ held: what the steps since the previous decision touched (footprint.cpp).
  void fill_step(Options& o);
  /// With lock_ held: whether t owns a mutex or holds a rwlock for writing.
  bool holds_lock(const Thread& t) const;
  void wake(Thread& t, bool timed_out, bool spurious);
  /// Ends t's timed wait or sleep: its deadline has come.
  void time_out(Thread& t);
  void end_execution(ExecutionResult::Kind kind);
  void release_all();
  /// Notes callbacks (note_progress) that ran since the last event, as me's.
  void poll_progress(const Thread* me);
  void record(const Thread* me, Op op, int object = -1, std::int64_t arg = 0);
  /// With lock_ held: what an event means for happens-before (race_model.cpp).
  void order(const Thread* me, Op op, int object, std::int64_t arg);
  /// The race found, as a sentence naming the two accesses' lines.
  std::string describe_race() const;
  /// The strategy's pick_index(n), recorded for a replay.
  std::size_t pick_index(std::size_t n);

  int object_for(const void* address, char kind);
  MutexState& mutex_state(pthread_mutex_t* m);
  WaitQueue& queue(AddressTable<WaitQueue>& table, const void* addr, char kind);
  std::uint64_t deadline_for(clockid_t clock, const timespec* abstime) const;
  Thread* thread_by_handle(pthread_t handle);
  void remove_waiter(WaitQueue& q, int id);

  /// Names objects_ from the lines events_ recorded (source_lines.hpp).
  void name_objects();
  /// The line of thread's latest event on object among `ops`, or 0.
  int line_of_last(int thread, int object, std::initializer_list<Op> ops) const;
  std::string thread_name(int id) const;
  /// "mutex forks[1]" when the learner's name is known, else "mutex M2".
  std::string object_name(int object) const;
  /// "mutex M2": the explorer's own label.
  std::string object_label(int object) const;
  std::string describe(const Event& e) const;
  std::vector<std::string> render_trace() const;
  std::string describe_deadlock() const;

  const Problem& problem_;
  std::vector<std::unique_ptr<HostThread>> hosts_;   // host i serves thread i
  std::vector<std::unique_ptr<FiberStack>> stacks_;  // stack i for thread i
  Fiber executor_;                                   // the executor's own context
  clockid_t executor_cpu_{};

  std::atomic<bool> lock_flag_{false};
  // Guarded by lock_ (in practice touched only by the baton holder):
  const Case* case_ = nullptr;  // points at case_copy_: a report drawn after run() needs it
  Case case_copy_;
  Trial* trial_ = nullptr;
  Strategy* strategy_ = nullptr;
  std::vector<std::unique_ptr<Thread>> threads_;
  std::vector<std::unique_ptr<Thread>> spare_threads_;  // from earlier executions, for reuse
  AddressTable<MutexState> mutexes_;
  AddressTable<WaitQueue> conds_;
  AddressTable<WaitQueue> futexes_;
  AddressTable<RwState> rwlocks_;
  AddressTable<OnceState> onces_;
  AddressTable<SemState> sems_;
  AddressTable<int> object_index_;
  std::vector<ObjectInfo> objects_;
  std::array<int, 128> objects_of_kind_{};  // objects met so far, by ObjectInfo::kind
  std::vector<Event> events_;
  std::vector<Choice> choices_;  // the strategy's choices, for a replay
  bool capture_lines_ = false;
  Options options_;               // scratch for choose()
  std::size_t step_from_ = 0;     // events_ since the previous decision: its step (fill_step)
  bool step_timed_ = false;       // that step started a timed wait (its deadline: virtual time)
  std::vector<int> fair_;         // scratch for choose(): the runnable threads fairness allows
  std::uint32_t run_length_ = 0;  // consecutive steps of the thread chosen last
  std::uint64_t vnow_ = 0;        // virtual nanoseconds since the execution started
  std::uint64_t last_progress_step_ = 0;
  unsigned long long last_progress_ = 0;
  ExecutionResult::Kind end_kind_ = ExecutionResult::Kind::finished;
  bool ended_ = false;
  std::string busy_wait_reason_;
  RaceDetector races_;

  // Read by the watchdog without lock_:
  std::atomic<std::uint64_t> steps_{0};
  std::atomic<std::uint64_t> activity_{0};
  std::atomic<bool> executing_{false};
  std::atomic<Thread*> current_{nullptr};
  std::atomic<bool> released_{false};
  Gate done_;  // posted by a thread that finishes after a release

  timespec base_realtime_{};
  timespec base_monotonic_{};
};

/// Whether the explorer may look for data races in this process: not when a library whose
/// synchronisation the model cannot see is loaded (CAF's and Boost.Fiber's work queues run on
/// their own atomics, compiled without instrumentation), nor where CJ_EXPLORE_RACES=0.
bool races_allowed();

/// True while the calling thread (fiber) holds the scheduler's lock: the model's own code runs,
/// and what it calls (a static's guard, a freed block, an atomic in a driver callback) must not
/// enter the model again. A fiber switched away while holding the lock keeps it set in its own
/// thread-local block; the fiber that resumes has its own.
extern __thread bool t_in_model;

/// The thread's controlled identity, or nullptr (the harness's own threads, other modes).
extern __thread Thread* t_self;
/// The active explorer; set once, never destroyed.
extern Scheduler* g_scheduler;

}  // namespace cj::explore
