// Problems whose answer is one fixed sequence of prints (1114, 1115, 1116, 1195): the driver says
// what the sequence is and who owes each print; checking it and explaining a stall is shared.
#pragma once

#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cj/problem.hpp"
#include "cj/transcript.hpp"

namespace cj {

/// The expected prints, and for each the method that owes it ("zero()"), for reports.
struct Sequence {
  std::vector<std::string> tokens;
  std::vector<std::string> owners;

  void add(std::string token, std::string owner) {
    tokens.push_back(std::move(token));
    owners.push_back(std::move(owner));
  }
};

/// A trial whose callbacks print into one transcript that must equal the sequence. A derived
/// trial owns the solution object and hands it callbacks that call print().
class SequenceTrial : public Trial {
 public:
  /// `expected` must outlive the trial (the problem keeps it).
  explicit SequenceTrial(const Sequence& expected)
      : expected_(expected), out_(2 * expected.tokens.size() + 8) {}

  Check check() override { return out_.expect(expected_.tokens); }

  /// How far the prints got and who owed the next one; reads only the transcript's counter.
  std::string stuck_state() const override;

 protected:
  void print(std::string_view token) { out_.print(token); }

 private:
  const Sequence& expected_;
  Transcript out_;
};

/// What a SequenceProblem needs that does not depend on its trial type: compiled once
/// (src/sequence.cpp).
class SequenceCases : public Problem {
 public:
  /// Cases n in `sizes`; those with n <= `exhaustible_up_to` are small enough for explore's
  /// bounded search to exhaust (Case::exhaustible), the larger ones are sampled only.
  SequenceCases(std::string slug, std::vector<int> sizes, std::vector<std::string> methods,
                const std::function<Sequence(int)>& sequence_for, int exhaustible_up_to);

  std::string slug() const override;
  std::vector<Case> cases() const override;
  std::string actor_name(const Case&, int actor) const override;

 protected:
  /// The n of case c (found by its index), and the sequence expected for n.
  int size_of(const Case& c) const;
  const Sequence& sequence(int n) const;

 private:
  std::string slug_;
  std::vector<int> sizes_;
  std::vector<std::string> methods_;
  int exhaustible_up_to_;
  std::map<int, Sequence> sequences_;
};

/// A sequence problem judged over a range of n ("n = 5" cases): the driver gives the sizes, the
/// methods (one actor each) and the sequence for n; TrialT is constructed as TrialT(n, sequence).
template <class TrialT>
class SequenceProblem : public SequenceCases {
 public:
  SequenceProblem(std::string slug, std::vector<int> sizes, std::vector<std::string> methods,
                  const std::function<Sequence(int)>& sequence_for,
                  int exhaustible_up_to = std::numeric_limits<int>::max())
      : SequenceCases(std::move(slug), std::move(sizes), std::move(methods), sequence_for,
                      exhaustible_up_to) {}

  std::unique_ptr<Trial> make(const Case& c) const override {
    const int n = size_of(c);
    return std::make_unique<TrialT>(n, sequence(n));
  }
};

}  // namespace cj
