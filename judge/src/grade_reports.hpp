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
  std::size_t recorded_earlier = 0;  // verdicts taken from the state file, not judged again
  std::string sandbox;  // what confined each run, e.g. "pid+net+mount namespaces, uid 65534, ..."
  std::string shard;    // "I/N" when the batch is one slice of a larger one; empty otherwise
};

/// {verdict: count} over the batch.
nlohmann::json grade_summary(const GradeBatch& batch);
nlohmann::json grade_json(const GradeBatch& batch);
void write_junit(std::ostream& out, const GradeBatch& batch);
void write_gradescope(std::ostream& out, const GradeBatch& batch);
void write_html(std::ostream& out, const GradeBatch& batch);

/// What a finished batch is turned into: JSON on stdout (else the table) and report files.
struct ReportOptions {
  bool json = false;
  std::string junit, gradescope, html;  // report files to write; empty: none
};

/// Writes the report files, then the JSON object or the table on `out`. Returns the grader's exit
/// status: 0 all accepted, 1 some rejected, 3 a report could not be written.
int finish_batch(const GradeBatch& batch, const ReportOptions& reports, std::ostream& out);

/// The terminal's summary: a table of files and verdicts, then the counts.
void print_grade_table(std::ostream& out, const GradeBatch& batch, bool color);

}  // namespace cj
