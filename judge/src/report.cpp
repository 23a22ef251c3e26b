#include "report.hpp"

#include <fmt/format.h>

namespace cj {

namespace {

/// Continuation lines of a multi-line value line up under its first line.
std::string indented(const std::string& text, std::size_t column) {
  std::string out;
  for (char ch : text) {
    out += ch;
    if (ch == '\n') out.append(column, ' ');
  }
  return out;
}

}  // namespace

nlohmann::json to_json(const JudgeResult& r) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : r.findings) findings.push_back({{"kind", f.kind}, {"message", f.message}});
  nlohmann::json j = {{"problem", r.problem},
                      {"submission", r.submission},
                      {"verdict", r.verdict.name()},
                      {"reason", r.reason},
                      {"mode", r.mode},
                      {"seed", r.seed ? nlohmann::json(*r.seed) : nlohmann::json(nullptr)},
                      {"replay", r.replay ? nlohmann::json(*r.replay) : nlohmann::json(nullptr)},
                      {"trials", r.trials},
                      {"run_s", r.run_s},
                      {"elapsed_s", r.elapsed_s},
                      {"compile_s", r.compile_s},
                      {"findings", findings}};
  if (r.explored) j["explored"] = *r.explored;
  if (!r.schedule.empty()) j["schedule"] = r.schedule;
  if (!r.input.empty()) j["input"] = r.input;
  if (!r.expected.empty() || !r.got.empty()) {
    j["expected"] = r.expected;
    j["got"] = r.got;
  }
  if (!r.trace.empty()) j["trace"] = r.trace;
  if (r.timeline.is_object()) j["timeline"] = r.timeline;
  if (!r.diagnostics.empty()) j["diagnostics"] = r.diagnostics;
  return j;
}

Verdict verdict_in(const nlohmann::json& result) {
  const auto it = result.find("verdict");
  return Verdict::from_name(it != result.end() && it->is_string() ? it->get<std::string>() : "",
                            "a result of " + result.value("submission", std::string("?")));
}

void print_human(std::ostream& out, const JudgeResult& r, bool color) {
  const bool ok = r.verdict == Verdict::accepted;
  const char* on = !color ? "" : ok ? "\033[1;32m" : "\033[1;31m";
  const char* off = color ? "\033[0m" : "";
  out << fmt::format("{}{}{}  {} ({})\n", on, r.verdict.name(), off, r.submission, r.problem);
  out << "  " << r.reason << "\n";
  if (!r.input.empty()) out << "  input:    " << r.input << "\n";
  if (!r.expected.empty() || !r.got.empty()) {
    out << "  expected: " << indented(r.expected, 12) << "\n";
    out << "  got:      " << indented(r.got, 12) << "\n";
  }
  for (const auto& f : r.findings) out << "  finding (" << f.kind << "): " << f.message << "\n";
  if (!r.trace.empty()) {
    out << "  failing schedule:\n";
    for (const auto& t : r.trace) out << "    " << t << "\n";
  }
  if (!r.diagnostics.empty()) {
    out << "  details:\n";
    std::size_t start = 0;
    while (start < r.diagnostics.size()) {
      auto end = r.diagnostics.find('\n', start);
      if (end == std::string::npos) end = r.diagnostics.size();
      out << "    " << r.diagnostics.substr(start, end - start) << "\n";
      start = end + 1;
    }
  }
  out << fmt::format("  mode {}, {} trials in {:.2f} s, {:.2f} s in all", r.mode, r.trials, r.run_s,
                     r.elapsed_s);
  if (r.seed) out << ", seed " << *r.seed;
  out << "\n";
  if (r.replay) out << "  replay: " << *r.replay << "\n";
}

}  // namespace cj
