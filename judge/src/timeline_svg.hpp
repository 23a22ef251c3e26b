// The failing schedule as a picture: an SVG drawn from the harness's timeline JSON (see
// harness/src/explore/timeline.cpp). One lane per thread named by its method, steps along the
// time axis, blocked spans shaded by what they wait on, wake-ups as arrows from the thread that
// let a waiter go on to the waiter, callbacks marked, and the end highlighted: the deadlock's
// wait-for cycle, or the property the check found broken.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "escape.hpp"

namespace cj {

/// An inline <svg> element (no XML prolog), self-contained; empty for a timeline it cannot read.
/// Lanes are `<g class="lane" data-thread="ID">`, so a page's tests can count them.
std::string timeline_svg(const nlohmann::json& timeline);

}  // namespace cj
