// Rate Limiter: a token bucket shared by threads that acquire() tokens back to back (so they
// wait) and threads that tryAcquire() now and then. Every call is stamped with the clock the
// solution reads (steady_clock; virtual time in explore, cj/clock.hpp) before it begins and after
// it returns, and the checker establishes: in every window of length t at most rate*t + burst
// grants, no tryAcquire() refused while the bucket must have been full, every acquire() returned,
// and (real time only, cj/idle_cpu.hpp) callers that wait for a token block instead of spinning.
#include "cj/actor_built.hpp"
#include "cj/clock.hpp"
#include "cj/harness.hpp"
#include "cj/idle_cpu.hpp"

namespace cj::rate_limiter {

struct LimitCase {
  int rate;           // tokens per second
  int burst;          // bucket size; the bucket starts full
  int acquirers;      // actors calling acquire() back to back
  int acquires_each;  // half before the pause, half after
  int pause_us;       // every actor pauses this long halfway (the bucket refills meanwhile)
  int triers;         // actors calling tryAcquire() every try_gap_us
  int tries_each;
  int try_gap_us;

  int actors() const { return acquirers + triers; }
  bool is_acquirer(int a) const { return a < acquirers; }
  std::int64_t interval_ns() const { return 1000000000LL / rate; }

  std::string input() const {
    return "rate = " + std::to_string(rate) + "/s, burst = " + std::to_string(burst) + "; " +
           std::to_string(acquirers) + " thread" + (acquirers == 1 ? "" : "s") +
           " calling acquire() " + std::to_string(acquires_each) + " times with a pause of " +
           std::to_string(pause_us) + " us halfway; " + std::to_string(triers) +
           " calling tryAcquire() " + std::to_string(tries_each) + " times, every " +
           std::to_string(try_gap_us) + " us";
  }
};

inline const std::vector<LimitCase>& limit_cases() {
  static const std::vector<LimitCase> cases = {
      {1000, 1, 2, 6, 4000, 1, 8, 700}, {1000, 3, 3, 6, 5000, 1, 10, 600},
      {500, 2, 2, 4, 6000, 1, 8, 1000}, {2000, 4, 3, 8, 4000, 0, 0, 0},
      {1000, 2, 1, 6, 4000, 2, 8, 500}, {2000, 1, 4, 4, 3000, 1, 10, 400},
  };
  return cases;
}

/// One call: when it began and returned on the solution's clock, and whether it got a token.
struct Call {
  std::int64_t call_ns = 0;
  std::int64_t ret_ns = -1;  // -1: never returned
  bool granted = false;
  bool is_try = false;
  int actor = 0;
};

class LimitTrial final : public Trial {
 public:
  explicit LimitTrial(const LimitCase& c)
      : c_(c), limiter_(c.actors() - 1), calls_(c.actors()), waits_(c.acquirers) {
    for (IdleWindow& w : waits_) w.waits = 0;
    for (int a = 0; a < c.actors(); ++a)
      calls_[a].reserve(static_cast<std::size_t>(c.acquires_each + c.tries_each + 2));
  }

  void run(int actor) override {
    RateLimiter& limiter = actor == 0 ? limiter_.build(c_.rate, c_.burst) : limiter_.wait_built();
    if (c_.is_acquirer(actor))
      acquire_all(limiter, actor);
    else
      try_all(limiter, actor);
    if (actor == 0)
      limiter_.destroy_when_done();
    else
      limiter_.done();
  }

  Check check() override {
    std::vector<Call> all;
    for (const auto& v : calls_) all.insert(all.end(), v.begin(), v.end());
    for (const Call& k : all)
      if (k.ret_ns < 0)
        return Failure{"wrong_answer", "a call never returned, although every thread finished", "",
                       "", ""};
    if (Check f = check_windows(all)) return f;
    if (Check f = check_refusals(all)) return f;
    IdleWindow waiting;
    waiting.waits = 0;
    for (const IdleWindow& w : waits_) {
      waiting.wall_ns += w.wall_ns;
      waiting.cpu_ns += w.cpu_ns;
      waiting.calls += w.calls;
      waiting.waits += w.waits;
    }
    return check_idle(waiting, "the threads waiting in acquire()", "of waiting for tokens",
                      "wait (sleep until the next token is due, or a timed condition-variable "
                      "wait) instead of trying again in a loop",
                      // Waiting callers also do the token arithmetic, and a loaded machine (the
                      // TSAN run beside this one) bills them milliseconds for it (11 ms in a 26 ms
                      // wait was seen): half the wait and 20 ms of CPU, or the polling calls,
                      // tell a spin apart.
                      1.0 / 2, 20000000);
  }

  std::string stuck_state() const override {
    return std::to_string(grants_.load(std::memory_order_relaxed)) + " tokens had been granted";
  }

 private:
  void acquire_all(RateLimiter& limiter, int actor) {
    const bool real = !time_is_virtual();
    for (int i = 0; i < c_.acquires_each; ++i) {
      if (i == c_.acquires_each / 2)
        std::this_thread::sleep_for(std::chrono::microseconds(c_.pause_us));
      Call k;
      k.actor = actor;
      const std::int64_t cpu0 = real ? thread_cpu_ns() : 0;
      const std::uint64_t calls0 = sync_calls_here().load(std::memory_order_relaxed);
      k.call_ns = steady_ns();
      limiter.acquire();
      k.ret_ns = steady_ns();
      k.granted = true;
      if (real && k.ret_ns - k.call_ns > c_.interval_ns() / 4) {
        // A call that had to wait: how much CPU the wait cost.
        waits_[actor].wall_ns += k.ret_ns - k.call_ns;
        waits_[actor].cpu_ns += thread_cpu_ns() - cpu0;
        // Less the two clock reads of this driver around the call.
        waits_[actor].calls += sync_calls_here().load(std::memory_order_relaxed) - calls0 - 2;
        ++waits_[actor].waits;
      }
      calls_[actor].push_back(k);
      grants_.fetch_add(1, std::memory_order_relaxed);
      note_progress();
    }
  }

  void try_all(RateLimiter& limiter, int actor) {
    for (int i = 0; i < c_.tries_each; ++i) {
      std::this_thread::sleep_for(std::chrono::microseconds(c_.try_gap_us));
      Call k;
      k.actor = actor;
      k.is_try = true;
      k.call_ns = steady_ns();
      k.granted = limiter.tryAcquire();
      k.ret_ns = steady_ns();
      calls_[actor].push_back(k);
      if (k.granted) grants_.fetch_add(1, std::memory_order_relaxed);
      note_progress();
    }
  }

  std::string ms(std::int64_t ns) const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns - origin_) / 1e6);
    return buf;
  }

  /// Grants whose whole call lies inside [from, to] certainly happened inside it; a correct bucket
  /// grants at most burst + rate * (to - from) there.
  Check check_windows(std::vector<Call> all) {
    std::vector<Call> grants;
    for (const Call& k : all)
      if (k.granted) grants.push_back(k);
    std::sort(grants.begin(), grants.end(),
              [](const Call& a, const Call& b) { return a.call_ns < b.call_ns; });
    origin_ = all.empty() ? 0 : std::min_element(all.begin(), all.end(), [](auto& a, auto& b) {
                                  return a.call_ns < b.call_ns;
                                })->call_ns;
    for (std::size_t i = 0; i < grants.size(); ++i) {
      const std::int64_t from = grants[i].call_ns;
      std::vector<std::int64_t> ends;  // returns of the grants that began at or after `from`
      for (std::size_t j = i; j < grants.size(); ++j) ends.push_back(grants[j].ret_ns);
      std::sort(ends.begin(), ends.end());
      for (std::size_t n = 0; n < ends.size(); ++n) {
        const std::int64_t to = ends[n];
        const double allowed =
            c_.burst + static_cast<double>(c_.rate) * static_cast<double>(to - from) / 1e9;
        if (static_cast<double>(n + 1) > allowed + 1e-6) {
          char why[400];
          std::snprintf(why, sizeof why,
                        "%zu tokens were granted between %s and %s, a window of %.3f ms in which "
                        "a bucket of rate %d/s and burst %d grants at most %.2f",
                        n + 1, ms(from).c_str(), ms(to).c_str(),
                        static_cast<double>(to - from) / 1e6, c_.rate, c_.burst, allowed);
          return Failure{"wrong_answer", why,
                         "at most rate * t + burst grants in any window of length t",
                         std::to_string(n + 1) +
                             " grants (calls that began and returned inside "
                             "the window)",
                         ""};
        }
      }
    }
    return std::nullopt;
  }

  /// A tryAcquire() that returned false although no token had been taken, or asked for, during
  /// the time the bucket needs to refill from empty to full (burst intervals, plus a margin):
  /// the bucket held `burst` tokens, and the refusal lost a grant.
  Check check_refusals(const std::vector<Call>& all) const {
    const std::int64_t refill_ns = c_.burst * c_.interval_ns() * 105 / 100 + 50000;
    for (const Call& t : all) {
      if (!t.is_try || t.granted) continue;
      const std::int64_t from = t.call_ns - refill_ns;
      bool busy = false;
      for (const Call& k : all)
        if (&k != &t && (k.granted || !k.is_try) && k.call_ns <= t.ret_ns && k.ret_ns >= from)
          busy = true;
      if (busy) continue;
      char why[300];
      std::snprintf(why, sizeof why,
                    "tryAcquire() returned false at %s, although no token had been taken or "
                    "asked for in the %.3f ms before, in which the bucket refills completely: "
                    "a token was there and was refused",
                    ms(t.call_ns).c_str(), static_cast<double>(refill_ns) / 1e6);
      return Failure{"wrong_answer", why, "true", "false", ""};
    }
    return std::nullopt;
  }

  const LimitCase& c_;
  ActorBuilt<::RateLimiter> limiter_;
  std::vector<std::vector<Call>> calls_;  // calls_[a]: written only by actor a
  std::vector<IdleWindow> waits_;         // waits_[a]: acquirer a's waiting calls, real time
  std::atomic<int> grants_{0};
  std::int64_t origin_ = 0;  // the first call's start, for readable times
};

class RateLimiterProblem final : public Problem {
 public:
  std::string slug() const override { return "rate-limiter"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& c : limit_cases()) out.push_back({c.input(), c.actors(), {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<LimitTrial>(find(c));
  }
  std::string actor_name(const Case& c, int actor) const override {
    return find(c).is_acquirer(actor) ? "acquire()" : "tryAcquire()";
  }

 private:
  static const LimitCase& find(const Case& c) {
    for (const auto& k : limit_cases())
      if (k.input() == c.input) return k;
    return limit_cases().front();
  }
};

CJ_PROBLEM(RateLimiterProblem);

}  // namespace cj::rate_limiter
