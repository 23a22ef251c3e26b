// 1115 Print FooBar Alternately: two threads, one FooBar(n); the output must be "foobar" n
// times whichever thread starts first. Judged over a range of n, small ones for many cheap
// trials with varied start timing, large ones for long runs of hand-offs.
#include "cj/harness.hpp"

namespace cj::print_foobar_alternately {

Sequence foobar_sequence(int n) {
  Sequence s;
  for (int i = 0; i < n; ++i) {
    s.add("foo", "foo()");
    s.add("bar", "bar()");
  }
  return s;
}

class FooBarTrial final : public SequenceTrial {
 public:
  FooBarTrial(int n, const Sequence& expected) : SequenceTrial(expected), foobar_(n) {}

  void run(int actor) override {
    if (actor == 0)
      foobar_.foo([this] { print("foo"); });
    else
      foobar_.bar([this] { print("bar"); });
  }

 private:
  ::FooBar foobar_;
};

class PrintFooBarAlternately final : public SequenceProblem<FooBarTrial> {
 public:
  PrintFooBarAlternately()
      : SequenceProblem("print-foobar-alternately", {1, 2, 3, 4, 5, 7, 10, 31, 100, 1000},
                        {"foo()", "bar()"}, foobar_sequence, /*exhaustible_up_to=*/10) {}
};

CJ_PROBLEM(PrintFooBarAlternately);

}  // namespace cj::print_foobar_alternately
