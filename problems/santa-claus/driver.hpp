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
#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "cj/event_log.hpp"
#include "cj/harness.hpp"

namespace cj::santa_claus {

enum What { kReindeerBack, kPrepareSleigh, kGetHitched, kElfAsks, kHelpElves, kGetHelp };
constexpr int kSanta = 0;     // actor 0 is Santa
constexpr int kReindeer = 9;  // actors 1..9 are the reindeer, then the elves
constexpr int kGroup = 3;     // elves per visit

struct Season {
  int christmases;
  int elves;  // a multiple of three
  std::string input() const {
    return "christmases = " + std::to_string(christmases) + ", elves = " + std::to_string(elves);
  }
};

inline std::vector<Season> seasons() {
  return {{1, 0}, {1, 3}, {1, 6}, {2, 3}, {2, 6}, {1, 9}, {3, 3}, {2, 9}};
}

inline bool is_reindeer(int actor) { return actor >= 1 && actor <= kReindeer; }
inline std::string reindeer_name(int actor) { return "reindeer " + std::to_string(actor); }
inline std::string elf_name(int actor) { return "elf " + std::to_string(actor - kReindeer); }

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

  Check check() override {
    if (log_.overflowed()) return fail("the callbacks were called far more often than needed");
    int back = 0, sleighs = 0, hitched = kReindeer;  // hitched: to the sleigh prepared last
    std::vector<bool> on_sleigh(kReindeer + 1, false);
    int asked = 0, helped_elves = 0, visits = 0;
    std::vector<int> group;     // elves who called getHelp() in the group being helped
    bool santa_helped = false;  // helpElves() was called for that group
    bool santa_chose = false;   // Santa made his first callback
    for (std::size_t i = 0; i < log_.size(); ++i) {
      const Event e = log_[i];
      if (e.what == kHelpElves && !santa_chose && all_waiting_)
        return fail(
            "all nine reindeer were back and waiting in reindeer(), and three elves were waiting "
            "in elf(), when Santa first looked, and he helped the elves first: when both wait, "
            "the reindeer come first and Santa prepares the sleigh");
      if (e.what == kHelpElves || e.what == kPrepareSleigh) santa_chose = true;
      switch (e.what) {
        case kReindeerBack:
          ++back;
          break;
        case kPrepareSleigh:
          if (hitched < kReindeer)
            return fail("Santa prepared the sleigh again while only " + std::to_string(hitched) +
                        " of the nine reindeer were hitched to the last one");
          if (back < kReindeer)
            return fail("Santa prepared the sleigh when only " + std::to_string(back) +
                        " of the nine reindeer were back: he wakes for all nine");
          if (++sleighs > season_.christmases)
            return fail("Santa prepared the sleigh " + std::to_string(sleighs) + " times in " +
                        std::to_string(season_.christmases) + " christmases");
          back -= kReindeer;
          hitched = 0;
          on_sleigh.assign(kReindeer + 1, false);
          break;
        case kGetHitched:
          if (hitched == kReindeer)
            return fail(reindeer_name(e.actor) +
                        " got hitched before Santa prepared the sleigh: prepareSleigh() comes "
                        "first");
          if (on_sleigh[e.actor])
            return fail(reindeer_name(e.actor) + " got hitched twice to one sleigh");
          on_sleigh[e.actor] = true;
          ++hitched;
          break;
        case kElfAsks:
          ++asked;
          break;
        case kHelpElves:
          if (santa_helped)
            return fail("Santa called helpElves() twice for the group of " + list(group) +
                        ": once per group of three");
          if (asked - helped_elves < kGroup)
            return fail("Santa helped elves when only " + count_elves(asked - helped_elves) +
                        " had asked: he wakes for three");
          santa_helped = true;
          break;
        case kGetHelp:
          if (static_cast<int>(group.size()) == kGroup)
            return fail(elf_name(e.actor) + " got help along with " + list(group) +
                        ": Santa helps exactly three elves at a time, a fourth waits for the "
                        "next group");
          group.push_back(e.actor);
          break;
      }
      if (static_cast<int>(group.size()) == kGroup && santa_helped) {
        group.clear();
        santa_helped = false;
        helped_elves += kGroup;
        ++visits;
      }
    }
    if (sleighs < season_.christmases)
      return fail("Santa prepared the sleigh " + std::to_string(sleighs) + " times in " +
                  std::to_string(season_.christmases) + " christmases");
    if (hitched < kReindeer)
      return fail("only " + std::to_string(hitched) +
                  " of the nine reindeer got hitched to the "
                  "last sleigh");
    if (santa_helped)
      return fail("Santa called helpElves() but only " + count_elves(group.size()) +
                  " of the group called getHelp()");
    if (!group.empty())
      return fail(list(group) + " got" + " help without Santa calling helpElves() for them");
    if (helped_elves < season_.elves)
      return fail("Santa helped " + std::to_string(visits) + " groups of elves, but " +
                  std::to_string(season_.elves) + " elves asked");
    return std::nullopt;
  }

  std::string stuck_state() const override {
    return std::to_string(log_.count(kPrepareSleigh)) + " of " +
           std::to_string(season_.christmases) + " sleighs prepared, " +
           std::to_string(log_.count(kGetHitched)) + " of " +
           std::to_string(kReindeer * season_.christmases) + " hitchings, " +
           std::to_string(log_.count(kHelpElves)) + " of " +
           std::to_string(season_.elves / kGroup) + " helpElves() and " +
           std::to_string(log_.count(kGetHelp)) + " of " + std::to_string(season_.elves) +
           " getHelp() calls had happened";
  }

 private:
  static std::string count_elves(std::size_t n) {
    return n == 0 ? "no elf" : n == 1 ? "one elf" : std::to_string(n) + " elves";
  }
  /// "elf 1, elf 4 and elf 2".
  static std::string list(const std::vector<int>& elves) {
    std::string s;
    for (std::size_t i = 0; i < elves.size(); ++i)
      s += (i == 0 ? "" : i + 1 == elves.size() ? " and " : ", ") + elf_name(elves[i]);
    return s;
  }
  static Check fail(std::string reason) {
    return Failure{"wrong_answer", std::move(reason), "", ""};
  }

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
