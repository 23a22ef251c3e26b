// The compiled-once part of the Request Coalescing driver (checks.hpp).
#include "checks.hpp"

#include <map>

namespace cj::request_coalescing {

namespace {

std::string describe(const Operation& op, const std::vector<std::string>& unknown) {
  const std::string span = " [" + std::to_string(op.call) + ", " + std::to_string(op.ret) + "]";
  if (op.method == kLoad) {
    const long long v = op.result < 0 ? -op.result : op.result;
    return "load " + std::to_string(v % kPerKey) + " of key " + std::to_string(op.arg) + span +
           (op.result < 0 ? " threw" : " returned " + std::to_string(op.result));
  }
  std::string out = "get(" + std::to_string(op.arg) + ")" + span;
  if (op.pending()) return out + " never returned";
  if (op.result == -kNotStdException) return out + " threw something that is not a std::exception";
  if (op.result < 0) {
    if (-op.result == kUnknownError)
      return out + " threw \"" + unknown[op.thread] + "\", which no load threw";
    return out + " threw \"" +
           failure_message(static_cast<int>(-op.result / kPerKey),
                           static_cast<int>(-op.result % kPerKey)) +
           "\"";
  }
  return out + " returned " + std::to_string(op.result);
}

/// Two loads of one key running at the same time: the second caller should have waited.
Check check_overlap(const std::vector<Operation>& ops, const std::vector<std::string>& unknown) {
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].method != kLoad) continue;
    for (std::size_t j = i + 1; j < ops.size(); ++j) {
      const Operation& a = ops[i];
      const Operation& b = ops[j];  // b.call > a.call
      if (b.method != kLoad || b.arg != a.arg || b.call > a.ret) continue;
      return Failure{"wrong_answer",
                     "the loader for key " + std::to_string(a.arg) +
                         " ran twice at the same time: a caller started its own load while "
                         "another load of that key was still in flight, instead of waiting "
                         "for it (events are [call, return] positions in one order)",
                     "one load of a key at a time; callers that arrive meanwhile share it",
                     describe(a, unknown) + "; " + describe(b, unknown), ""};
    }
  }
  return std::nullopt;
}

/// Every get() got what a load of its key that was still in flight (or whose burst was still
/// being answered) produced: its value, or its exception.
Check check_answers(const std::vector<Operation>& ops, const std::vector<std::string>& unknown) {
  std::map<long long, const Operation*> load_of;  // load value (positive) -> the load
  for (const auto& op : ops)
    if (op.method == kLoad && !op.pending()) load_of[op.result < 0 ? -op.result : op.result] = &op;
  for (const auto& g : ops) {
    if (g.method != kGet) continue;
    if (g.pending())
      return Failure{"wrong_answer", describe(g, unknown) + ", although every thread finished", "",
                     "", ""};
    const long long v = g.result < 0 ? -g.result : g.result;
    auto it = load_of.find(v);
    if (it == load_of.end() || v / kPerKey != g.arg) {
      // What it should have answered: a load of its key in flight during the call.
      const Operation* in_flight = nullptr;
      for (const auto& op : ops)
        if (op.method == kLoad && op.arg == g.arg && op.call < g.ret && op.ret > g.call)
          in_flight = &op;
      std::string reason = describe(g, unknown) + ", which is not what any load of key " +
                           std::to_string(g.arg) + " produced";
      if (in_flight && in_flight->result < 0)
        reason +=
            "; the load it shared threw, and every caller of a failed load must get "
            "that exception (rethrow it, e.g. with std::exception_ptr)";
      return Failure{"wrong_answer", reason,
                     in_flight ? "the result of " + describe(*in_flight, unknown) : "",
                     describe(g, unknown), ""};
    }
    const Operation& l = *it->second;
    if ((g.result < 0) != (l.result < 0))
      return Failure{"wrong_answer", describe(g, unknown) + ", but " + describe(l, unknown), "", "",
                     ""};
    // Stale: the load had finished before this get() began, and every other get() that it
    // answered had returned too, so its burst was over: a later request must load again.
    bool burst_open = l.ret > g.call;
    for (const auto& h : ops)
      if (!burst_open && &h != &g && h.method == kGet && h.result == g.result && h.ret > g.call)
        burst_open = true;
    if (!burst_open)
      return Failure{"wrong_answer",
                     describe(g, unknown) +
                         ", the result of a load that had finished, and whose callers "
                         "had all returned, before this get() began: a request after "
                         "a load completed must load again, not reuse an old result",
                     "a load that runs while get(" + std::to_string(g.arg) + ") waits",
                     describe(l, unknown) + "; " + describe(g, unknown), ""};
  }
  return std::nullopt;
}

}  // namespace

std::string CoalesceCase::input() const {
  std::string s = std::to_string(callers) + " callers, keys 1.." + std::to_string(keys) + ", " +
                  std::to_string(bursts) + " bursts of one get() per caller, loads take " +
                  std::to_string(load_us) + " us";
  if (fail_key)
    s += ", odd-numbered loads of key " + std::to_string(fail_key) + " throw runtime_error";
  return s;
}

const std::vector<CoalesceCase>& coalesce_cases() {
  static const std::vector<CoalesceCase> cases = {
      {3, 1, 3, 0, 400, 1500}, {4, 2, 3, 2, 400, 1500}, {6, 2, 2, 1, 600, 2000},
      {5, 3, 3, 3, 300, 1500}, {2, 1, 4, 1, 300, 1200}, {4, 1, 2, 1, 500, 1500},
  };
  return cases;
}

Check check_trial(int foreign_loads, const HistoryRecorder& history,
                  const std::vector<std::string>& unknown) {
  if (foreign_loads)
    return Failure{"wrong_answer",
                   "the loader ran on a thread that is not inside get(); call it from the get() "
                   "that needs it",
                   "", "", ""};
  const std::vector<Operation> ops = history.operations();
  if (Check f = check_overlap(ops, unknown)) return f;
  return check_answers(ops, unknown);
}

std::string stuck_calls(const CoalesceCase& c, const HistoryRecorder& history) {
  std::string s;
  for (int a = 0; a < c.callers; ++a) {
    const int call = history.begun(a);
    if (call != history.returned(a))
      s += (s.empty() ? "" : ", ") + std::string("caller ") + std::to_string(a + 1) +
           " waits in get(" + std::to_string(c.key(a, call - 1)) + ")";
  }
  return s;
}

}  // namespace cj::request_coalescing
