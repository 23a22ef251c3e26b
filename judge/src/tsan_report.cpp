#include "tsan_report.hpp"

#include <regex>
#include <sstream>

namespace cj {
namespace {

/// "    #0 Foo::first(std::function<void ()>) /abs/x.cpp:12 (submission+0x1234)"
struct Frame {
  std::string function;
  std::string location;  // "x.cpp:12"
};

bool parse_frame(const std::string& line, const std::string& file, const std::string& shown,
                 Frame& f) {
  static const std::regex frame(R"(^\s*#\d+\s+(.*)\s+(\S+):(\d+)(:\d+)?\s+\(.*\)\s*$)");
  std::smatch m;
  if (!std::regex_match(line, m, frame)) return false;
  if (m[2].str() != file) return false;
  std::string fn = m[1].str();
  if (auto paren = fn.find('('); paren != std::string::npos) fn = fn.substr(0, paren) + "()";
  f.function = fn;
  f.location = shown + ":" + m[3].str();
  return true;
}

}  // namespace

std::vector<TsanReport> parse_tsan_reports(const std::string& output,
                                           const std::string& submission_abs,
                                           const std::string& shown_as) {
  std::vector<TsanReport> reports;
  std::istringstream in(output);
  std::string line;
  TsanReport* current = nullptr;
  std::vector<std::string> accesses;  // "writes in Foo::first() at x.cpp:12"
  bool want_frame = false;
  std::string access_verb;
  auto finish = [&] {
    if (!current) return;
    current->in_submission = !accesses.empty();
    if (current->kind == "data race" && accesses.size() >= 2) {
      current->summary = "two threads access the same memory without synchronisation: one " +
                         accesses[0] + ", the other " + accesses[1];
    } else if (!accesses.empty()) {
      current->summary = current->kind + ": " + accesses[0];
    } else {
      current->summary = current->kind + " (outside your file)";
    }
    accesses.clear();
    current = nullptr;
  };
  while (std::getline(in, line)) {
    if (line.find("WARNING: ThreadSanitizer: ") != std::string::npos) {
      finish();
      std::string kind = line.substr(line.find("ThreadSanitizer: ") + 17);
      if (auto p = kind.find(" (pid="); p != std::string::npos) kind = kind.substr(0, p);
      reports.push_back({kind, "", ""});
      current = &reports.back();
      continue;
    }
    if (!current) continue;
    if (line.rfind("SUMMARY: ThreadSanitizer", 0) == 0) {
      finish();
      continue;
    }
    // "  Read of size 8 at 0x... by thread T2 (mutexes: write M49):" and the like.
    const bool heading =
        line.size() > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ' && line.back() == ':';
    if (heading) {
      // "  Write of size 1 at 0x... by thread T2:" / "  Previous read of size 1 ..."
      std::string h = line.substr(2);
      // Only the words before " of size" / " at " say what the access was: a list of held
      // mutexes may follow ("(mutexes: write M49)").
      const std::string what = h.substr(0, std::min(h.find(" of size"), h.find(" at ")));
      std::string verb = what.find("rite") != std::string::npos ? "writes" : "reads";
      if (what.find("Mutex") != std::string::npos || what.find("mutex") != std::string::npos)
        verb = "locks";
      access_verb = verb;
      want_frame = what.find("rite") != std::string::npos ||
                   what.find("ead") != std::string::npos || h.find("acquired") != std::string::npos;
      current->stacks += h + "\n";
      continue;
    }
    Frame f;
    if (parse_frame(line, submission_abs, shown_as, f)) {
      current->stacks += "    " + f.function + " at " + f.location + "\n";
      if (want_frame) {
        accesses.push_back(access_verb + " in " + f.function + " at " + f.location);
        want_frame = false;
      }
    }
  }
  finish();
  return reports;
}

}  // namespace cj
