// The explorer's execution engine: runs one trial with one thread at a time and models every
// primitive the interposed symbols reach (see interpose.cpp), so that each synchronisation
// operation is a scheduling point and "no thread can run" is an exact deadlock.
//
// Each actor runs on a long-lived worker thread; threads the solution starts run on real threads
// too. A controlled thread only runs while it holds the baton (its Gate); at each interposed
// operation it asks the strategy who runs next and hands the baton over. All model state is
// guarded by lock_, which in practice only the baton holder takes; the controller takes it to
// release everyone when the holder spins without reaching a scheduling point (busy_wait).
#pragma once

#include <pthread.h>
#include <semaphore.h>
#include <time.h>

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cj/problem.hpp"
#include "explore/gate.hpp"
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
};

enum class WaitKind : std::uint8_t { none, mutex, cond, futex, join, once, rwlock, sleep, sem };

struct Thread {
  int id = 0;
  int actor = -1;   // index of the actor it runs, or -1 for a thread the solution started
  int parent = -1;  // the thread that started it
  Gate* gate = nullptr;
  Gate own_gate;
  bool started = false;
  std::atomic<bool> finished{false};
  WaitKind wait = WaitKind::none;
  const void* on = nullptr;
  bool timed = false;
  std::uint64_t deadline = 0;  // virtual ns
  bool timed_out = false;
  bool spurious = false;
  pthread_t handle{};
  clockid_t cpu_clock{};
  bool has_cpu_clock = false;
  void* (*start_routine)(void*) = nullptr;
  void* start_arg = nullptr;
  std::string error;  // an exception that escaped the actor
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
    busy_wait_stuck
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

  /// Runs every actor of `trial` under control, one at a time, choices by `strategy`.
  ExecutionResult run(Trial& trial, const Case& c, Strategy& strategy, std::uint64_t seed,
                      double stall_s);

  /// The readable schedule of the last execution (call after run()).
  std::vector<std::string> trace();
  /// The last execution as JSON for a picture (see timeline.cpp), ended by `verdict`.
  std::string timeline(const std::string& verdict, const std::string& reason);

  /// Record the learner's line at every event and name objects as the learner's file does. For
  /// the replay of a failing schedule only: each event then walks the stack.
  void set_capture_lines(bool on) { capture_lines_ = on; }
  /// The strategy's choices in the last execution, in order (what a replay feeds back).
  const std::vector<int>& picks() const { return picks_; }
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
  void exit_thread(Thread* me);
  int once(Thread* me, pthread_once_t* once, void (*init)());
  int rw_lock(Thread* me, pthread_rwlock_t* rw, bool write, clockid_t clock,
              const timespec* abstime, bool try_only);
  int rw_unlock(Thread* me, pthread_rwlock_t* rw);
  int sem_wait(Thread* me, sem_t* sem, const timespec* abstime, bool try_only);
  int sem_post(Thread* me, sem_t* sem);

 private:
  static constexpr int kNoOwner = -1;
  static constexpr int kOutsideOwner = -2;  // locked before the execution, outside the model
  struct MutexState {
    int object;
    int owner = kNoOwner;
    int count = 0;
    bool recursive = false;
  };
  struct WaitQueue {
    int object;
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
                // 's' POSIX semaphore
    int number;
    const void* address;
    std::string name;  // what the learner's file calls it ("forks[1]"), when known
    bool unique_name = false;
  };
  struct Worker {
    Gate gate;
    Thread* thread = nullptr;
    Trial* trial = nullptr;
    std::thread os_thread;
  };

  void lock() noexcept;
  void unlock() noexcept;
  void worker_main(Worker& w);
  static void* trampoline(void* thread);
  void finish(Thread* me);

  /// With lock_ held and `me` holding the baton: choose who runs next and hand over. Returns
  /// with lock_ held once `me` runs again; false when the execution was released meanwhile
  /// (the caller must then do the real operation).
  bool switch_point(Thread* me, bool yielded = false);
  /// Blocks `me` on `on` until another thread (or a timeout) makes it runnable again.
  bool block(Thread* me, WaitKind kind, const void* on, bool timed, std::uint64_t deadline);
  Thread* choose(Thread* me, bool yielded);
  void wake(Thread& t, bool timed_out, bool spurious);
  /// Ends t's timed wait or sleep: its deadline has come.
  void time_out(Thread& t);
  void end_execution(ExecutionResult::Kind kind);
  void release_all();
  /// Notes callbacks (note_progress) that ran since the last event, as me's.
  void poll_progress(const Thread* me);
  void record(const Thread* me, Op op, int object = -1, std::int64_t arg = 0);

  int object_for(const void* address, char kind);
  MutexState& mutex_state(pthread_mutex_t* m);
  WaitQueue& queue(std::unordered_map<const void*, WaitQueue>& table, const void* addr, char kind);
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
  std::vector<std::unique_ptr<Worker>> workers_;

  std::atomic<bool> lock_flag_{false};
  // Guarded by lock_ (in practice touched only by the baton holder):
  const Case* case_ = nullptr;  // points at case_copy_: a report drawn after run() needs it
  Case case_copy_;
  Trial* trial_ = nullptr;
  Strategy* strategy_ = nullptr;
  SplitMix64 rng_;
  std::vector<std::unique_ptr<Thread>> threads_;
  std::unordered_map<const void*, MutexState> mutexes_;
  std::unordered_map<const void*, WaitQueue> conds_;
  std::unordered_map<const void*, WaitQueue> futexes_;
  std::unordered_map<const void*, RwState> rwlocks_;
  std::unordered_map<const void*, OnceState> onces_;
  std::unordered_map<const void*, SemState> sems_;
  std::unordered_map<const void*, int> object_index_;
  std::vector<ObjectInfo> objects_;
  std::vector<Event> events_;
  std::vector<int> picks_;  // the strategy's choices, for a replay
  bool capture_lines_ = false;
  std::vector<int> runnable_;  // scratch for choose()
  std::vector<int> choices_;   // scratch for choose()
  std::uint64_t vnow_ = 0;     // virtual nanoseconds since the execution started
  std::uint64_t last_progress_step_ = 0;
  unsigned long long last_progress_ = 0;
  int spurious_left_ = 0;
  bool eager_time_ = false;  // timeouts and sleeps may end at any step, not only when idle
  ExecutionResult::Kind end_kind_ = ExecutionResult::Kind::finished;
  bool ended_ = false;

  // Read by the controller's watchdog without lock_:
  std::atomic<std::uint64_t> steps_{0};
  std::atomic<Thread*> current_{nullptr};
  std::atomic<bool> released_{false};
  Gate done_;

  timespec base_realtime_{};
  timespec base_monotonic_{};
};

/// The thread's controlled identity, or nullptr (the harness's own threads, other modes).
extern __thread Thread* t_self;
/// The active explorer; set once, never destroyed.
extern Scheduler* g_scheduler;

}  // namespace cj::explore
