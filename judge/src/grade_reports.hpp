// The grader's reports, all built from the same list of `judge --json` objects: the JSON object
// of `cj grade --json`, JUnit XML, Gradescope's results.json, and a self-contained HTML page.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace cj {

struct GradeBatch {
  std::string problem;  // slug
  std::string mode;
  nlohmann::json results = nlohmann::json::array();  // one `judge --json` object per file
  double elapsed_s = 0;
  std::size_t recorded_earlier = 0;
  std::string sandbox;  // what confined each run, e.g. "pid+net+mount namespaces, uid 65534, ..."
                        // // verdicts taken from the state file, not judged again
};

/// {verdict: count} over the batch.
nlohmann::json grade_summary(const GradeBatch& batch);
nlohmann::json grade_json(const GradeBatch& batch);
void write_junit(std::ostream& out, const GradeBatch& batch);
void write_gradescope(std::ostream& out, const GradeBatch& batch);
void write_html(std::ostream& out, const GradeBatch& batch);

/// The terminal's summary: a table of files and verdicts, then the counts.
void print_grade_table(std::ostream& out, const GradeBatch& batch, bool color);

}  // namespace cj
