// 1116 Print Zero Even Odd: zero(), even() and odd() run on three threads sharing one
// ZeroEvenOdd(n); together they must print 0 1 0 2 ... 0 n, each number by its own method.
#include <map>

#include "cj/harness.hpp"

namespace cj::print_zero_even_odd {

const int kSizes[] = {1, 2, 3, 4, 5, 8, 15, 16, 100, 1000};

std::vector<std::string> expected_prints(int n) {
  std::vector<std::string> prints;
  for (int i = 1; i <= n; ++i) {
    prints.push_back("0");
    prints.push_back(std::to_string(i));
  }
  return prints;
}

/// Which method owes a print: "0" is zero()'s, the other numbers even()'s or odd()'s.
std::string owner(const std::string& token) {
  if (token == "0") return "zero()";
  return (token.back() - '0') % 2 == 0 ? "even()" : "odd()";
}

class ZeroEvenOddTrial final : public Trial {
 public:
  ZeroEvenOddTrial(int n, const std::vector<std::string>& expected)
      : zeo_(n), expected_(expected), out_(2 * expected.size() + 8) {}

  void run(int actor) override {
    auto print = [this](int x) {
      out_.print(std::to_string(x));
      printed_.fetch_add(1, std::memory_order_relaxed);
    };
    switch (actor) {
      case 0:
        zeo_.zero(print);
        break;
      case 1:
        zeo_.even(print);
        break;
      default:
        zeo_.odd(print);
        break;
    }
  }

  Check check() override { return out_.expect(expected_); }

  std::string stuck_state() const override {
    const std::size_t k = printed_.load(std::memory_order_relaxed);
    const std::string all = std::to_string(expected_.size());
    if (k == expected_.size()) return "all " + all + " prints happened but a method did not return";
    if (k > expected_.size())
      return std::to_string(k) + " prints happened where " + all + " were expected";
    return std::to_string(k) + " of " + all + " prints happened; the next should have been \"" +
           expected_[k] + "\" from " + owner(expected_[k]);
  }

 private:
  ::ZeroEvenOdd zeo_;
  const std::vector<std::string>& expected_;
  Transcript out_;
  std::atomic<std::size_t> printed_{0};  // relaxed: a count for stuck reports, orders nothing
};

class PrintZeroEvenOdd final : public Problem {
 public:
  PrintZeroEvenOdd() {
    for (int n : kSizes) expected_[n] = expected_prints(n);
  }
  std::string slug() const override { return "print-zero-even-odd"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (int n : kSizes) cases.push_back({"n = " + std::to_string(n), 3, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    const int n = std::stoi(c.input.substr(4));
    return std::make_unique<ZeroEvenOddTrial>(n, expected_.at(n));
  }
  std::string actor_name(const Case&, int actor) const override {
    static const char* const names[] = {"zero()", "even()", "odd()"};
    return names[actor];
  }

 private:
  std::map<int, std::vector<std::string>> expected_;
};

CJ_PROBLEM(PrintZeroEvenOdd);

}  // namespace cj::print_zero_even_odd
