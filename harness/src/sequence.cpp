// The non-template parts of cj/sequence.hpp, compiled once into the harness library.
#include "cj/sequence.hpp"

namespace cj {

std::string SequenceTrial::stuck_state() const {
  const std::size_t k = out_.printed();
  const std::size_t all = expected_.tokens.size();
  if (k == all)
    return "all " + std::to_string(all) + " prints had happened, yet a method did not return";
  if (k > all)
    return std::to_string(k) + " prints happened where " + std::to_string(all) + " were expected";
  return std::to_string(k) + " of " + std::to_string(all) +
         " prints had happened and the next should have been \"" + expected_.tokens[k] +
         "\" from " + expected_.owners[k];
}

SequenceCases::SequenceCases(std::string slug, std::vector<int> sizes,
                             std::vector<std::string> methods,
                             const std::function<Sequence(int)>& sequence_for,
                             int exhaustible_up_to)
    : slug_(std::move(slug)),
      sizes_(std::move(sizes)),
      methods_(std::move(methods)),
      exhaustible_up_to_(exhaustible_up_to) {
  for (int n : sizes_) sequences_[n] = sequence_for(n);
}

std::string SequenceCases::slug() const { return slug_; }

std::vector<Case> SequenceCases::cases() const {
  std::vector<Case> cases;
  for (int n : sizes_) {
    cases.push_back({"n = " + std::to_string(n), static_cast<int>(methods_.size()), {}});
    cases.back().exhaustible = n <= exhaustible_up_to_;
  }
  return cases;
}

std::string SequenceCases::actor_name(const Case&, int actor) const { return methods_.at(actor); }

int SequenceCases::size_of(const Case& c) const { return sizes_.at(c.index); }

const Sequence& SequenceCases::sequence(int n) const { return sequences_.at(n); }

}  // namespace cj
