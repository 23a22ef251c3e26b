// 1114 Print in Order: three threads, one Foo; the output must be "firstsecondthird" whatever
// order the threads start in (the case's input). The cases and the answer are compiled once
// (checks.hpp); this file holds the trial that calls the learner's Foo.
#include "checks.hpp"
#include "cj/harness.hpp"

namespace cj::print_in_order {

class FooTrial final : public SequenceTrial {
 public:
  FooTrial() : SequenceTrial(in_order()) {}

  void run(int actor) override {
    switch (actor) {
      case 0:
        foo_.first([this] { print("first"); });
        break;
      case 1:
        foo_.second([this] { print("second"); });
        break;
      default:
        foo_.third([this] { print("third"); });
        break;
    }
  }

 private:
  ::Foo foo_;
};

class PrintInOrder final : public Problem {
 public:
  std::string slug() const override { return "print-in-order"; }
  std::vector<Case> cases() const override { return start_orders(); }
  std::unique_ptr<Trial> make(const Case&) const override { return std::make_unique<FooTrial>(); }
  std::string actor_name(const Case&, int actor) const override { return method_name(actor); }
};

CJ_PROBLEM(PrintInOrder);

}  // namespace cj::print_in_order
