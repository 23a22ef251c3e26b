#include "catalog.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace cj {

const std::vector<Collection>& collections() {
  static const std::vector<Collection> all = {
      {"leetcode", "LeetCode"},
      {"classics", "Classics (The Little Book of Semaphores)"},
      {"systems", "Systems building blocks"},
      {"message-passing", "Message passing"},
      {"async", "Async and structured concurrency"},
  };
  return all;
}

namespace {

std::size_t collection_rank(const std::string& id) {
  const auto& all = collections();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].id == id) return i;
  return all.size();
}

}  // namespace

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
      p.number = j.value("number", 0);
      p.slug = j.at("slug").get<std::string>();
      p.title = j.at("title").get<std::string>();
      p.difficulty = j.value("difficulty", "");
      p.tags = j.value("tags", std::vector<std::string>{});
      p.collection = j.at("collection").get<std::string>();
      if (collection_rank(p.collection) == collections().size())
        throw std::runtime_error("unknown collection \"" + p.collection + "\"");
      p.class_name = j.value("class", "");
      p.link = j.value("link", std::vector<std::string>{});
      for (const auto& m : j.value("modes", nlohmann::json::array())) {
        std::vector<Mode> skip;
        for (const auto& name : m.at("skip").get<std::vector<std::string>>()) {
          const auto mode = parse_judge_mode(name);
          if (!mode || *mode == Mode::standard)
            throw std::runtime_error("\"skip\" names \"" + name + "\", which is not a judge mode");
          skip.push_back(*mode);
        }
        p.modes.push_back({m.at("uses").get<std::string>(), skip, m.at("why").get<std::string>()});
      }
      p.allows_fork = j.value("fork", false);
      p.budget_s = j.value("budget_s", 2.0);
    } catch (const std::exception& e) {
      throw std::runtime_error(meta.string() + ": " + e.what());
    }
    p.dir = entry.path();
    catalog.problems_.push_back(std::move(p));
  }
  std::sort(catalog.problems_.begin(), catalog.problems_.end(),
            [](const ProblemInfo& a, const ProblemInfo& b) {
              return std::tuple(collection_rank(a.collection), a.number, a.slug) <
                     std::tuple(collection_rank(b.collection), b.number, b.slug);
            });
  return catalog;
}

std::optional<ProblemInfo> Catalog::find(const std::string& key) const {
  for (const auto& p : problems_)
    if (p.slug == key || (p.number && std::to_string(p.number) == key)) return p;
  return std::nullopt;
}

namespace {

/// The word after `tag` when `line` starts with it ("// expect: deadlock" gives "deadlock").
std::string tagged_word(const std::string& line, const std::string& tag) {
  if (line.rfind(tag, 0) != 0) return "";
  const std::string rest = line.substr(tag.size());
  return rest.substr(0, rest.find_first_of(" \t\r"));
}

/// The label of "// expect: A or B ...": the verdict names and the "or"s between them, up to the
/// first word that is neither (the rest of the line may say more).
std::string expect_label(const std::string& line) {
  const std::string tag = "// expect: ";
  if (line.rfind(tag, 0) != 0) return "";
  std::istringstream words(line.substr(tag.size()));
  std::string label, word;
  if (!(words >> label)) return "";
  while (words >> word && word == "or" && words >> word) label += " or " + word;
  return label;
}

}  // namespace

bool ShippedSolution::expects(std::string_view verdict) const {
  std::istringstream words(expect);
  for (std::string word; words >> word;)
    if ((word == verdict && word != "or") ||
        (word == "rejected" && verdict != "accepted" && verdict != "internal_error"))
      return true;
  return false;
}

std::vector<ShippedSolution> shipped_solutions(const ProblemInfo& problem) {
  const std::filesystem::path dir =
      problem.dir.parent_path().parent_path() / "solutions" / problem.slug;
  std::vector<ShippedSolution> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".cpp") continue;
    std::ifstream in(e.path());
    std::string first, second;
    std::getline(in, first);
    std::getline(in, second);
    out.push_back({e.path(), expect_label(first), tagged_word(second, "// judge-mode: ")});
  }
  std::sort(out.begin(), out.end(),
            [](const ShippedSolution& a, const ShippedSolution& b) { return a.file < b.file; });
  return out;
}

}  // namespace cj
