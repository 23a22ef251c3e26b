// Request Coalescing (Go's singleflight): callers ask one RequestCoalescer for keys in bursts, and
// the loader it was built with takes a while per call and sometimes throws. Every get() and every
// load is recorded with its invocation and response in one order of events (cj/history.hpp); the
// checker then establishes the properties that matter: never two loads of one key at once, every
// get() answered by a load of its key that was still in flight (or just finished, its burst not
// yet over) while that get() ran, and a failed load's exception delivered to each of its callers.
#include "cj/harness.hpp"
#include "cj/history.hpp"
#include "cj/tsan.hpp"

namespace cj::request_coalescing {

enum Method { kGet = 0, kLoad = 1 };

/// Values a load returns: key * kPerKey + the load's number for that key (1, 2, ...), so each
/// value names the one load that produced it. A failed load records minus that number.
constexpr int kPerKey = 1000;
/// Codes (below kPerKey, so no load's) for a get() that threw what no load threw.
constexpr int kUnknownError = 1;
constexpr int kNotStdException = 2;

struct CoalesceCase {
  int callers;   // one actor each
  int keys;      // keys 1..keys
  int bursts;    // each caller makes one get() per burst
  int fail_key;  // this key's odd-numbered loads throw; 0 for none
  int load_us;   // how long a load takes
  int gap_us;    // pause between bursts

  /// The key caller a asks for in burst b: callers share keys, and the sharing changes by burst.
  int key(int a, int b) const { return 1 + (a + b) % keys; }
  bool fails(int key, int n) const { return key == fail_key && n % 2 == 1; }

  std::string input() const {
    std::string s = std::to_string(callers) + " callers, keys 1.." + std::to_string(keys) + ", " +
                    std::to_string(bursts) + " bursts of one get() per caller, loads take " +
                    std::to_string(load_us) + " us";
    if (fail_key)
      s += ", odd-numbered loads of key " + std::to_string(fail_key) + " throw runtime_error";
    return s;
  }
};

inline const std::vector<CoalesceCase>& coalesce_cases() {
  static const std::vector<CoalesceCase> cases = {
      {3, 1, 3, 0, 400, 1500}, {4, 2, 3, 2, 400, 1500}, {6, 2, 2, 1, 600, 2000},
      {5, 3, 3, 3, 300, 1500}, {2, 1, 4, 1, 300, 1200}, {4, 1, 2, 1, 500, 1500},
  };
  return cases;
}

inline std::string failure_message(int key, int n) {
  return "load " + std::to_string(n) + " of key " + std::to_string(key) + " failed";
}

/// The actor whose thread is running; the loader records its load on that actor's log.
inline thread_local int t_actor = -1;

class CoalesceTrial final : public Trial {
 public:
  explicit CoalesceTrial(const CoalesceCase& c)
      : c_(c),
        history_(c.callers + 1, 4 * c.bursts + 8),
        unknown_(c.callers),
        loads_(std::make_unique<std::atomic<int>[]>(c.keys + 1)),
        coalescer_([this](int key) { return load(key); }) {
    for (int k = 0; k <= c.keys; ++k) loads_[k].store(0, std::memory_order_relaxed);
  }

  void run(int actor) override {
    t_actor = actor;
    for (int b = 0; b < c_.bursts; ++b) {
      if (b) std::this_thread::sleep_for(std::chrono::microseconds(c_.gap_us));
      const int key = c_.key(actor, b);
      const auto slot = history_.begin(actor, kGet, key);
      long long result = 0;
      try {
        result = coalescer_.get(key);
      } catch (const std::exception& e) {
        const UnseenReads unseen;  // the exception may be freed by another caller (tsan.hpp)
        result = -exception_code(key, e.what());
        if (result == -kUnknownError && unknown_[actor].empty()) unknown_[actor] = e.what();
      } catch (...) {
        result = -kNotStdException;
      }
      history_.end(actor, slot, result);
    }
    t_actor = -1;
  }

  Check check() override {
    if (foreign_loads_.load(std::memory_order_relaxed))
      return Failure{"wrong_answer",
                     "the loader ran on a thread that is not inside get(); call it from the get() "
                     "that needs it",
                     "", ""};
    const std::vector<Operation> ops = history_.operations();
    if (Check f = check_overlap(ops)) return f;
    return check_answers(ops);
  }

  std::string stuck_state() const override {
    std::string s;
    for (int a = 0; a < c_.callers; ++a) {
      const int call = history_.begun(a);
      if (call != history_.returned(a))
        s += (s.empty() ? "" : ", ") + std::string("caller ") + std::to_string(a + 1) +
             " waits in get(" + std::to_string(c_.key(a, call - 1)) + ")";
    }
    return s;
  }

 private:
  /// The loader handed to the solution: takes load_us, returns a value naming this load, or
  /// throws for the case's failing loads.
  int load(int key) {
    const int actor = t_actor;
    if (actor < 0 || key < 1 || key > c_.keys) {
      foreign_loads_.fetch_add(1, std::memory_order_relaxed);
      return 0;
    }
    const auto slot = history_.begin(actor, kLoad, key);
    const int n = loads_[key].fetch_add(1, std::memory_order_relaxed) + 1;
    std::this_thread::sleep_for(std::chrono::microseconds(c_.load_us));
    const int value = key * kPerKey + n;
    if (c_.fails(key, n)) {
      history_.end(actor, slot, -value);
      throw std::runtime_error(failure_message(key, n));
    }
    history_.end(actor, slot, value);
    return value;
  }

  /// The value a load of `key` recorded for an exception with this message, or kUnknownError.
  int exception_code(int key, const std::string& what) const {
    for (int n = 1; n < kPerKey; n += 2)
      if (c_.fails(key, n) && what == failure_message(key, n)) return key * kPerKey + n;
    return kUnknownError;
  }

  std::string describe(const Operation& op) const {
    const std::string span = " [" + std::to_string(op.call) + ", " + std::to_string(op.ret) + "]";
    if (op.method == kLoad) {
      const long long v = op.result < 0 ? -op.result : op.result;
      return "load " + std::to_string(v % kPerKey) + " of key " + std::to_string(op.arg) + span +
             (op.result < 0 ? " threw" : " returned " + std::to_string(op.result));
    }
    std::string out = "get(" + std::to_string(op.arg) + ")" + span;
    if (op.pending()) return out + " never returned";
    if (op.result == -kNotStdException)
      return out + " threw something that is not a std::exception";
    if (op.result < 0) {
      if (-op.result == kUnknownError)
        return out + " threw \"" + unknown_[op.thread] + "\", which no load threw";
      return out + " threw \"" +
             failure_message(static_cast<int>(-op.result / kPerKey),
                             static_cast<int>(-op.result % kPerKey)) +
             "\"";
    }
    return out + " returned " + std::to_string(op.result);
  }

  /// Two loads of one key running at the same time: the second caller should have waited.
  Check check_overlap(const std::vector<Operation>& ops) const {
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
                       describe(a) + "; " + describe(b)};
      }
    }
    return std::nullopt;
  }

  /// Every get() got what a load of its key that was still in flight (or whose burst was still
  /// being answered) produced: its value, or its exception.
  Check check_answers(const std::vector<Operation>& ops) const {
    std::map<long long, const Operation*> load_of;  // load value (positive) -> the load
    for (const auto& op : ops)
      if (op.method == kLoad && !op.pending())
        load_of[op.result < 0 ? -op.result : op.result] = &op;
    for (const auto& g : ops) {
      if (g.method != kGet) continue;
      if (g.pending())
        return Failure{"wrong_answer", describe(g) + ", although every thread finished", "", ""};
      const long long v = g.result < 0 ? -g.result : g.result;
      auto it = load_of.find(v);
      if (it == load_of.end() || v / kPerKey != g.arg) {
        // What it should have answered: a load of its key in flight during the call.
        const Operation* in_flight = nullptr;
        for (const auto& op : ops)
          if (op.method == kLoad && op.arg == g.arg && op.call < g.ret && op.ret > g.call)
            in_flight = &op;
        std::string reason = describe(g) + ", which is not what any load of key " +
                             std::to_string(g.arg) + " produced";
        if (in_flight && in_flight->result < 0)
          reason +=
              "; the load it shared threw, and every caller of a failed load must get "
              "that exception (rethrow it, e.g. with std::exception_ptr)";
        return Failure{"wrong_answer", reason,
                       in_flight ? "the result of " + describe(*in_flight) : "", describe(g)};
      }
      const Operation& l = *it->second;
      if ((g.result < 0) != (l.result < 0))
        return Failure{"wrong_answer", describe(g) + ", but " + describe(l), "", ""};
      // Stale: the load had finished before this get() began, and every other get() that it
      // answered had returned too, so its burst was over: a later request must load again.
      bool burst_open = l.ret > g.call;
      for (const auto& h : ops)
        if (!burst_open && &h != &g && h.method == kGet && h.result == g.result && h.ret > g.call)
          burst_open = true;
      if (!burst_open)
        return Failure{"wrong_answer",
                       describe(g) +
                           ", the result of a load that had finished, and whose callers "
                           "had all returned, before this get() began: a request after "
                           "a load completed must load again, not reuse an old result",
                       "a load that runs while get(" + std::to_string(g.arg) + ") waits",
                       describe(l) + "; " + describe(g)};
    }
    return std::nullopt;
  }

  const CoalesceCase& c_;
  HistoryRecorder history_;
  std::unique_ptr<std::atomic<int>[]> loads_;  // loads started per key
  std::atomic<int> foreign_loads_{0};
  std::vector<std::string> unknown_;  // unknown_[a]: what() of a's first unknown exception
  ::RequestCoalescer coalescer_;
};

class RequestCoalescing final : public Problem {
 public:
  std::string slug() const override { return "request-coalescing"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& c : coalesce_cases()) out.push_back({c.input(), c.callers, {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    for (const auto& k : coalesce_cases())
      if (k.input() == c.input) return std::make_unique<CoalesceTrial>(k);
    return std::make_unique<CoalesceTrial>(coalesce_cases().front());
  }
  std::string actor_name(const Case&, int) const override { return "get()"; }
};

CJ_PROBLEM(RequestCoalescing);

}  // namespace cj::request_coalescing
