// 1115 Print FooBar Alternately: two threads, one FooBar(n); the output must be "foobar" n
// times whichever thread starts first. Judged over a range of n, small ones for many cheap
// trials with varied start timing, large ones for long runs of hand-offs.
#include "cj/harness.hpp"

namespace cj::print_foobar_alternately {

class FooBarTrial final : public Trial {
 public:
  explicit FooBarTrial(int n) : n_(n), foobar_(n), out_(2 * static_cast<std::size_t>(n) + 2) {}

  void run(int actor) override {
    if (actor == 0)
      foobar_.foo([this] { out_.print("foo"); });
    else
      foobar_.bar([this] { out_.print("bar"); });
  }

  Check check() override {
    std::vector<std::string> expected;
    expected.reserve(2 * static_cast<std::size_t>(n_));
    for (int i = 0; i < n_; ++i) {
      expected.push_back("foo");
      expected.push_back("bar");
    }
    return out_.expect(expected);
  }

  std::string stuck_state() const override {
    // Reads only the transcript's atomic counter, which is safe while the threads still run.
    const std::size_t printed = out_.size();
    const std::size_t total = 2 * static_cast<std::size_t>(n_);
    if (printed >= total) return "all " + std::to_string(total) + " words had been printed";
    return std::to_string(printed) + " of " + std::to_string(total) +
           " words had been printed and the next should have been \"" +
           (printed % 2 == 0 ? "foo" : "bar") + "\"";
  }

 private:
  int n_;
  ::FooBar foobar_;
  Transcript out_;  // one slot more than 2n, so an extra print is seen
};

class PrintFooBarAlternately final : public Problem {
 public:
  std::string slug() const override { return "print-foobar-alternately"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (int n : {1, 2, 3, 4, 5, 7, 10, 31, 100, 1000})
      cases.push_back({"n = " + std::to_string(n), 2, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    return std::make_unique<FooBarTrial>(n_of(c));
  }
  std::string actor_name(const Case&, int actor) const override {
    return actor == 0 ? "foo()" : "bar()";
  }

 private:
  static int n_of(const Case& c) { return std::stoi(c.input.substr(c.input.find('=') + 1)); }
};

CJ_PROBLEM(PrintFooBarAlternately);

}  // namespace cj::print_foobar_alternately
