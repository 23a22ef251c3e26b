#include "explore/strategy.hpp"

#include "explore/dfs_strategy.hpp"
#include "explore/pct_strategy.hpp"
#include "explore/random_strategy.hpp"

namespace cj::explore {

std::unique_ptr<Strategy> make_strategy(const std::string& name) {
  if (name == "random") return std::make_unique<RandomStrategy>();
  if (name == "pct") return std::make_unique<PctStrategy>();
  if (name == "dfs") return std::make_unique<DfsStrategy>(2);
  return nullptr;
}

}  // namespace cj::explore
