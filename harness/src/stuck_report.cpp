#include "stuck_report.hpp"

#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include "thread_probe.hpp"

namespace cj {

Outcome describe_stuck(const Problem& problem, const Case& c, std::vector<StuckActor> stuck,
                       double stall_s, const std::string& trial_state) {
  Outcome out;
  out.input = c.input;
  std::vector<pid_t> tids;
  for (const auto& s : stuck) tids.push_back(s.tid);
  std::vector<bool> spinning = spinning_threads(tids, 200);
  bool any_spinning = false;
  std::ostringstream threads;
  std::set<int> stuck_actors;
  for (std::size_t i = 0; i < stuck.size(); ++i) {
    stuck[i].spinning = spinning[i];
    any_spinning |= spinning[i];
    stuck_actors.insert(stuck[i].actor);
    const std::string name = problem.actor_name(c, stuck[i].actor);
    std::string state = spinning[i] ? "running on the CPU" : "blocked";
    threads << (i ? ", " : "") << "thread " << stuck[i].actor + 1 << " " << state << " in " << name;
    out.findings.push_back({spinning[i] ? "busy_wait" : "blocked",
                            "thread " + std::to_string(stuck[i].actor + 1) + " is " + state +
                                " inside " + name + " (trial " +
                                std::to_string(stuck[i].trial + 1) + " of its batch)"});
  }
  std::ostringstream returned;
  int n_returned = 0;
  for (int a = 0; a < c.actors; ++a) {
    if (stuck_actors.count(a)) continue;
    returned << (n_returned++ ? ", " : "") << problem.actor_name(c, a);
  }
  std::ostringstream reason;
  std::ostringstream window;
  window << stall_s;
  if (stuck.empty()) {
    out.verdict = "time_limit";
    reason << "nothing happened for " << window.str()
           << " s although every thread had returned from the solution's methods";
  } else if (any_spinning) {
    out.verdict = "time_limit";
    reason << "no progress for " << window.str() << " s: " << threads.str()
           << "; a thread that keeps running without progress busy-waits for something that "
              "never happens";
  } else {
    out.verdict = "deadlock";
    reason << "no thread can make progress: " << threads.str()
           << ", and nothing is left to wake " << (stuck.size() == 1 ? "it" : "them");
  }
  if (n_returned)
    reason << " (" << returned.str() << (n_returned == 1 ? " has" : " have") << " returned)";
  if (!trial_state.empty()) reason << ": " << trial_state;
  out.reason = reason.str();
  return out;
}

Outcome check_leaked_threads(int baseline_threads) {
  Outcome out;
  int extra = 0;
  // A joined or finishing thread can linger in /proc for a moment: allow a short grace period.
  for (int i = 0; i < 20; ++i) {
    extra = thread_count() - baseline_threads;
    if (extra <= 0) return out;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  out.verdict = "leaked_thread";
  out.reason = std::to_string(extra) + " thread" + (extra == 1 ? " was" : "s were") +
               " still running after the method returned: join every thread you start before "
               "returning";
  return out;
}

}  // namespace cj
