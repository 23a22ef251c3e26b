// Rate Limiter: a token bucket shared by threads that acquire() tokens back to back (so they
// wait) and threads that tryAcquire() now and then. Every call is stamped with the clock the
// solution reads (steady_clock; virtual time in explore, cj/clock.hpp) before it begins and after
// it returns, and the checker establishes: in every window of length t at most rate*t + burst
// grants, no tryAcquire() refused while the bucket must have been full, every acquire() returned,
// and (real time only, cj/idle_cpu.hpp) callers that wait for a token block instead of spinning.
// The cases and the checks are compiled once (checks.hpp); this file holds the trial.
#include "checks.hpp"
#include "cj/actor_built.hpp"
#include "cj/clock.hpp"
#include "cj/harness.hpp"
#include "cj/idle_cpu.hpp"

namespace cj::rate_limiter {

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

  Check check() override { return check_calls(c_, calls_, waits_); }

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

  const LimitCase& c_;
  ActorBuilt<::RateLimiter> limiter_;
  std::vector<std::vector<Call>> calls_;  // calls_[a]: written only by actor a
  std::vector<IdleWindow> waits_;         // waits_[a]: acquirer a's waiting calls, real time
  std::atomic<int> grants_{0};
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
    return limit_cases().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(RateLimiterProblem);

}  // namespace cj::rate_limiter
