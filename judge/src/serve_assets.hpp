// The page's styles and script for `cj serve` (kept apart from the routes).
#pragma once

#include <string>

namespace cj {

const std::string& serve_css();
/// The problem page's script; expects a global SLUG.
const std::string& serve_script();

}  // namespace cj
