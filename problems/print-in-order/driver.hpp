// 1114 Print in Order: three threads, one Foo; the output must be "firstsecondthird" whatever
// order the threads start in (the case's input).
#include "cj/harness.hpp"

namespace cj::print_in_order {

/// The one answer, whatever the start order.
const Sequence& in_order() {
  static const Sequence s = [] {
    Sequence s;
    s.add("first", "first()");
    s.add("second", "second()");
    s.add("third", "third()");
    return s;
  }();
  return s;
}

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
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    std::vector<int> order{0, 1, 2};
    do {
      cases.push_back({"nums = [" + std::to_string(order[0] + 1) + "," +
                           std::to_string(order[1] + 1) + "," + std::to_string(order[2] + 1) + "]",
                       3, order});
    } while (std::next_permutation(order.begin(), order.end()));
    return cases;
  }
  std::unique_ptr<Trial> make(const Case&) const override { return std::make_unique<FooTrial>(); }
  std::string actor_name(const Case&, int actor) const override {
    static const char* const names[] = {"first()", "second()", "third()"};
    return names[actor];
  }
};

CJ_PROBLEM(PrintInOrder);

}  // namespace cj::print_in_order
