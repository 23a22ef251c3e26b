// The verdicts of the cj contract (GUIDE.md §2) as a type, with their one name table. The
// harness writes a verdict's name on its result line and the judge reads it back with
// Verdict::parse(); both sides compare Verdict values, never strings.
#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cj {

class Verdict {
 public:
  enum Kind : unsigned char {
    accepted,
    wrong_answer,
    deadlock,
    livelock,
    time_limit,
    data_race,
    runtime_error,
    compile_error,
    memory_limit,
    output_limit,
    not_concurrent,
    leaked_thread,
    resource_limit,
    internal_error,
    /// Not a verdict a learner sees: the harness's answer when its mode cannot judge the
    /// problem (explore on a problem that needs real parallelism); the judge's default plan
    /// goes on without that mode.
    not_applicable,
  };

  /// The one name table: a Kind's name is names()[kind].
  static constexpr std::array<std::string_view, not_applicable + 1> names() {
    return {"accepted",       "wrong_answer",   "deadlock",       "livelock",
            "time_limit",     "data_race",      "runtime_error",  "compile_error",
            "memory_limit",   "output_limit",   "not_concurrent", "leaked_thread",
            "resource_limit", "internal_error", "not_applicable"};
  }

  constexpr Verdict(Kind kind) : kind_(kind) {}  // NOLINT: a Kind is a Verdict
  /// From a name written in code (`Failure{"wrong_answer", ...}`): checked when compiling, so a
  /// misspelt name is a compile error, never a verdict nobody expects.
  consteval Verdict(const char* name) : kind_(checked(name)) {}  // NOLINT

  /// The verdict a name stands for, or nothing for a name that is not one.
  static constexpr std::optional<Verdict> parse(std::string_view name) {
    const auto table = names();
    for (std::size_t k = 0; k < table.size(); ++k)
      if (table[k] == name) return Verdict(static_cast<Kind>(k));
    return std::nullopt;
  }
  /// Like parse(), for names that must be verdicts (a result line, a label): an unknown name
  /// throws std::invalid_argument saying which name and where it came from.
  static Verdict from_name(std::string_view name, std::string_view where) {
    if (auto v = parse(name)) return *v;
    throw std::invalid_argument("unknown verdict \"" + std::string(name) + "\" in " +
                                std::string(where));
  }

  constexpr Kind kind() const { return kind_; }
  constexpr std::string_view name() const { return names()[kind_]; }
  std::string str() const { return std::string(name()); }
  friend constexpr bool operator==(Verdict, Verdict) = default;

  /// Verdicts about what the program used, which win over what they caused (a stall after the
  /// memory ran out is a memory_limit).
  constexpr bool is_resource() const {
    return kind_ == memory_limit || kind_ == resource_limit || kind_ == output_limit ||
           kind_ == leaked_thread;
  }

 private:
  static consteval Kind checked(const char* name) {
    if (auto v = parse(name)) return v->kind_;
    throw "not a verdict name (see cj/verdict.hpp)";  // in a constant expression: a compile error
  }

  Kind kind_;
};

}  // namespace cj
