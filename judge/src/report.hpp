// How a verdict is shown: one JSON object (the contract in GUIDE.md) or text for a terminal.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "judge.hpp"

namespace cj {

nlohmann::json to_json(const JudgeResult& r);
void print_human(std::ostream& out, const JudgeResult& r, bool color);

/// The verdict of a result object as to_json() wrote it; an unknown name throws
/// std::invalid_argument (a state file or report from another version, or edited by hand).
Verdict verdict_in(const nlohmann::json& result);

}  // namespace cj
