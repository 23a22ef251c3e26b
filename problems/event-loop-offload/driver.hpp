// event-loop-offload: actor 0 is the loop's thread. It builds the learner's Offloader on the
// driver's io_context and runs io_context::run() until the trial is over. Actor 1 is the ticker:
// every millisecond it posts a tick to the loop. Ticks submit the scenario's jobs; every job
// records the thread it ran on and how long it took; every on_done records the thread it was
// called on. After the last result the loop calls shutdown() and lets run() return.
//
// How responsive the loop stayed is the longest gap between two ticks, measured on the loop's
// thread: in CPU time of that thread on real threads (a loaded machine may delay a tick, but it
// cannot make the loop's thread burn CPU; a job run on it can), and in virtual time under explore
// (where a job is a 10 ms sleep, so a loop that waits for a job shows the whole wait), in the
// executions where virtual time only moves when no thread can run.
//
// Every field that the solution's threads touch is a relaxed atomic, so that the driver adds no
// happens-before edge between them that could hide their data races from ThreadSanitizer.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "cj/clock.hpp"
#include "cj/harness.hpp"
#include "cj/idle_cpu.hpp"

namespace cj::event_loop_offload {

constexpr std::int64_t kJobNs = 10'000'000;   // what one job costs: CPU time, or virtual time
constexpr std::int64_t kBoundNs = 5'000'000;  // the longest the loop may go without a tick
constexpr auto kTick = std::chrono::milliseconds(1);
constexpr int kTicksWithoutProgress = 200;  // then the ticker stops: the trial is stuck
// ThreadSanitizer makes the loop's own bookkeeping (a thread start or join, Asio's locks) cost
// 5-20 times its CPU time, while a job's 10 ms stay 10 ms: a correct polling loop was measured at
// 6 ms between two ticks there. Under it the gaps are not judged (stress and explore judge them);
// a job run on the loop's thread is still rejected, by the thread it ran on.
#if defined(__SANITIZE_THREAD__)
constexpr bool kJudgeCpuGaps = false;
#else
constexpr bool kJudgeCpuGaps = true;
#endif

enum class Pattern { burst, one_per_tick, chain };

struct Scenario {
  std::string name;
  Pattern pattern;
  int jobs;
};

inline const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> all = {
      {"4 jobs submitted by one tick", Pattern::burst, 4},
      {"5 jobs, one submitted per tick", Pattern::one_per_tick, 5},
      {"3 jobs chained: each submitted by the on_done of the one before", Pattern::chain, 3},
      {"8 jobs submitted by one tick, more than a small pool has threads", Pattern::burst, 8},
  };
  return all;
}

/// What job i returns, and on_done(i) must receive.
inline long result_of(int job) { return 1000L + 7L * job * job; }

enum Where : int { nowhere = 0, on_loop = 1, on_job_thread = 2, on_other_thread = 3 };

constexpr auto relaxed = std::memory_order_relaxed;

struct JobLog {
  std::atomic<bool> submitted{false}, started{false}, finished{false};
  std::atomic<std::thread::id> thread{};             // the thread that ran the job
  std::atomic<std::int64_t> took_ns{0};              // the job's own duration (CPU or virtual)
  std::atomic<std::int64_t> start_ns{0}, end_ns{0};  // steady_ns() (virtual under explore)
  std::atomic<int> calls{0};                         // on_done calls
  std::atomic<int> where{nowhere};                   // where the first on_done ran
  std::atomic<long> got{0};                          // what the first on_done received
};

inline std::string ms(std::int64_t ns) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f ms", static_cast<double>(ns) / 1e6);
  return buf;
}

inline std::string job(int i) { return "job " + std::to_string(i); }

class OffloadTrial final : public Trial {
 public:
  explicit OffloadTrial(const Scenario& s)
      : s_(s), jobs_(static_cast<std::size_t>(s.jobs)), running_at_gap_(-1) {}

  void run(int actor) override {
    if (actor == 0)
      run_loop();
    else
      run_ticker();
  }

  std::string stuck_state() const override {
    std::string waiting;
    for (int i = 0; i < s_.jobs; ++i) {
      const JobLog& j = log(i);
      if (!j.submitted.load(relaxed) || j.calls.load(relaxed) > 0) continue;
      waiting += (waiting.empty() ? "" : "; ") + job(i) +
                 (j.finished.load(relaxed)  ? " finished, but on_done was never called"
                  : j.started.load(relaxed) ? " is still running"
                                            : " was submitted but never started");
    }
    if (!waiting.empty()) return waiting;
    if (shutdown_called_.load(relaxed) && !shutdown_returned_.load(relaxed))
      return "shutdown() has not returned";
    return {};
  }

  Check failure_so_far() const override { return first_.so_far(); }

  Check check() override {
    const std::string unit = virtual_ ? " (virtual time)" : " of the loop thread's CPU time";
    for (int i = 0; i < s_.jobs; ++i) {
      const JobLog& j = log(i);
      if (j.started.load(relaxed) && j.thread.load(relaxed) == loop_id_.load(relaxed)) {
        const std::int64_t gap = std::max(max_gap_, j.took_ns.load(relaxed));
        return Failure{"not_concurrent",
                       job(i) + " ran on the loop's thread, so the loop went " + ms(gap) + unit +
                           " without a tick (a job takes " + ms(kJobNs) + "; the bound is " +
                           ms(kBoundNs) +
                           "): run the heavy work on other threads and post only its result back "
                           "to the loop",
                       "a tick at least every " + ms(kBoundNs), "a gap of " + ms(gap)};
      }
    }
    if (Check f = first_.get()) return f;
    for (int i = 0; i < s_.jobs; ++i) {
      const JobLog& j = log(i);
      const int calls = j.calls.load(relaxed);
      if (calls == 0)
        return Failure{"wrong_answer",
                       "on_done of " + job(i) + " was never called, but shutdown() was", "", ""};
      if (calls > 1)
        return Failure{"wrong_answer",
                       "on_done of " + job(i) + " was called " + std::to_string(calls) +
                           " times: deliver each result once",
                       "1 call", std::to_string(calls) + " calls"};
      if (j.got.load(relaxed) != result_of(i))
        return Failure{"wrong_answer",
                       "on_done of " + job(i) + " received " + std::to_string(j.got.load(relaxed)) +
                           ", but the job returned " + std::to_string(result_of(i)),
                       std::to_string(result_of(i)), std::to_string(j.got.load(relaxed))};
    }
    // Virtual time only where it is exact; CPU time except under ThreadSanitizer.
    // (time_kept_pace(): no sleep ended early anywhere in the trial, time never jumped for
    // spinners, so each gap is what the loop's thread really let pass).
    const bool judge_gaps =
        virtual_ ? timing_exact_.load(relaxed) && time_kept_pace() : kJudgeCpuGaps;
    if (judge_gaps && max_submit_ns_ > kBoundNs)
      return Failure{"not_concurrent",
                     "submit() of " + job(max_submit_job_) + " used " + ms(max_submit_ns_) +
                         " of the loop thread's CPU time (the bound is " + ms(kBoundNs) +
                         "): submit must hand the job over and return, not compute or spin",
                     "at most " + ms(kBoundNs), ms(max_submit_ns_)};
    if (judge_gaps && max_gap_ > kBoundNs) {
      const std::string during =
          running_at_gap_ >= 0 ? " while " + job(running_at_gap_) + " ran on another thread" : "";
      return Failure{
          "not_concurrent",
          virtual_ ? "the loop went " + ms(max_gap_) + " without a tick" + during +
                         " (the bound is " + ms(kBoundNs) +
                         "): a handler on the loop's thread waited for a job (a get(), wait() or "
                         "join() inside a handler blocks the loop as surely as running the job)"
                   : "the loop's thread used " + ms(max_gap_) +
                         " of CPU time between two ticks, outside submit()" + during +
                         " (the bound is " + ms(kBoundNs) +
                         "): keep the work on the loop to taking jobs in and results out",
          "a tick at least every " + ms(kBoundNs), "a gap of " + ms(max_gap_)};
    }
    if (!shutdown_returned_.load(relaxed))
      return Failure{"wrong_answer", "the loop stopped before shutdown() returned", "", ""};
    return std::nullopt;
  }

 private:
  JobLog& log(int i) { return jobs_[static_cast<std::size_t>(i)]; }
  const JobLog& log(int i) const { return jobs_[static_cast<std::size_t>(i)]; }
  bool on_loop_thread() const { return std::this_thread::get_id() == loop_id_.load(relaxed); }

  void run_loop() {
    virtual_ = time_is_virtual();
    loop_id_.store(std::this_thread::get_id(), relaxed);
    struct Over {  // the ticker stops however the loop ends
      std::atomic<bool>& finished;
      ~Over() { finished.store(true, relaxed); }
    } over{finished_};
    ::Offloader offloader(ioc_);
    offloader_ = &offloader;
    auto guard = boost::asio::make_work_guard(ioc_);
    guard_ = &guard;
    ioc_.run();
    guard_ = nullptr;
    offloader_ = nullptr;
  }

  void run_ticker() {
    // Under explore, virtual time jumps only when no thread can run, except where a strategy
    // ends a sleep early, and time jumps to its deadline (a job's 10 ms can pass between two
    // steps of a free loop). The gap is judged only where it is exact: await_quiescence() (which
    // returns at once on real threads) and, at the check, time_kept_pace() say which.
    timing_exact_.store(await_quiescence(), relaxed);
    long last_progress = -1;
    int idle = 0;
    while (!finished_.load(relaxed)) {
      std::this_thread::sleep_for(kTick);
      if (finished_.load(relaxed)) break;
      const long p = progress_.load(relaxed);
      if (p != last_progress) {
        last_progress = p;
        idle = 0;
      } else if (++idle > kTicksWithoutProgress && !ticks_needed()) {
        break;  // nothing happens any more: let the stall detectors see a quiet trial
      }
      boost::asio::post(ioc_, [this] { on_tick(); });
    }
  }

  // On the loop's thread (the driver posts it to the io_context the loop runs).
  void on_tick() {
    if (finished_.load(relaxed)) return;
    if (!on_loop_thread()) {
      first_.fail(
          "a tick ran on a thread other than the loop's: do not run the driver's io_context on "
          "threads of your own");
      request_finish();
      return;
    }
    const std::int64_t steady = steady_ns();
    const std::int64_t now = virtual_ ? steady : thread_cpu_ns();
    // On real threads the CPU time spent inside submit() is judged per call (starting a thread
    // there is fine, and costs a millisecond under ThreadSanitizer), not as part of the gap.
    const std::int64_t gap = now - last_tick_ - in_submits_ns_;
    in_submits_ns_ = 0;
    if (ticks_ > 0 && gap > max_gap_) {
      max_gap_ = gap;
      running_at_gap_ = -1;  // a job that ran during the gap
      for (int i = 0; i < s_.jobs && running_at_gap_ < 0; ++i) {
        const JobLog& j = log(i);
        if (j.started.load(relaxed) && j.start_ns.load(relaxed) < steady &&
            (!j.finished.load(relaxed) || j.end_ns.load(relaxed) > last_steady_))
          running_at_gap_ = i;
      }
    }
    last_tick_ = now;
    last_steady_ = steady;
    ++ticks_;
    switch (s_.pattern) {
      case Pattern::burst:
        if (ticks_ == 1)
          for (int i = 0; i < s_.jobs; ++i) submit(i);
        break;
      case Pattern::one_per_tick:
        if (ticks_ <= s_.jobs) submit(ticks_ - 1);
        break;
      case Pattern::chain:
        if (ticks_ == 1) submit(0);
        break;
    }
  }

  void submit(int i) {
    log(i).submitted.store(true, relaxed);
    submitted_.fetch_add(1, relaxed);
    const std::int64_t t0 = virtual_ ? 0 : thread_cpu_ns();
    offloader_->submit([this, i] { return run_job(i); }, [this, i](long r) { deliver(i, r); });
    if (virtual_) return;  // virtual time: the gap between ticks shows any wait in submit()
    const std::int64_t used = thread_cpu_ns() - t0;
    in_submits_ns_ += used;
    if (used > max_submit_ns_) {
      max_submit_ns_ = used;
      max_submit_job_ = i;
    }
  }

  /// Ticks submit the jobs (a chain's first one; the rest come from on_done): until then the
  /// ticker must go on, however long the loop takes to start on a loaded machine.
  bool ticks_needed() const {
    return submitted_.load(relaxed) < (s_.pattern == Pattern::chain ? 1 : s_.jobs);
  }

  // On whatever thread the solution runs the job.
  long run_job(int i) {
    JobLog& j = log(i);
    j.thread.store(std::this_thread::get_id(), relaxed);
    j.start_ns.store(steady_ns(), relaxed);
    j.started.store(true, relaxed);
    std::int64_t took = 0;
    if (time_is_virtual()) {
      const std::int64_t t0 = steady_ns();
      std::this_thread::sleep_for(std::chrono::nanoseconds(kJobNs));
      took = steady_ns() - t0;
    } else {
      const std::int64_t t0 = thread_cpu_ns();
      for (unsigned k = 1; (took = thread_cpu_ns() - t0) < kJobNs; ++k)
        if (k % 4096 == 0) {
          progress_.fetch_add(1, relaxed);
          note_progress();
        }
    }
    j.took_ns.store(took, relaxed);
    j.end_ns.store(steady_ns(), relaxed);
    j.finished.store(true, relaxed);
    progress_.fetch_add(1, relaxed);
    note_progress();
    return result_of(i);
  }

  // Where the solution calls on_done: it must be the loop's thread.
  void deliver(int i, long r) {
    JobLog& j = log(i);
    const auto me = std::this_thread::get_id();
    const int where = me == loop_id_.load(relaxed)   ? on_loop
                      : me == j.thread.load(relaxed) ? on_job_thread
                                                     : on_other_thread;
    const int calls = j.calls.fetch_add(1, relaxed);
    if (calls == 0) {
      j.where.store(where, relaxed);
      j.got.store(r, relaxed);
    }
    progress_.fetch_add(1, relaxed);
    note_progress();
    if (where != on_loop) {
      first_.fail("on_done of " + job(i) + " ran on " +
                  (where == on_job_thread ? "the thread that ran the job"
                                          : "a thread that is neither the loop's nor the job's") +
                  ", not on the loop's thread (the one in io_context::run()): post the result "
                  "back to the loop's executor and call on_done there");
      request_finish();
      return;
    }
    if (calls > 0 || finished_.load(relaxed)) return;
    if (s_.pattern == Pattern::chain && i + 1 < s_.jobs) submit(i + 1);
    if (++delivered_ == s_.jobs) request_finish();
  }

  void request_finish() {
    if (!finish_requested_.exchange(true, relaxed)) boost::asio::post(ioc_, [this] { finish(); });
  }

  // On the loop's thread, after the last result (or the first wrong step).
  void finish() {
    finished_.store(true, relaxed);
    shutdown_called_.store(true, relaxed);
    offloader_->shutdown();
    shutdown_returned_.store(true, relaxed);
    guard_->reset();
  }

  const Scenario& s_;
  std::vector<JobLog> jobs_;
  boost::asio::io_context ioc_;
  ::Offloader* offloader_ = nullptr;  // the loop's thread only, during run()
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type>* guard_ = nullptr;
  std::atomic<std::thread::id> loop_id_{};
  std::atomic<bool> finished_{false};  // the ticker stops; late calls change nothing
  std::atomic<bool> finish_requested_{false};
  std::atomic<bool> shutdown_called_{false}, shutdown_returned_{false};
  std::atomic<long> progress_{0};          // jobs computing or finished, results delivered
  std::atomic<int> submitted_{0};          // the ticker goes on until every job was submitted
  std::atomic<bool> timing_exact_{false};  // explore without eager time: virtual gaps are exact
  FirstFailure first_;
  // The loop's thread only (ticks and deliveries), read by check() after the trial.
  bool virtual_ = false;
  int ticks_ = 0;
  int delivered_ = 0;
  std::int64_t last_tick_ = 0;    // virtual or CPU time of the loop's thread, at the last tick
  std::int64_t last_steady_ = 0;  // steady_ns() at the last tick
  std::int64_t max_gap_ = 0;
  std::int64_t in_submits_ns_ = 0;  // CPU time inside submit() since the last tick (real threads)
  std::int64_t max_submit_ns_ = 0;  // the most one submit() call used (real threads)
  int max_submit_job_ = 0;
  int running_at_gap_;  // a job that was running during the longest gap, or -1
};

class OffloadProblem final : public Problem {
 public:
  OffloadProblem() {
    // ThreadSanitizer's background thread starts with the first thread; start it before the
    // runner counts this process's threads.
    std::thread([] {}).join();
  }
  std::string slug() const override { return "event-loop-offload"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& s : scenarios()) out.push_back({s.name, 2, {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    for (const auto& s : scenarios())
      if (s.name == c.input) return std::make_unique<OffloadTrial>(s);
    return std::make_unique<OffloadTrial>(scenarios().front());
  }
  std::string actor_name(const Case&, int actor) const override {
    return actor == 0 ? "the loop's thread (io_context::run())" : "the driver's ticker";
  }
  bool solution_starts_threads() const override { return true; }
};

CJ_PROBLEM(OffloadProblem);

}  // namespace cj::event_loop_offload
