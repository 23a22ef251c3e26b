// Referee Queue: referee threads wait in referee() for users, front-desk threads let users
// arrive() over time, then close(). Every call and every match is recorded in one order of
// events (cj/history.hpp), and the checker establishes: each user officiated exactly once, no
// referee in two matches at once, users served in the order they arrived, no referee leaving
// before close(). Where a desk waits for the line to empty, it measures the CPU time the idle
// referees use (cj/idle_cpu.hpp, real time only): a referee that polls instead of blocking fails.
#include "cj/clock.hpp"
#include "cj/harness.hpp"
#include "cj/history.hpp"
#include "cj/idle_cpu.hpp"

namespace cj::referee_queue {

enum Method { kArrive = 0, kOfficiate = 1, kReferee = 2, kClose = 3 };

/// What a desk does next: `users` arrive back to back, then it pauses, or (idle) waits until
/// every user arrived so far has been officiated and keeps still while the referees are idle.
struct Step {
  int users;
  int pause_us;
  bool idle;
};

struct RefereeCase {
  int referees;
  std::vector<std::vector<Step>> desks;  // each desk's steps
  int match_us;                          // a match takes match_us, 2x or 3x (by user)

  int actors() const { return referees + static_cast<int>(desks.size()); }
  bool is_referee(int a) const { return a < referees; }
  /// User i (0-based) of desk d: "user 203" is desk 2's third user.
  static int user(int d, int i) { return (d + 1) * 100 + i + 1; }
  int users_of(int d) const {
    int n = 0;
    for (const Step& s : desks[d]) n += s.users;
    return n;
  }
  int users() const {
    int n = 0;
    for (std::size_t d = 0; d < desks.size(); ++d) n += users_of(static_cast<int>(d));
    return n;
  }
  /// On virtual time a tenth as long: only the order of events matters there, and a referee that
  /// polls costs a scheduling step per virtual microsecond.
  std::chrono::microseconds match(int user) const {
    const long long us = match_us * (1 + user % 3);
    return scaled_us(us / 10, us);
  }

  std::string input() const {
    std::string s = std::to_string(referees) + " referee" + (referees == 1 ? "" : "s") + ", ";
    for (std::size_t d = 0; d < desks.size(); ++d) {
      s += (d ? "; desk " : "desk ") + std::to_string(d + 1) + ":";
      for (const Step& st : desks[d]) {
        s += " " + std::to_string(st.users) + " users";
        if (st.idle)
          s += ", idle";
        else if (st.pause_us)
          s += ", pause " + std::to_string(st.pause_us) + " us";
        s += ";";
      }
      s.pop_back();
    }
    return s + "; matches of " + std::to_string(match_us) + "-" + std::to_string(3 * match_us) +
           " us";
  }
};

inline const std::vector<RefereeCase>& referee_cases() {
  static const std::vector<RefereeCase> cases = {
      {1, {{{4, 0, true}, {3, 0, false}}}, 200},
      {2, {{{5, 300, false}, {1, 0, true}, {4, 0, false}}}, 200},
      {3, {{{6, 0, true}, {5, 0, false}}}, 150},
      {2, {{{3, 200, false}, {3, 0, false}}, {{2, 100, false}, {3, 0, false}}}, 150},
      {3, {{{4, 0, false}}, {{4, 0, false}}}, 200},
      {1, {{{2, 500, false}, {2, 0, false}}, {{3, 0, false}}}, 100},
  };
  return cases;
}

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
    if (int n = foreign_.load(std::memory_order_relaxed))
      return Failure{"wrong_answer",
                     "officiate was called " + std::to_string(n) +
                         " times on a thread that is not a referee's: each referee officiates "
                         "its matches itself, inside its own referee() call",
                     "", "", ""};
    const std::vector<Operation> ops = history_.operations();
    if (Check f = check_close(ops)) return f;
    if (Check f = check_each_once(ops)) return f;
    if (Check f = check_one_match_each(ops)) return f;
    if (Check f = check_arrival_order(ops)) return f;
    for (const IdleWindow& w : idle_)
      if (Check f = check_idle(w, "the idle referees", "with nothing to do",
                               "wait on a condition variable (or a semaphore) until a user "
                               "arrives or close() is called",
                               1.0 / 50, 1000000))
        return f;
    return std::nullopt;
  }

  std::string stuck_state() const override {
    std::string s = std::to_string(served_.load(std::memory_order_relaxed)) + " of " +
                    std::to_string(c_.users()) + " users had been officiated";
    for (int a = 0; a < c_.actors(); ++a) {
      if (history_.begun(a) == history_.returned(a)) continue;
      s += ", " + name(a) + " was still in " +
           (c_.is_referee(a) ? "referee()" : "arrive() or close()");
    }
    return s;
  }

 private:
  std::string name(int actor) const {
    return c_.is_referee(actor) ? "referee " + std::to_string(actor)
                                : "desk " + std::to_string(actor - c_.referees + 1);
  }

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

  static std::string span(const Operation& op) {
    return "[" + std::to_string(op.call) + ", " + std::to_string(op.ret) + "]";
  }

  Check check_close(const std::vector<Operation>& ops) const {
    const Operation* close = nullptr;
    for (const auto& op : ops)
      if (op.method == kClose) close = &op;
    for (const auto& op : ops)
      if (op.method == kReferee && close && op.ret < close->call)
        return Failure{"wrong_answer",
                       "referee() of referee " + std::to_string(op.arg) + " returned " + span(op) +
                           " before close() was called " + span(*close) +
                           ": a referee with an empty line waits for the next user, and goes "
                           "home only once close() was called and the line is empty",
                       "", "", ""};
    return std::nullopt;
  }

  Check check_each_once(const std::vector<Operation>& ops) const {
    std::map<int, int> times;
    for (const auto& op : ops)
      if (op.method == kArrive) times[static_cast<int>(op.arg)];
    for (const auto& op : ops) {
      if (op.method != kOfficiate) continue;
      auto it = times.find(static_cast<int>(op.arg));
      if (it == times.end())
        return Failure{"wrong_answer",
                       "referee " + std::to_string(op.result) + " officiated user " +
                           std::to_string(op.arg) + ", who never arrived",
                       "", "", ""};
      if (++it->second == 2)
        return Failure{"wrong_answer",
                       "user " + std::to_string(op.arg) +
                           " was officiated twice: every user gets exactly one match",
                       "", "", ""};
    }
    for (const auto& [user, n] : times)
      if (n == 0)
        return Failure{"wrong_answer",
                       "user " + std::to_string(user) +
                           " arrived but was never officiated, although close() came after "
                           "and every referee's referee() returned",
                       "", "", ""};
    return std::nullopt;
  }

  Check check_one_match_each(const std::vector<Operation>& ops) const {
    for (std::size_t i = 0; i < ops.size(); ++i) {
      if (ops[i].method != kOfficiate) continue;
      for (std::size_t j = i + 1; j < ops.size() && ops[j].call < ops[i].ret; ++j)
        if (ops[j].method == kOfficiate && ops[j].result == ops[i].result)
          return Failure{"wrong_answer",
                         "referee " + std::to_string(ops[i].result) + " officiated users " +
                             std::to_string(ops[i].arg) + " " + span(ops[i]) + " and " +
                             std::to_string(ops[j].arg) + " " + span(ops[j]) +
                             " at the same time: a referee has one match at a time",
                         "", "", ""};
    }
    return std::nullopt;
  }

  /// u arrived (its arrive() returned) before v's arrive() began, yet v's match began first. In a
  /// first-come-first-served line u was taken before v, by a referee r that then officiated
  /// nothing else before u: so r's previous match must have ended before v's began.
  Check check_arrival_order(const std::vector<Operation>& ops) const {
    std::map<int, const Operation*> arrival, match;
    std::map<long long, std::vector<const Operation*>> by_referee;  // in order of start
    for (const auto& op : ops) {
      if (op.method == kArrive) arrival[static_cast<int>(op.arg)] = &op;
      if (op.method == kOfficiate) {
        match[static_cast<int>(op.arg)] = &op;
        by_referee[op.result].push_back(&op);
      }
    }
    for (const auto& [u, mu] : match) {
      const auto& mine = by_referee[mu->result];
      const auto at = std::find(mine.begin(), mine.end(), mu);
      const Operation* previous = at == mine.begin() ? nullptr : *(at - 1);
      for (const auto& [v, mv] : match) {
        if (mv->call >= mu->call || arrival.at(u)->ret >= arrival.at(v)->call) continue;
        if (!previous || previous->ret < mv->call) continue;
        return Failure{
            "wrong_answer",
            "user " + std::to_string(u) + " arrived " + span(*arrival.at(u)) + " before user " +
                std::to_string(v) + " " + span(*arrival.at(v)) + ", yet user " + std::to_string(v) +
                "'s match began first " + span(*mv) + ", while user " + std::to_string(u) +
                " still waited (its match " + span(*mu) + " by referee " +
                std::to_string(mu->result) +
                (previous ? ", who was busy until " + std::to_string(previous->ret) : "") +
                "): serve waiting users in the order they arrived",
            "first come, first served", "", ""};
      }
    }
    return std::nullopt;
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
