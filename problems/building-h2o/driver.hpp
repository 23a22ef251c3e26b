// 1117 Building H2O: one thread per atom of the input string, all sharing one H2O. Whatever the
// threads' order, the releases must come out in molecules: every three consecutive releases are
// two hydrogens and one oxygen, and every atom is released exactly once.
#include <atomic>
#include <cstdint>
#include <string>

#include "cj/harness.hpp"

namespace cj::building_h2o {

/// Fixed atom orders that stress particular arrivals, then pseudo-random ones of more sizes.
const std::vector<std::string>& waters() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> w = {"HOH",       "OHH",       "HHO",       "HHHHOO",
                                  "OOHHHH",    "HOHHOH",    "OHHOHH",    "HHOHHO",
                                  "HHHHHHOOO", "OOOHHHHHH", "HHOOHHOHH", "HHHHHHHHOOOO"};
    std::uint64_t state = 0x1117;  // a fixed LCG: the same cases on every machine and library
    auto next = [&state](std::uint64_t bound) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return (state >> 33) % bound;
    };
    for (int n : {4, 5, 6, 7, 8, 10}) {
      for (int variant = 0; variant < 2; ++variant) {
        std::string s(2 * n, 'H');
        s += std::string(n, 'O');
        for (std::size_t i = s.size() - 1; i > 0; --i) std::swap(s[i], s[next(i + 1)]);
        w.push_back(s);
      }
    }
    return w;
  }();
  return all;
}

/// "no oxygen", "one hydrogen", "three hydrogens".
std::string count(int n, const std::string& atom) {
  static const char* const words[] = {"no", "one", "two", "three"};
  return std::string(words[n]) + " " + atom + (n > 1 ? "s" : "");
}

class H2OTrial final : public Trial {
 public:
  explicit H2OTrial(std::string water) : water_(std::move(water)), out_(water_.size() + 4) {
    for (char atom : water_) (atom == 'H' ? total_h_ : total_o_)++;
  }

  void run(int actor) override {
    if (water_[actor] == 'H') {
      h2o_.hydrogen([this] {
        released_h_.fetch_add(1, std::memory_order_relaxed);
        out_.print("H");
      });
    } else {
      h2o_.oxygen([this] {
        released_o_.fetch_add(1, std::memory_order_relaxed);
        out_.print("O");
      });
    }
  }

  Check check() override {
    const std::size_t printed = released_h_.load() + released_o_.load();
    if (printed != water_.size()) {
      return Failure{"wrong_answer",
                     std::to_string(printed) + " atoms were released but " +
                         std::to_string(water_.size()) +
                         " threads arrived: every thread releases its own atom exactly once",
                     "", grouped()};
    }
    for (std::size_t first = 0; first + 3 <= out_.size(); first += 3) {
      int h = 0;
      for (std::size_t i = first; i < first + 3; ++i) h += out_[i] == "H";
      if (h == 2) continue;
      const std::string molecule = out_[first] + out_[first + 1] + out_[first + 2];
      return Failure{"wrong_answer",
                     "releases " + std::to_string(first + 1) + " to " + std::to_string(first + 3) +
                         " were \"" + molecule + "\", " + count(h, "hydrogen") + " and " +
                         count(3 - h, "oxygen") +
                         ": every three consecutive releases must form one molecule, two "
                         "hydrogens and one oxygen",
                     "two H and one O in every group of three", grouped()};
    }
    return std::nullopt;
  }

  std::string stuck_state() const override {
    return std::to_string(released_h_.load(std::memory_order_relaxed)) + " of " +
           std::to_string(total_h_) + " hydrogens and " +
           std::to_string(released_o_.load(std::memory_order_relaxed)) + " of " +
           std::to_string(total_o_) + " oxygens had been released";
  }

 private:
  /// The output with a space after every molecule: "HHO OHH HH".
  std::string grouped() const {
    std::string s;
    for (std::size_t i = 0; i < out_.size(); ++i) s += (i && i % 3 == 0 ? " " : "") + out_[i];
    return s + (out_.overflowed() ? "..." : "");
  }

  const std::string water_;
  int total_h_ = 0, total_o_ = 0;
  ::H2O h2o_;
  Transcript out_;
  // Counted apart from the transcript so that stuck_state() can read them while threads run.
  std::atomic<int> released_h_{0}, released_o_{0};
};

class BuildingH2O final : public Problem {
 public:
  std::string slug() const override { return "building-h2o"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (const std::string& w : waters()) {
      Case c{"water = \"" + w + "\"", static_cast<int>(w.size()), {}};
      for (int a = 0; a < c.actors; ++a) c.start_order.push_back(a);  // threads start in order
      cases.push_back(std::move(c));
    }
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<H2OTrial>(water_of(c));
  }
  std::string actor_name(const Case& c, int actor) const override {
    return water_of(c)[actor] == 'H' ? "hydrogen()" : "oxygen()";
  }

 private:
  static std::string water_of(const Case& c) {
    return waters().at(c.index);  // the runners number the cases in cases() order
  }
};

CJ_PROBLEM(BuildingH2O);

}  // namespace cj::building_h2o
