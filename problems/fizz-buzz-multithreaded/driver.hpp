// 1195 Fizz Buzz Multithreaded: fizz(), buzz(), fizzbuzz() and number() run on four threads
// sharing one FizzBuzz(n); together they must print the FizzBuzz sequence for 1..n, each token
// by the method that owns it.
#include <map>

#include "cj/harness.hpp"

namespace cj::fizz_buzz_multithreaded {

const int kSizes[] = {1, 2, 3, 5, 14, 15, 16, 30, 31, 50, 100};

std::string fizzbuzz_token(int i) {
  if (i % 15 == 0) return "fizzbuzz";
  if (i % 3 == 0) return "fizz";
  if (i % 5 == 0) return "buzz";
  return std::to_string(i);
}

/// Which method owes a print.
std::string owner(const std::string& token) {
  if (token == "fizz" || token == "buzz" || token == "fizzbuzz") return token + "()";
  return "number()";
}

class FizzBuzzTrial final : public Trial {
 public:
  FizzBuzzTrial(int n, const std::vector<std::string>& expected)
      : fb_(n), expected_(expected), out_(2 * expected.size() + 8) {}

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
  void print(std::string_view token) {
    out_.print(token);
    printed_.fetch_add(1, std::memory_order_relaxed);
  }

  ::FizzBuzz fb_;
  const std::vector<std::string>& expected_;
  Transcript out_;
  std::atomic<std::size_t> printed_{0};  // relaxed: a count for stuck reports, orders nothing
};

class FizzBuzzMultithreaded final : public Problem {
 public:
  FizzBuzzMultithreaded() {
    for (int n : kSizes)
      for (int i = 1; i <= n; ++i) expected_[n].push_back(fizzbuzz_token(i));
  }
  std::string slug() const override { return "fizz-buzz-multithreaded"; }
  std::vector<Case> cases() const override {
    std::vector<Case> cases;
    for (int n : kSizes) cases.push_back({"n = " + std::to_string(n), 4, {}});
    return cases;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    const int n = std::stoi(c.input.substr(4));
    return std::make_unique<FizzBuzzTrial>(n, expected_.at(n));
  }
  std::string actor_name(const Case&, int actor) const override {
    static const char* const names[] = {"fizz()", "buzz()", "fizzbuzz()", "number()"};
    return names[actor];
  }

 private:
  std::map<int, std::vector<std::string>> expected_;
};

CJ_PROBLEM(FizzBuzzMultithreaded);

}  // namespace cj::fizz_buzz_multithreaded
