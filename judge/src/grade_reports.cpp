#include "grade_reports.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <map>

#include "cj/verdict.hpp"
#include "escape.hpp"
#include "html_page.hpp"
#include "report.hpp"
#include "timeline_svg.hpp"

namespace cj {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

double num(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

/// What a reader needs to see why a file failed: the case, expected and got, the failing
/// schedule, findings and the compiler's or program's output, as plain text.
std::string details_text(const json& r) {
  std::string d;
  if (!str(r, "input").empty()) d += "input:    " + str(r, "input") + "\n";
  if (r.contains("expected")) {
    d += "expected: " + str(r, "expected") + "\n";
    d += "got:      " + str(r, "got") + "\n";
  }
  if (r.contains("findings"))
    for (const auto& f : r["findings"])
      d += "finding (" + str(f, "kind") + "): " + str(f, "message") + "\n";
  if (r.contains("trace") && !r["trace"].empty()) {
    d += "failing schedule:\n";
    for (const auto& t : r["trace"])
      d += "  " + (t.is_string() ? t.get<std::string>() : t.dump()) + "\n";
  }
  if (!str(r, "diagnostics").empty()) d += "details:\n" + str(r, "diagnostics") + "\n";
  return d;
}

bool accepted(const json& r) { return verdict_in(r) == Verdict::accepted; }

/// Verdicts that are the judge's fault rather than the submission's.
bool is_error(const json& r) { return verdict_in(r) == Verdict::internal_error; }

const char* verdict_colour(const std::string& name) {
  const Verdict v = Verdict::from_name(name, "a grade report");
  if (v == Verdict::accepted) return "#1a7f37";
  if (v == Verdict::compile_error) return "#6e7781";
  if (v == Verdict::internal_error) return "#8250df";
  if (v == Verdict::time_limit || v == Verdict::memory_limit || v == Verdict::output_limit ||
      v == Verdict::resource_limit)
    return "#bc4c00";
  return "#cf222e";
}

std::map<std::string, int> verdict_counts(const GradeBatch& batch) {
  std::map<std::string, int> counts;
  for (const auto& r : batch.results) ++counts[str(r, "verdict")];
  return counts;
}

}  // namespace

json grade_summary(const GradeBatch& batch) {
  json s = json::object();
  for (const auto& [v, n] : verdict_counts(batch)) s[v] = n;
  return s;
}

json grade_json(const GradeBatch& batch) {
  json j = json::object();
  j["problem"] = batch.problem;
  j["mode"] = batch.mode;
  j["total"] = batch.results.size();
  j["elapsed_s"] = batch.elapsed_s;
  j["recorded_earlier"] = batch.recorded_earlier;
  j["sandbox"] = batch.sandbox;
  if (!batch.shard.empty()) j["shard"] = batch.shard;
  j["results"] = batch.results;
  j["summary"] = grade_summary(batch);
  return j;
}

void write_junit(std::ostream& out, const GradeBatch& batch) {
  int failures = 0, errors = 0;
  for (const auto& r : batch.results) {
    if (is_error(r))
      ++errors;
    else if (!accepted(r))
      ++failures;
  }
  const std::string name = html_escape("cj grade " + batch.problem);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n", name,
      batch.results.size(), failures, errors, batch.elapsed_s);
  out << fmt::format(
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n",
      html_escape(batch.problem), batch.results.size(), failures, errors, batch.elapsed_s);
  for (const auto& r : batch.results) {
    out << fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"{:.3f}\"",
                       html_escape(str(r, "submission")), html_escape("cj." + batch.problem),
                       num(r, "elapsed_s"));
    if (accepted(r)) {
      out << "/>\n";
      continue;
    }
    const char* tag = is_error(r) ? "error" : "failure";
    std::string body = details_text(r);
    if (!str(r, "replay").empty()) body += "replay: " + str(r, "replay") + "\n";
    out << fmt::format(">\n      <{} message=\"{}\" type=\"{}\">{}</{}>\n    </testcase>\n", tag,
                       html_escape(str(r, "verdict") + ": " + str(r, "reason")),
                       html_escape(str(r, "verdict")), html_escape(body), tag);
  }
  out << "  </testsuite>\n</testsuites>\n";
}

void write_gradescope(std::ostream& out, const GradeBatch& batch) {
  json tests = json::array();
  int passed = 0;
  for (const auto& r : batch.results) {
    const bool ok = accepted(r);
    passed += ok;
    std::string output = str(r, "verdict") + ": " + str(r, "reason") + "\n" + details_text(r);
    if (!str(r, "replay").empty()) output += "replay: " + str(r, "replay") + "\n";
    tests.push_back({{"name", str(r, "submission")},
                     {"score", ok ? 1 : 0},
                     {"max_score", 1},
                     {"status", ok ? "passed" : "failed"},
                     {"output", output},
                     {"visibility", "visible"}});
  }
  std::string summary = fmt::format("{} of {} submissions accepted for {}.", passed,
                                    batch.results.size(), batch.problem);
  for (const auto& [v, n] : verdict_counts(batch)) summary += fmt::format(" {}: {}.", v, n);
  json j = {{"score", passed},
            {"execution_time", static_cast<int>(batch.elapsed_s + 0.5)},
            {"output", summary},
            {"visibility", "visible"},
            {"tests", tests}};
  out << j.dump(2) << "\n";
}

void write_html(std::ostream& out, const GradeBatch& batch) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
      << html_escape("cj grade: " + batch.problem) << "</title>\n<style>\n"
      << "body{font-family:system-ui,sans-serif;margin:2em;color:#1f2328}\n"
         "h1{font-size:1.4em}table{border-collapse:collapse;width:100%}\n"
         "th,td{border-bottom:1px solid #d0d7de;padding:.4em "
         ".6em;text-align:left;vertical-align:top}\n"
         "th{background:#f6f8fa}.v{color:#fff;border-radius:1em;padding:.1em .7em;"
         "font-size:.85em;white-space:nowrap;font-weight:600}\n"
         ".counts "
         "span{margin-right:.6em}code,pre{font-family:ui-monospace,monospace;font-size:.85em}\n"
         "pre{background:#f6f8fa;padding:.6em;overflow-x:auto;white-space:pre-wrap}\n"
         "details summary{cursor:pointer;color:#0969da}td:last-child{white-space:nowrap}\n"
         ".timeline .svg{overflow-x:auto;max-width:75vw;border:1px solid #d0d7de}\n"
         ".note{color:#656d76;font-style:italic;font-size:.9em}\n"
      << "</style></head><body>\n";
  out << "<h1>"
      << html_escape(fmt::format("cj grade: {} ({} files, mode {})", batch.problem,
                                 batch.results.size(), batch.mode))
      << "</h1>\n<p class=\"counts\">";
  for (const auto& [v, n] : verdict_counts(batch))
    out << fmt::format("<span class=\"v\" style=\"background:{}\">{} {}</span>", verdict_colour(v),
                       html_escape(v), n);
  out << fmt::format("</p>\n<p>Graded in {:.1f} s", batch.elapsed_s);
  if (batch.recorded_earlier)
    out << fmt::format("; {} verdicts were recorded by an earlier run", batch.recorded_earlier);
  out << ".";
  if (!batch.sandbox.empty())
    out << " Each compile and run was confined by: " << html_escape(batch.sandbox) << ".";
  out << "</p>\n";
  out << "<table>\n<tr><th>File</th><th>Verdict</th><th>Why</th><th>Time</th></tr>\n";
  for (const auto& r : batch.results) {
    const std::string v = str(r, "verdict");
    out << "<tr><td><code>" << html_escape(str(r, "submission")) << "</code></td>"
        << fmt::format("<td><span class=\"v\" style=\"background:{}\">{}</span></td>",
                       verdict_colour(v), html_escape(v))
        << "<td>" << html_escape(str(r, "reason"));
    if (!str(r, "replay").empty())
      out << "<br>replay: <code>" << html_escape(str(r, "replay")) << "</code>";
    const std::string d = details_text(r);
    if (!d.empty())
      out << "<details><summary>details</summary><pre>" << html_escape(d) << "</pre></details>";
    if (auto t = r.find("timeline"); t != r.end() && t->is_object()) {
      if (const std::string svg = timeline_svg(*t); !svg.empty())
        out << "<details class=\"timeline\"><summary>timeline of the failing schedule</summary>"
               "<div class=\"svg\">"
            << svg << "</div></details>";
    } else if (const std::string note = no_timeline_note(r); !note.empty()) {
      out << "<p class=\"note\">" << html_escape(note) << "</p>";
    }
    out << fmt::format("</td><td>{:.1f} s</td></tr>\n", num(r, "elapsed_s"));
  }
  out << "</table>\n" << open_at_end_script() << "</body></html>\n";
}

void print_grade_table(std::ostream& out, const GradeBatch& batch, bool color) {
  std::size_t width = 4;
  for (const auto& r : batch.results) width = std::max(width, str(r, "submission").size());
  width = std::min<std::size_t>(width, 48);
  out << fmt::format("\n{:<16} {:>7}  {:<{}}  {}\n", "verdict", "time", "file", width, "why");
  for (const auto& r : batch.results) {
    const std::string v = str(r, "verdict");
    std::string reason = str(r, "reason");
    if (reason.size() > 100) reason = reason.substr(0, 97) + "...";
    const char* on = !color ? "" : accepted(r) ? "\033[32m" : "\033[31m";
    out << fmt::format("{}{:<16}{} {:>6.1f}s  {:<{}}  {}\n", on, v, color ? "\033[0m" : "",
                       num(r, "elapsed_s"), str(r, "submission"), width, reason);
  }
  std::string counts;
  for (const auto& [v, n] : verdict_counts(batch))
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", v, n);
  out << fmt::format("\n{} files: {} ({:.1f} s)\n", batch.results.size(), counts, batch.elapsed_s);
}

int finish_batch(const GradeBatch& batch, const ReportOptions& reports, std::ostream& out) {
  auto write_report = [&](const std::string& path,
                          void (*writer)(std::ostream&, const GradeBatch&)) {
    if (path.empty()) return true;
    std::ofstream f(path);
    writer(f, batch);
    f.close();
    if (!f) std::cerr << "cj: could not write " << path << "\n";
    return static_cast<bool>(f);
  };
  bool written = write_report(reports.junit, write_junit);
  written &= write_report(reports.gradescope, write_gradescope);
  written &= write_report(reports.html, write_html);
  if (reports.json)
    out << grade_json(batch).dump(2) << "\n";
  else
    print_grade_table(out, batch, isatty(1));
  bool all_accepted = true;
  for (const auto& r : batch.results) all_accepted &= accepted(r);
  if (!written) return 3;
  return all_accepted ? 0 : 1;
}

}  // namespace cj
