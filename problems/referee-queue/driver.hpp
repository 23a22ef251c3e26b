// Referee Queue: referee threads wait in referee() for users, front-desk threads let users
// arrive() over time, then close(). Every call and every match is recorded in one order of
// events (cj/history.hpp), and the checker establishes: each user officiated exactly once, no
// referee in two matches at once, users served in the order they arrived, no referee leaving
// before close(). Where a desk waits for the line to empty, it measures the CPU time the idle
// referees use (cj/idle_cpu.hpp, real time only): a referee that polls instead of blocking fails.
// This file holds what needs the learner's class (the trial that calls it); the cases, the check
// of the history and the stall text are compiled once (checks.hpp).
#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::referee_queue {

/// The actor whose thread is running (officiate records its match on that actor's log).
inline thread_local int t_actor = -1;

class RefereeTrial final : public Trial {
 public:
  explicit RefereeTrial(const RefereeCase& c)
      : c_(c),
        queue_(c.referees),
        history_(c.actors(), c.users() + 8),
        cpu_(c.referees),
        desks_done_(0) {}

  void run(int actor) override {
    t_actor = actor;
    if (c_.is_referee(actor)) {
      cpu_.enrol(actor);
      const auto slot = history_.begin(actor, kReferee, actor);
      queue_.referee(actor, [this, actor](int user) { officiate(actor, user); });
      history_.end(actor, slot, 0);
    } else {
      desk(actor - c_.referees);
    }
    t_actor = -1;
  }

  Check check() override {
    return check_trial(foreign_.load(std::memory_order_relaxed), history_, idle_);
  }

  std::string stuck_state() const override {
    return stuck_calls(c_, served_.load(std::memory_order_relaxed), history_);
  }

 private:
  void officiate(int referee, int user) {
    const int actor = t_actor;
    if (actor < 0) {
      foreign_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    const auto slot = history_.begin(actor, kOfficiate, user);
    std::this_thread::sleep_for(c_.match(user));
    served_.fetch_add(1, std::memory_order_relaxed);
    history_.end(actor, slot, referee);
  }

  void desk(int d) {
    const int actor = c_.referees + d;
    int next = 0;
    int arrived_here = 0;
    for (const Step& st : c_.desks[d]) {
      for (int i = 0; i < st.users; ++i) {
        const int user = RefereeCase::user(d, next++);
        const auto slot = history_.begin(actor, kArrive, user);
        queue_.arrive(user);
        history_.end(actor, slot, 0);
        ++arrived_here;
      }
      if (st.idle) {
        wait_until_served(arrived_here);  // cases with an idle step have one desk
        measure_idle();
      } else if (st.pause_us) {
        std::this_thread::sleep_for(std::chrono::microseconds(st.pause_us));
      }
    }
    // The last desk to finish lets the line empty, keeps still while the referees are idle,
    // and closes the queue.
    if (desks_done_.fetch_add(1, std::memory_order_acq_rel) + 1 ==
        static_cast<int>(c_.desks.size())) {
      wait_until_served(c_.users());
      measure_idle();
      const auto slot = history_.begin(actor, kClose, 0);
      queue_.close();
      history_.end(actor, slot, 0);
    }
  }

  /// Polls (the driver's own sleep, adding no synchronisation) until `n` users were officiated,
  /// for at most a few hundred milliseconds: a user that is never officiated is then reported by
  /// the checker instead of hanging the desk.
  void wait_until_served(int n) {
    for (int i = 0; i < 4000 && served_.load(std::memory_order_relaxed) < n; ++i)
      std::this_thread::sleep_for(std::chrono::microseconds(50));
  }

  /// A window with nothing to do: 20 ms of real time in which the referees' CPU time and calls
  /// are read, or a short pause on virtual time (where one thread runs at a time and CPU time says
  /// nothing).
  void measure_idle() {
    if (time_is_virtual()) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      return;
    }
    const ThreadCpuMeter::Reading from = cpu_.read();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const ThreadCpuMeter::Reading to = cpu_.read();
    idle_.push_back({to.wall_ns - from.wall_ns, cpu_.used_ns(from, to), cpu_.calls_made(from, to),
                     c_.referees});
  }

  const RefereeCase& c_;
  ::RefereeQueue queue_;
  HistoryRecorder history_;
  ThreadCpuMeter cpu_;
  std::atomic<int> served_{0};
  std::atomic<int> foreign_{0};
  std::atomic<int> desks_done_;
  std::vector<IdleWindow> idle_;  // written by the one desk of cases with idle steps, and by
                                  // the closing desk once the others are done
};

class RefereeQueueProblem final : public Problem {
 public:
  std::string slug() const override { return "referee-queue"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& c : referee_cases()) out.push_back({c.input(), c.actors(), {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<RefereeTrial>(find(c));
  }
  std::string actor_name(const Case& c, int actor) const override {
    return find(c).is_referee(actor) ? "referee()" : "arrive()";
  }

 private:
  static const RefereeCase& find(const Case& c) {
    return referee_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(RefereeQueueProblem);

}  // namespace cj::referee_queue
