// One judged submission as HTML: verdict, reason, the case, the timeline of the failing schedule
// (or why there is none), the trace and the replay command. Shared by `cj judge --html`, the
// grader's report and `cj serve`.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace cj {

/// The styles the fragments below use (one <style> element's content).
const std::string& result_css();
/// A script that opens every timeline wider than the page at its end, where the failure is.
const std::string& open_at_end_script();

/// A <section class="result"> for one `judge --json` object.
std::string result_html(const nlohmann::json& result);

/// Why a rejection has no picture ("found by stress, which records no schedule..."), or empty
/// when it has one or needs none.
std::string no_timeline_note(const nlohmann::json& result);

/// A self-contained page around result_html().
void write_result_page(std::ostream& out, const nlohmann::json& result);

}  // namespace cj
