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
// This file holds what needs the learner's class (the trial that runs the loop and the ticker on
// it, and the jobs and on_done it calls); the scenarios, the record of a trial and its check are
// compiled once (checks.hpp).
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "checks.hpp"
#include "cj/clock.hpp"
#include "cj/harness.hpp"
#include "cj/idle_cpu.hpp"

namespace cj::event_loop_offload {

constexpr auto kTick = std::chrono::milliseconds(1);
constexpr int kTicksWithoutProgress = 200;  // then the ticker stops: the trial is stuck
class OffloadTrial final : public OffloadRecord {
 public:
  explicit OffloadTrial(const Scenario& s) : OffloadRecord(s) {}

  void run(int actor) override {
    if (actor == 0)
      run_loop();
    else
      run_ticker();
  }

 private:
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

  boost::asio::io_context ioc_;
  ::Offloader* offloader_ = nullptr;  // the loop's thread only, during run()
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type>* guard_ = nullptr;
  std::atomic<bool> finished_{false};  // the ticker stops; late calls change nothing
  std::atomic<bool> finish_requested_{false};
  std::atomic<long> progress_{0};  // jobs computing or finished, results delivered
  std::atomic<int> submitted_{0};  // the ticker goes on until every job was submitted
  // The loop's thread only (ticks and deliveries).
  int ticks_ = 0;
  int delivered_ = 0;
  std::int64_t last_tick_ = 0;      // virtual or CPU time of the loop's thread, at the last tick
  std::int64_t last_steady_ = 0;    // steady_ns() at the last tick
  std::int64_t in_submits_ns_ = 0;  // CPU time inside submit() since the last tick (real threads)
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
