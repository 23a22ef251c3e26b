// 1195 Fizz Buzz Multithreaded: fizz(), buzz(), fizzbuzz() and number() run on four threads
// sharing one FizzBuzz(n); together they must print the FizzBuzz sequence for 1..n, each token
// by the method that owns it.
#include "cj/harness.hpp"

namespace cj::fizz_buzz_multithreaded {

Sequence fizzbuzz_sequence(int n) {
  Sequence s;
  for (int i = 1; i <= n; ++i) {
    if (i % 15 == 0)
      s.add("fizzbuzz", "fizzbuzz()");
    else if (i % 3 == 0)
      s.add("fizz", "fizz()");
    else if (i % 5 == 0)
      s.add("buzz", "buzz()");
    else
      s.add(std::to_string(i), "number()");
  }
  return s;
}

class FizzBuzzTrial final : public SequenceTrial {
 public:
  FizzBuzzTrial(int n, const Sequence& expected) : SequenceTrial(expected), fb_(n) {}

  void run(int actor) override {
    switch (actor) {
      case 0:
        fb_.fizz([this] { print("fizz"); });
        break;
      case 1:
        fb_.buzz([this] { print("buzz"); });
        break;
      case 2:
        fb_.fizzbuzz([this] { print("fizzbuzz"); });
        break;
      default:
        fb_.number([this](int x) { print(std::to_string(x)); });
        break;
    }
  }

 private:
  ::FizzBuzz fb_;
};

class FizzBuzzMultithreaded final : public SequenceProblem<FizzBuzzTrial> {
 public:
  // Sizes below 3, at 15 and beyond LeetCode's 50.
  FizzBuzzMultithreaded()
      : SequenceProblem("fizz-buzz-multithreaded", {1, 2, 3, 5, 14, 15, 16, 30, 31, 50, 100},
                        {"fizz()", "buzz()", "fizzbuzz()", "number()"}, fizzbuzz_sequence) {}
};

CJ_PROBLEM(FizzBuzzMultithreaded);

}  // namespace cj::fizz_buzz_multithreaded
