#include "cj/transcript.hpp"

#include <algorithm>

namespace cj {
namespace {

std::string ordinal(std::size_t n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string concat(const std::vector<std::string>& tokens) {
  std::string s;
  for (const auto& t : tokens) s += t;
  return s;
}

}  // namespace

std::size_t Transcript::size() const {
  return std::min(next_.load(std::memory_order_relaxed), slots_.size());
}

std::string Transcript::joined() const {
  std::string s;
  for (std::size_t i = 0; i < size(); ++i) s += slots_[i];
  return s;
}

Check Transcript::expect(const std::vector<std::string>& expected) const {
  const std::size_t got = next_.load(std::memory_order_relaxed);
  const std::size_t n = std::min(size(), expected.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (slots_[i] != expected[i]) {
      return Failure{"wrong_answer",
                     "the " + ordinal(i + 1) + " print was \"" + slots_[i] + "\" but \"" +
                         expected[i] + "\" was expected there",
                     concat(expected), joined(), ""};
    }
  }
  if (got < expected.size()) {
    return Failure{"wrong_answer",
                   "only " + std::to_string(got) + " of " + std::to_string(expected.size()) +
                       " prints happened: \"" + expected[got] + "\" never came",
                   concat(expected), joined(), ""};
  }
  if (got > expected.size()) {
    return Failure{"wrong_answer",
                   std::to_string(got) + " prints happened but " + std::to_string(expected.size()) +
                       " were expected",
                   concat(expected), joined() + (overflowed() ? "..." : ""), ""};
  }
  return std::nullopt;
}

}  // namespace cj
