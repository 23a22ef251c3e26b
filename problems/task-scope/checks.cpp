// The compiled-once part of the task-scope driver (checks.hpp).
#include "checks.hpp"

namespace cj::task_scope {

int Scenario::total() const { return static_cast<int>(roles.size() + inner.size()); }

const std::vector<Scenario>& scenarios() {
  using R = Role;
  static const std::vector<Scenario> all = {
      {"all tasks succeed",
       {R::quick, R::quick, R::quick, R::quick, R::quick},
       {},
       -1,
       "",
       true,
       true},
      {"task 0 fails; its siblings wait for a stop request",
       {R::fail, R::wait, R::wait, R::wait},
       {},
       -1,
       "task 0 failed",
       true,
       false},
      {"task 0 fails; its siblings throw when they are cancelled",
       {R::fail, R::wait_then_throw, R::wait_then_throw, R::wait},
       {},
       -1,
       "task 0 failed",
       true,
       false},
      {"join_for(20ms) on tasks that run until cancelled",
       {R::wait, R::wait, R::wait},
       {},
       20,
       "",
       false,
       false},
      {"join_for(10s) on quick tasks", {R::quick, R::quick, R::quick}, {}, 10000, "", true, true},
      {"nested: task 0 opens a scope whose task 2 fails; the others wait for a stop request",
       {R::nested, R::wait},
       {R::fail, R::wait, R::wait_then_throw},
       -1,
       "task 2 failed",
       true,
       false},
  };
  return all;
}

Check check_join(const Scenario& s, const ScopeLog& log, const Joined& joined) {
  const std::string how = s.join_for_ms < 0 ? "join()" : "join_for()";
  for (std::size_t i = 0; i < joined.still_running.size(); ++i)
    if (joined.still_running[i])
      return Failure{"leaked_thread",
                     label(static_cast<int>(i)) + " was still running when " + how +
                         " returned: a scope must wait for every task it started, also after "
                         "an exception or a timeout",
                     "", "", ""};
  const int n = s.total();
  for (int i = 0; i < n; ++i) {
    const TaskLog& t = log.task[static_cast<std::size_t>(i)];
    if (s.all_must_run && !t.finished)
      return Failure{"wrong_answer", label(i) + " never ran, though nothing failed", "", "", ""};
  }
  if (s.expect_error.empty() && joined.threw_anything)
    return Failure{"wrong_answer", how + " threw \"" + joined.threw + "\", but no task failed",
                   "returns normally", "threw \"" + joined.threw + "\"", ""};
  if (!s.expect_error.empty() && joined.threw != s.expect_error)
    return Failure{"wrong_answer",
                   joined.threw_anything
                       ? how + " rethrew \"" + joined.threw + "\", not the first exception (\"" +
                             s.expect_error +
                             "\"): keep the first one a task threw, not one thrown later by a "
                             "sibling reacting to the cancellation"
                       : how + " returned normally, but " + s.expect_error.substr(0, 6) +
                             " threw: join must rethrow the first exception",
                   "throws \"" + s.expect_error + "\"",
                   joined.threw_anything ? "threw \"" + joined.threw + "\"" : "returned normally",
                   ""};
  // Quick tasks may still legitimately miss a timeout (a loaded machine, or explore's virtual
  // time letting the timeout fire first): false is wrong only when it came before the timeout.
  const bool early = joined.waited < std::chrono::milliseconds(s.join_for_ms);
  if (s.join_for_ms >= 0 && !joined.threw_anything && joined.returned != (s.expect_true ? 1 : 0) &&
      (!s.expect_true || early))
    return Failure{"wrong_answer",
                   s.expect_true ? "join_for returned false before its timeout expired"
                                 : "join_for returned true, but the tasks were still running "
                                   "when the timeout expired",
                   s.expect_true ? "true" : "false", s.expect_true ? "false" : "true", ""};
  return std::nullopt;
}

std::string stuck_waiters(const Scenario& s, const ScopeLog& log) {
  std::string who;
  for (std::size_t i = 0; i < log.task.size(); ++i)
    if (log.task[i].waiting) who += (who.empty() ? "" : ", ") + label(static_cast<int>(i));
  if (who.empty()) return {};
  return who + " still wait" + (who.find(',') == std::string::npos ? "s" : "") +
         " for a stop request: " +
         (s.join_for_ms >= 0 ? "when the timeout expires, join_for must request stop on every "
                               "task still running"
                             : "the first exception must request stop on every sibling");
}

}  // namespace cj::task_scope
