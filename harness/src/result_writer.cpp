#include "result_writer.hpp"

#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>

namespace cj {
namespace {
int result_fd = 1;
std::atomic<bool> written{false};
// The judged process itself: a child a solution forked (parallel-map) shares the result
// descriptor, but its outcome is not the run's, whatever path out of the solution it takes.
const pid_t judged_process = ::getpid();
}  // namespace

void set_result_fd(int fd) { result_fd = fd; }

bool write_outcome(const Outcome& o, const RunOptions& options, double run_s) {
  if (::getpid() != judged_process || written.exchange(true)) return false;
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : o.findings) findings.push_back({{"kind", f.kind}, {"message", f.message}});
  nlohmann::json j = {{"verdict", o.verdict.name()},
                      {"reason", o.reason},
                      {"trials", o.trials},
                      {"run_s", run_s},
                      {"mode", mode_name(options.mode)},
                      {"seed", options.seed},
                      {"input", o.input},
                      {"expected", o.expected},
                      {"got", o.got},
                      {"findings", findings},
                      {"trace", o.trace},
                      {"strategy", o.strategy}};
  if (!o.schedule.empty()) j["schedule"] = o.schedule;
  if (!o.timeline.empty()) j["timeline"] = nlohmann::json::parse(o.timeline, nullptr, false);
  if (o.explored) j["explored"] = *o.explored;
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  const char* p = line.data();
  std::size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(result_fd, p, left);
    if (n <= 0) break;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace cj
