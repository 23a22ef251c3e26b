// Readers and Writers, the part of the driver that does not need the learner's class: the actors'
// names, the cases and the stall text. Compiled once (checks.cpp).
#pragma once

#include <string>
#include <vector>

#include "cj/case_params.hpp"

namespace cj::readers_writers {

inline std::string reader_name(int r) { return "reader " + std::to_string(r + 1); }
inline std::string writer_name(int w) { return "writer " + std::to_string(w + 1); }

/// The cases: "readers", "writers" and "calls" each makes; actors 0.. are the readers.
const NamedCases& library_cases();

/// For a stall: who was inside, and per actor (readers first) the calls done of `calls`.
std::string stuck_text(int reading, int writing, int readers, int calls,
                       const std::vector<int>& done);

}  // namespace cj::readers_writers
