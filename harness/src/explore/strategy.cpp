#include "explore/strategy.hpp"

#include "explore/dfs_strategy.hpp"
#include "explore/pct_strategy.hpp"
#include "explore/random_strategy.hpp"

namespace cj::explore {

bool parse_strategy(const std::string& name, StrategyKind* kind) {
  for (std::size_t i = 0; i < std::size(kStrategyNames); ++i)
    if (name == kStrategyNames[i]) {
      *kind = static_cast<StrategyKind>(i);
      return true;
    }
  return false;
}

std::unique_ptr<Strategy> make_strategy(StrategyKind kind) {
  switch (kind) {
    case StrategyKind::random:
      return std::make_unique<RandomStrategy>();
    case StrategyKind::pct:
      return std::make_unique<PctStrategy>();
    case StrategyKind::dfs:
      return std::make_unique<DfsStrategy>(2);
  }
  return nullptr;
}

}  // namespace cj::explore
