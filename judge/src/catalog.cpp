#include "catalog.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace cj {

Catalog Catalog::load(const std::filesystem::path& problems_dir) {
  Catalog catalog;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(problems_dir, ec)) {
    const auto meta = entry.path() / "problem.json";
    if (!std::filesystem::exists(meta)) continue;
    std::ifstream in(meta);
    ProblemInfo p;
    try {
      const auto j = nlohmann::json::parse(in);
      p.number = j.at("number").get<int>();
      p.slug = j.at("slug").get<std::string>();
      p.title = j.at("title").get<std::string>();
      p.difficulty = j.value("difficulty", "");
      p.tags = j.value("tags", std::vector<std::string>{});
      p.class_name = j.value("class", "");
      p.budget_s = j.value("budget_s", 2.0);
    } catch (const std::exception& e) {
      throw std::runtime_error(meta.string() + ": " + e.what());
    }
    p.dir = entry.path();
    catalog.problems_.push_back(std::move(p));
  }
  std::sort(catalog.problems_.begin(), catalog.problems_.end(),
            [](const ProblemInfo& a, const ProblemInfo& b) { return a.number < b.number; });
  return catalog;
}

std::optional<ProblemInfo> Catalog::find(const std::string& key) const {
  for (const auto& p : problems_)
    if (p.slug == key || std::to_string(p.number) == key) return p;
  return std::nullopt;
}

}  // namespace cj
