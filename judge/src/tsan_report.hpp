// Reading ThreadSanitizer's reports from a submission's output.
#pragma once

#include <string>
#include <vector>

namespace cj {

struct TsanReport {
  std::string kind;            // "data race", "lock-order-inversion (potential deadlock)", ...
  std::string summary;         // one sentence naming the accesses in the learner's file
  std::string stacks;          // the report with frames trimmed to the learner's file
  bool in_submission = false;  // at least one access was located in the learner's file
};

/// Every report in the output; frames outside `submission_abs` are dropped, and that path is
/// shown as `shown_as`.
std::vector<TsanReport> parse_tsan_reports(const std::string& output,
                                           const std::string& submission_abs,
                                           const std::string& shown_as);

}  // namespace cj
