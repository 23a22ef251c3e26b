// The modes of the judge and of a judged executable's harness as one type, with their one name
// table. Some modes exist on one side only: `default` and `tsan` are plans of the judge (tsan
// runs the harness's stress mode in the ThreadSanitizer build), `fresh` is the harness's
// baseline for `cj bench` (a thread per actor per trial) and no mode a user can ask the judge for.
#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cj {

enum class Mode : unsigned char { standard, stress, tsan, explore, noise, fresh };

struct ModeName {
  Mode mode;
  std::string_view name;
  bool judge;    // `cj judge --mode NAME` accepts it
  bool harness;  // a judged executable's `--mode NAME` runs it
};

inline constexpr std::array<ModeName, 6> mode_names = {{
    {Mode::standard, "default", true, false},
    {Mode::stress, "stress", true, true},
    {Mode::tsan, "tsan", true, false},
    {Mode::explore, "explore", true, true},
    {Mode::noise, "noise", true, true},
    {Mode::fresh, "fresh", false, true},
}};

constexpr std::string_view mode_name(Mode mode) {
  for (const auto& m : mode_names)
    if (m.mode == mode) return m.name;
  return "?";
}

/// The mode a name stands for on one side of the line; nothing for a name that is not one there.
constexpr std::optional<Mode> parse_judge_mode(std::string_view name) {
  for (const auto& m : mode_names)
    if (m.judge && m.name == name) return m.mode;
  return std::nullopt;
}
constexpr std::optional<Mode> parse_harness_mode(std::string_view name) {
  for (const auto& m : mode_names)
    if (m.harness && m.name == name) return m.mode;
  return std::nullopt;
}

/// The names `cj judge --mode` accepts, in table order (for usage messages and option checks).
inline std::vector<std::string> judge_mode_names() {
  std::vector<std::string> out;
  for (const auto& m : mode_names)
    if (m.judge) out.emplace_back(m.name);
  return out;
}

/// The harness mode that runs a judge mode's trials; nothing for the judge's combined plan.
constexpr std::optional<Mode> harness_mode_of(Mode judge_mode) {
  if (judge_mode == Mode::tsan) return Mode::stress;
  if (judge_mode == Mode::standard) return std::nullopt;
  return judge_mode;
}

/// Explore's strategies, by the names `--strategy` takes (NAME, or NAME@INDEX to start at the
/// schedule INDEX a failure reported). The explore engine maps a name to its strategy.
inline constexpr std::array<std::string_view, 3> strategy_names = {"random", "pct", "dfs"};

/// Empty when `spec` is a strategy as `--strategy` takes it; otherwise why it is not one.
inline std::string strategy_spec_error(std::string_view spec) {
  const auto at = spec.find('@');
  const std::string_view name = spec.substr(0, at);
  bool known = false;
  for (auto n : strategy_names) known |= n == name;
  std::string list;
  for (auto n : strategy_names) list += (list.empty() ? "" : ", ") + std::string(n);
  if (!known) return "unknown strategy \"" + std::string(name) + "\" (known: " + list + ")";
  if (at == std::string_view::npos) return "";
  const std::string_view index = spec.substr(at + 1);
  if (index.empty() || index.size() > 19 || index.find_first_not_of("0123456789") != index.npos)
    return "strategy \"" + std::string(spec) + "\": after @ comes a schedule number";
  return "";
}

}  // namespace cj
