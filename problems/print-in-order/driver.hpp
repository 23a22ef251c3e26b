// 1114 Print in Order: three threads, one Foo; the output must be "firstsecondthird" whatever
// order the threads start in (the case's input).
#include "cj/harness.hpp"

namespace cj::print_in_order {

class FooTrial final : public Trial {
 public:
  void run(int actor) override {
    switch (actor) {
      case 0:
        foo_.first([this] { out_.print("first"); });
        break;
      case 1:
        foo_.second([this] { out_.print("second"); });
        break;
      default:
        foo_.third([this] { out_.print("third"); });
        break;
    }
  }
  Check check() override { return out_.expect({"first", "second", "third"}); }

  std::string stuck_state() const override {
    // Reads only the transcript's atomic counter, which is safe while the threads still run.
    static const char* const words[] = {"first", "second", "third"};
    const std::size_t printed = out_.size();
    if (printed >= 3) return "all 3 words had been printed";
    return std::to_string(printed) +
           " of 3 words had been printed and the next should have been \"" + words[printed] + "\"";
  }

 private:
  ::Foo foo_;
  Transcript out_{8};
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
