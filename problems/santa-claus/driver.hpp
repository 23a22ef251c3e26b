// The Santa Claus problem (Trono; Downey, The Little Book of Semaphores, 5.5): Santa, nine
// reindeer and some elves share one SantaClaus. Each reindeer comes back `christmases` times,
// each elf asks for help once. The driver logs each arrival (just before the call) and every
// callback, and the checker replays the log: Santa prepares the sleigh only when all nine are back
// and before any is hitched; all nine are hitched before the next sleigh; he helps elves only when
// three have asked, exactly three per helpElves(), and a fourth elf waits for the next group.
//
// Reindeer precedence needs an exact scheduler and is checked only when await_quiescence() can
// promise that every other thread is blocked (explore without eager time): with one christmas
// and three elves, Santa's thread calls santa() only once all nine reindeer and the three elves
// have called and nothing else can run, so all twelve wait inside their calls when Santa first
// looks. His first callback must then be prepareSleigh().
//
// The seasons and the replay are compiled once (checks.hpp); this file holds the trial.
#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "checks.hpp"
#include "cj/event_log.hpp"
#include "cj/harness.hpp"

namespace cj::santa_claus {

class NorthPoleTrial final : public Trial {
 public:
  NorthPoleTrial(Season season, bool arrive_together)
      : season_(season),
        arrive_together_(arrive_together),
        precedence_case_(season.christmases == 1 && season.elves == kGroup),
        north_pole_(season.christmases, season.elves),
        log_(4 * (kReindeer * season.christmases + season.elves) + 64) {}

  void run(int actor) override {
    if (arrive_together_) wait_for_the_others();
    if (actor == kSanta) {
      if (precedence_case_) wait_for_reindeer_and_elves();
      north_pole_.santa([this] { log_.record(kSanta, kPrepareSleigh); },
                        [this] {
                          log_.record(kSanta, kHelpElves);
                          // Helping takes a moment: an elf let in too early asks meanwhile.
                          std::this_thread::yield();
                        });
    } else if (is_reindeer(actor)) {
      for (int c = 0; c < season_.christmases; ++c) {
        log_.record(actor, kReindeerBack);
        reindeer_called_.fetch_add(1, std::memory_order_relaxed);
        north_pole_.reindeer([this, actor] { log_.record(actor, kGetHitched); });
      }
    } else {
      log_.record(actor, kElfAsks);
      elves_called_.fetch_add(1, std::memory_order_relaxed);
      north_pole_.elf([this, actor] { log_.record(actor, kGetHelp); });
    }
  }

  Check check() override { return check_log(season_, log_, all_waiting_); }

  std::string stuck_state() const override { return stuck_text(season_, log_); }

 private:
  /// Santa's thread, in the precedence case: returns once all nine reindeer and the three elves
  /// called and nothing else can run (then they all wait inside their calls, and all_waiting_ is
  /// set), or at once where no runner can promise that.
  void wait_for_reindeer_and_elves() {
    const auto everyone_called = [this] {
      return reindeer_called_.load(std::memory_order_relaxed) == kReindeer &&
             elves_called_.load(std::memory_order_relaxed) == season_.elves;
    };
    for (int round = 0; round < kRounds && !everyone_called(); ++round)
      if (!await_quiescence()) return;
    if (!everyone_called() || !await_quiescence()) return;
    // Nothing else could run: the nine reindeer and the three elves wait inside their calls.
    all_waiting_ = true;
  }

  static constexpr int kRounds = 16;  // bounded waits: a buggy solution cannot hang the driver

  /// Bounded and relaxed: some trials make everyone arrive at once; it neither hangs a runner
  /// that runs actors one at a time nor orders them.
  void wait_for_the_others() {
    const int everyone = 1 + kReindeer + season_.elves;
    arrived_.fetch_add(1, std::memory_order_relaxed);
    for (int spins = 0; spins < 20000 && arrived_.load(std::memory_order_relaxed) < everyone;
         ++spins)
      std::this_thread::yield();
  }

  const Season season_;
  const bool arrive_together_;
  const bool precedence_case_;
  std::atomic<int> arrived_{0};
  std::atomic<int> reindeer_called_{0}, elves_called_{0};  // calls made, for the precedence case
  bool all_waiting_ = false;  // written by Santa's thread before santa(), read by check()
  ::SantaClaus north_pole_;
  EventLog log_;
};

class SantaClausProblem final : public Problem {
 public:
  SantaClausProblem() : all_(seasons()) {}
  std::string slug() const override { return "santa-claus"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const Season& s : seasons()) cases.push_back({s.input(), 1 + kReindeer + s.elves, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    const bool together = made_.fetch_add(1, std::memory_order_relaxed) % 2 == 0;
    return std::make_unique<NorthPoleTrial>(all_.at(c.index), together);
  }
  std::string actor_name(const Case&, int actor) const override {
    return actor == kSanta ? "santa()" : is_reindeer(actor) ? "reindeer()" : "elf()";
  }

 private:
  std::vector<Season> all_;                // in cases() order, as the runners number them
  mutable std::atomic<unsigned> made_{0};  // trials made so far: every other one arrives together
};

CJ_PROBLEM(SantaClausProblem);

}  // namespace cj::santa_claus
