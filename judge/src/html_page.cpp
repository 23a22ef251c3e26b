#include "html_page.hpp"

#include <fmt/format.h>

#include "cj/mode.hpp"
#include "cj/verdict.hpp"
#include "report.hpp"
#include "timeline_svg.hpp"

namespace cj {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

const char* badge_colour(Verdict v) {
  if (v == Verdict::accepted) return "#1a7f37";
  if (v == Verdict::compile_error) return "#6e7781";
  if (v == Verdict::internal_error) return "#9a6700";
  return "#cf222e";
}

}  // namespace

const std::string& result_css() {
  static const std::string css =
      ".result .verdict{display:inline-block;color:#fff;border-radius:1em;padding:.15em .8em;"
      "font-weight:600}\n"
      ".result .reason{font-size:1.05em;margin:.6em 0}\n"
      ".result dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:.6em 0}\n"
      ".result dt{color:#656d76}.result dd{margin:0;font-family:ui-monospace,monospace;"
      "white-space:pre-wrap}\n"
      ".result .timeline{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px;"
      "margin:.8em 0;background:#fff}\n"
      ".result .note{color:#656d76;font-style:italic}\n"
      ".result pre{background:#f6f8fa;padding:.6em;overflow-x:auto;white-space:pre-wrap;"
      "font-size:.85em}\n"
      ".result code{font-family:ui-monospace,monospace;font-size:.9em}\n";
  return css;
}

const std::string& open_at_end_script() {
  // A schedule wider than the page opens at its end, where the failure is drawn.
  static const std::string script =
      "<script>for(const t of document.querySelectorAll('.timeline,.timeline .svg'))"
      "t.scrollLeft=t.scrollWidth;\ndocument.addEventListener('toggle',e=>{for(const t of "
      "e.target.querySelectorAll('.svg'))t.scrollLeft=t.scrollWidth;},true);</script>\n";
  return script;
}

std::string no_timeline_note(const json& r) {
  const Verdict v = verdict_in(r);
  if (v == Verdict::accepted || v == Verdict::compile_error || v == Verdict::internal_error)
    return "";
  if (auto t = r.find("timeline"); t != r.end() && t->is_object()) return "";
  const std::string mode = str(r, "mode");
  const auto m = parse_judge_mode(mode);  // a rejection names the one mode that decided
  if (m == Mode::stress || m == Mode::tsan || m == Mode::noise)
    return fmt::format(
        "No timeline: the {} mode found this failure on real threads, which record no schedule "
        "to draw. Judge it with --mode explore to look for a schedule that can be drawn.",
        mode);
  return "No timeline: this failure did not come from a controlled schedule.";
}

std::string result_html(const json& r) {
  const Verdict v = verdict_in(r);
  std::string h = "<section class=\"result\">\n";
  h += fmt::format(
      "<p><span class=\"verdict\" data-verdict=\"{0}\" style=\"background:{1}\">{0}"
      "</span> <code>{2}</code> ({3})</p>\n",
      html_escape(v.str()), badge_colour(v), html_escape(str(r, "submission")),
      html_escape(str(r, "problem")));
  h += "<p class=\"reason\">" + html_escape(str(r, "reason")) + "</p>\n";
  std::string dl;
  auto row = [&](const char* name, const std::string& value) {
    if (!value.empty()) dl += fmt::format("<dt>{}</dt><dd>{}</dd>\n", name, html_escape(value));
  };
  row("input", str(r, "input"));
  if (r.contains("expected")) {
    row("expected", str(r, "expected"));
    row("got", str(r, "got"));
  }
  if (auto f = r.find("findings"); f != r.end() && f->is_array())
    for (const auto& x : *f) row("finding", str(x, "kind") + ": " + str(x, "message"));
  std::string run = str(r, "mode");
  if (r.contains("trials") && r["trials"].is_number())
    run += fmt::format(", {} trials", r["trials"].get<long long>());
  if (r.contains("seed") && r["seed"].is_number())
    run += fmt::format(", seed {}", r["seed"].get<long long>());
  row("run", run);
  if (!dl.empty()) h += "<dl>\n" + dl + "</dl>\n";
  if (auto t = r.find("timeline"); t != r.end() && t->is_object()) {
    const std::string svg = timeline_svg(*t);
    if (!svg.empty())
      h += "<h3>The failing schedule</h3>\n<div class=\"timeline\">\n" + svg + "</div>\n";
  } else if (const std::string note = no_timeline_note(r); !note.empty()) {
    h += "<p class=\"note no-timeline\">" + html_escape(note) + "</p>\n";
  }
  if (auto tr = r.find("trace"); tr != r.end() && tr->is_array() && !tr->empty()) {
    h += "<details class=\"trace\"><summary>The schedule, step by step</summary><pre>";
    for (const auto& line : *tr)
      h += html_escape(line.is_string() ? line.get<std::string>() : "") + "\n";
    h += "</pre></details>\n";
  }
  if (!str(r, "replay").empty())
    h += "<p>Replay: <code class=\"replay\">" + html_escape(str(r, "replay")) + "</code></p>\n";
  if (!str(r, "diagnostics").empty())
    h += "<details class=\"diagnostics\"" +
         std::string(v == Verdict::compile_error ? " open" : "") +
         "><summary>Details</summary><pre>" + html_escape(str(r, "diagnostics")) +
         "</pre></details>\n";
  h += "</section>\n";
  return h;
}

void write_result_page(std::ostream& out, const json& r) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
      << html_escape(fmt::format("cj: {} on {}", str(r, "verdict"), str(r, "submission")))
      << "</title>\n<style>\nbody{font-family:system-ui,sans-serif;margin:2em;color:#1f2328;"
         "max-width:100%}\nh1{font-size:1.3em}\n"
      << result_css() << "</style></head><body>\n<h1>"
      << html_escape(fmt::format("cj judge {} {}", str(r, "problem"), str(r, "submission")))
      << "</h1>\n"
      << result_html(r) << open_at_end_script() << "</body></html>\n";
}

}  // namespace cj
