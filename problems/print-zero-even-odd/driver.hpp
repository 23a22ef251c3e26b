// 1116 Print Zero Even Odd: zero(), even() and odd() run on three threads sharing one
// ZeroEvenOdd(n); together they must print 0 1 0 2 ... 0 n, each number by its own method.
#include "cj/harness.hpp"

namespace cj::print_zero_even_odd {

Sequence zero_even_odd_sequence(int n) {
  Sequence s;
  for (int i = 1; i <= n; ++i) {
    s.add("0", "zero()");
    s.add(std::to_string(i), i % 2 == 0 ? "even()" : "odd()");
  }
  return s;
}

class ZeroEvenOddTrial final : public SequenceTrial {
 public:
  ZeroEvenOddTrial(int n, const Sequence& expected) : SequenceTrial(expected), zeo_(n) {}

  void run(int actor) override {
    auto print_number = [this](int x) { print(std::to_string(x)); };
    switch (actor) {
      case 0:
        zeo_.zero(print_number);
        break;
      case 1:
        zeo_.even(print_number);
        break;
      default:
        zeo_.odd(print_number);
        break;
    }
  }

 private:
  ::ZeroEvenOdd zeo_;
};

class PrintZeroEvenOdd final : public SequenceProblem<ZeroEvenOddTrial> {
 public:
  // Sizes below 3, at 15, and up to LeetCode's 1000.
  PrintZeroEvenOdd()
      : SequenceProblem("print-zero-even-odd", {1, 2, 3, 4, 5, 8, 15, 16, 100, 1000},
                        {"zero()", "even()", "odd()"}, zero_even_odd_sequence) {}
};

CJ_PROBLEM(PrintZeroEvenOdd);

}  // namespace cj::print_zero_even_odd
