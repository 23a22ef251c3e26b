// `cj serve`: practise in a browser, on 127.0.0.1 only. The problems grouped by collection with
// the learner's progress; a problem's page with its statement, an editor that saves to the
// learner's file (and follows it when it is edited elsewhere), Judge (the same sandboxed
// judge_submission the command line uses) with verdict, reason and timeline, hints one at a time,
// an interview timer, and once accepted the reference solutions with their "why it is correct"
// headers.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "catalog.hpp"

namespace cj {

struct ServeOptions {
  int port = 8080;                  // 0: any free port (printed)
  std::filesystem::path dir = ".";  // the learner's files: DIR/<slug>.cpp
  std::optional<double> budget_s;   // per judgement; the problem's own budget by default
  Mode mode = Mode::standard;
};

/// Serves until killed; 2 when the port cannot be bound.
int cmd_serve(const Catalog& catalog, const ServeOptions& options, std::ostream& out);

/// The statement's Markdown as HTML (cmark; raw HTML in the Markdown is not passed through).
std::string markdown_to_html(const std::string& markdown);

}  // namespace cj
