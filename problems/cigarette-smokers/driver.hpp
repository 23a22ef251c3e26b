// The Cigarette Smokers (The Little Book of Semaphores, 4.5): the agent thread (the driver's own
// code, which the solution cannot change) puts two of the three ingredients on the table with
// two put() calls, waits until a cigarette has been smoked, and goes on with the next pair; after
// the last one it calls close(). Three smoker threads run smoker(has, smoke). The driver knows
// what is on the table, so it checks each smoke(): both ingredients of the current pair have
// been put, nobody smoked this pair yet, and the smoker is the one who lacks exactly those two.
// A smoker that takes one ingredient of a pair it cannot complete (the naive solution) leaves
// everyone waiting: that is a deadlock, explained with the table and who has smoked.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cj/harness.hpp"

namespace cj::cigarette_smokers {

inline const char* ingredient_name(int i) {
  static const char* const names[] = {"tobacco", "paper", "matches"};
  return names[i];
}
inline std::string smoker_name(int has) {
  return std::string("the ") + ingredient_name(has) + " smoker";
}
inline int missing(int a, int b) { return 3 - a - b; }

/// The pairs of one case: "TP,PM,MT" (the agent puts the first letter's ingredient first).
using Pairs = std::vector<std::pair<int, int>>;

inline Pairs parse_pairs(const std::string& table) {
  Pairs pairs;
  auto code = [](char c) { return c == 'T' ? 0 : c == 'P' ? 1 : 2; };
  for (std::size_t i = 0; i + 1 < table.size(); i += 3)
    pairs.emplace_back(code(table[i]), code(table[i + 1]));
  return pairs;
}

class TableTrial final : public Trial {
 public:
  explicit TableTrial(Pairs pairs) : pairs_(std::move(pairs)) {}

  /// Actor 0 is the agent; actors 1..3 are the smokers with tobacco, paper and matches.
  void run(int actor) override {
    if (actor > 0) {
      const int has = actor - 1;
      table_.smoker(has, [this, has] { smoke(has); });
      return;
    }
    for (std::size_t r = 0; r < pairs_.size(); ++r) {
      const auto [a, b] = pairs_[r];
      for (int ingredient : {a, b}) {
        put_.fetch_add(1, std::memory_order_relaxed);
        note_progress();
        table_.put(ingredient);
      }
      // The agent waits for the cigarette; relaxed, so it orders nothing for the solution.
      for (int done = smoked_.load(std::memory_order_relaxed); done <= static_cast<int>(r);
           done = smoked_.load(std::memory_order_relaxed))
        smoked_.wait(done, std::memory_order_relaxed);
    }
    closing_.store(true, std::memory_order_relaxed);
    table_.close();
  }

  Check check() override { return failures_.get(); }
  Check failure_so_far() const override { return failures_.so_far(); }

  std::string stuck_state() const override {
    const int puts = put_.load(std::memory_order_relaxed);
    const int smoked = smoked_.load(std::memory_order_relaxed);
    if (closing_.load(std::memory_order_relaxed))
      return "all " + std::to_string(pairs_.size()) +
             " cigarettes had been smoked and close() had been called";
    const int round = (puts - 1) / 2;
    if (round < 0) return "the agent had not put anything yet";
    const auto [a, b] = pairs_[round];
    std::string s = std::to_string(smoked) + " of " + std::to_string(pairs_.size()) +
                    " cigarettes had been smoked; ";
    if (puts % 2 == 1) return s + "the agent was putting " + ingredient_name(a) + " on the table";
    return s + "the table held " + ingredient_name(a) + " and " + ingredient_name(b) +
           ", which only " + smoker_name(missing(a, b)) + " can use";
  }

 private:
  void smoke(int has) {
    note_progress();
    const int puts = put_.load(std::memory_order_relaxed);
    const int smoked = smoked_.load(std::memory_order_relaxed);
    const int round = (puts - 1) / 2;
    if (puts == 0 || puts % 2 == 1 || round < smoked) {
      failures_.fail(
          smoker_name(has) + " smoked when " +
          (puts == 0 ? std::string("nothing had been put on the table")
           : puts % 2 == 1
               ? std::string("only ") + ingredient_name(pairs_[round].first) + " was on the table"
               : std::string("the pair on the table had already been "
                             "smoked")) +
          ": a smoker smokes only with both ingredients it lacks");
    } else if (const auto [a, b] = pairs_[round]; missing(a, b) != has) {
      failures_.fail(smoker_name(has) + " smoked when the table held " + ingredient_name(a) +
                     " and " + ingredient_name(b) + ": only " + smoker_name(missing(a, b)) +
                     ", who lacks exactly those two, may take them");
    }
    smoked_.fetch_add(1, std::memory_order_relaxed);
    smoked_.notify_all();
    note_progress();
  }

  const Pairs pairs_;
  ::SmokersTable table_;
  FirstFailure failures_;
  std::atomic<int> put_{0};     // put() calls the agent has made (two per pair)
  std::atomic<int> smoked_{0};  // smoke() calls; the agent waits on it
  std::atomic<bool> closing_{false};
};

class CigaretteSmokers final : public Problem {
 public:
  std::string slug() const override { return "cigarette-smokers"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const auto& t : tables()) cases.push_back({"pairs = \"" + t + "\"", 4, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<TableTrial>(parse_pairs(tables().at(c.index)));  // cases() order
  }
  std::string actor_name(const Case&, int actor) const override {
    if (actor == 0) return "the agent (put)";
    return "smoker(" + std::to_string(actor - 1) + ")";
  }

 private:
  /// Each case's pairs, "TP,PM,MT": the agent puts the first letter's ingredient first.
  static const std::vector<std::string>& tables() {
    static const std::vector<std::string> all = [] {
      std::vector<std::string> tables = {"TP",       "PT",       "MT",         "PM",
                                         "TP,TP,TP", "TM,PM,TP", "MP,MT,PT,TP"};
      std::uint64_t state = 0x5e0c;  // a fixed LCG: the same cases everywhere
      auto next = [&state](int bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
      };
      for (int n : {6, 10, 16}) {
        std::string t;
        for (int i = 0; i < n; ++i) {
          const int a = next(3), b = (a + 1 + next(2)) % 3;
          t += std::string(i ? "," : "") + "TPM"[a] + "TPM"[b];
        }
        tables.push_back(t);
      }
      return tables;
    }();
    return all;
  }
};

CJ_PROBLEM(CigaretteSmokers);

}  // namespace cj::cigarette_smokers
