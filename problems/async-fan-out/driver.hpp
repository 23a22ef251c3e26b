// async-fan-out: one call of fetchAll(service, shops) per trial, against the slow service of
// before.hpp, whose two reply threads live for the trial. Besides the answer, the checker reads
// what the service counted: requests per shop, the most requests ever in flight at once (the
// limit k, and whether the waits overlapped at all), and, under explore's exact virtual time, how
// long fetchAll took against the longest a schedule that keeps k requests in flight may take.
// This file holds what needs the learner's class or before.hpp's types (the cases, the trial that
// calls fetchAll, the checks of the requests and the totals); the checks of the limit and of the
// overlap are compiled once (checks.hpp).
#include <algorithm>
#include <set>

#include "checks.hpp"
#include "cj/clock.hpp"
#include "cj/harness.hpp"

namespace cj::fan_out {

/// One input: the limit and the shops in the order fetchAll receives them. Shop j of a region
/// (counting from 0) has sales 2^j, so a region's total names exactly the replies it counted.
struct FanCase {
  std::string name;
  int k = 1;
  std::vector<Shop> shops;  // latencies as on real time

  int at_once() const { return std::min<int>(k, static_cast<int>(shops.size())); }
  std::string input() const {
    std::string s = "k = " + std::to_string(k) + ", shops = [";
    for (std::size_t i = 0; i < shops.size(); ++i)
      s += (i ? ", " : "") + std::string("\"") + shops[i].name + "\"";
    long long most = 0, least = 1 << 30;
    for (const Shop& shop : shops) {
      most = std::max<long long>(most, shop.latency.count());
      least = std::min<long long>(least, shop.latency.count());
    }
    return s + "] (" + name + "; replies take " + std::to_string(least / 1000) + "-" +
           std::to_string(most / 1000) + " ms)";
  }
};

inline std::string region_of(const std::string& shop) { return shop.substr(0, shop.find('/')); }

/// A case from (region, latency in ms) pairs, in the order fetchAll receives them.
inline FanCase make_case(std::string name, int k,
                         const std::vector<std::pair<std::string, int>>& shops) {
  FanCase c{std::move(name), k, {}};
  std::map<std::string, int> count;
  for (const auto& [region, ms] : shops) {
    const int j = count[region]++;
    c.shops.push_back(
        {region + "/" + std::to_string(j + 1), 1 << j, std::chrono::microseconds(ms * 1000)});
  }
  return c;
}

inline const std::vector<FanCase>& fan_cases() {
  static const std::vector<FanCase> all = [] {
    std::vector<FanCase> out;
    // Every batch of three starts with a slow shop: a fan-out that waits for a whole batch before
    // sending the next one takes four slow replies, one that refills each free slot far less.
    out.push_back(make_case("three regions", 3,
                            {{"eu", 4},
                             {"eu", 1},
                             {"us", 1},
                             {"asia", 4},
                             {"eu", 1},
                             {"us", 1},
                             {"eu", 4},
                             {"asia", 1},
                             {"us", 1},
                             {"eu", 4},
                             {"us", 1},
                             {"asia", 1}}));
    out.push_back(make_case("k = 1: one request at a time is the rule", 1,
                            {{"eu", 1}, {"eu", 2}, {"us", 1}, {"eu", 1}}));
    out.push_back(make_case("k larger than the number of shops", 8,
                            {{"eu", 2}, {"us", 1}, {"eu", 1}, {"us", 3}, {"eu", 1}}));
    {
      std::vector<std::pair<std::string, int>> shops;
      for (int i = 0; i < 20; ++i) shops.push_back({i % 2 ? "us" : "eu", 1 + (i * 7) % 3});
      out.push_back(make_case("two regions, many shops", 4, shops));
    }
    out.push_back(make_case("one slow shop", 2,
                            {{"asia", 8},
                             {"eu", 1},
                             {"us", 1},
                             {"eu", 1},
                             {"us", 1},
                             {"eu", 1},
                             {"asia", 1},
                             {"us", 1}}));
    out.push_back(make_case("one shop", 3, {{"us", 2}}));
    {
      std::vector<std::pair<std::string, int>> shops;
      const char* regions[] = {"africa", "asia", "eu", "latam", "oceania", "us"};
      for (int i = 0; i < 12; ++i) shops.push_back({regions[i % 6], 1 + i % 4});
      out.push_back(make_case("six regions", 5, shops));
    }
    return out;
  }();
  return all;
}

/// The shops as the service of one trial knows them, on the clock the trial runs on: ten times
/// the real latencies on explore's virtual time, so its steps (1 µs each) weigh little.
inline Directory directory(const FanCase& c) {
  Directory d;
  for (std::size_t i = 0; i < c.shops.size(); ++i) {
    Shop s = c.shops[i];
    s.latency = scaled_us(10 * s.latency.count(), s.latency.count());
    d.index.emplace(s.name, static_cast<int>(i));
    d.shops.push_back(std::move(s));
  }
  return d;
}

class FanOutTrial final : public Trial {
 public:
  explicit FanOutTrial(const FanCase& c) : c_(c), log_(c.shops.size()) {}

  void run(int) override {
    const Directory dir = directory(c_);
    std::vector<std::string> names;
    for (const Shop& s : dir.shops) names.push_back(s.name);
    for (const Shop& s : dir.shops) {
      latency_sum_ns_ += std::chrono::nanoseconds(s.latency).count();
      latency_max_ns_ =
          std::max<double>(latency_max_ns_, std::chrono::nanoseconds(s.latency).count());
    }
    // Destroyed in reverse: the service's reply threads are joined before the solution's object
    // goes, since a callback may still be finishing on one of them when fetchAll returns.
    ::FanOut fan(c_.k);
    ReplyDesks desks(log_);
    SalesService service(&dir, &log_, &desks);
    const std::int64_t start = steady_ns();
    answer_ = fan.fetchAll(service, names);
    elapsed_ns_ = static_cast<double>(steady_ns() - start);
    in_flight_at_return_ = log_.in_flight.load(std::memory_order_relaxed);
    // Explore, where no sleep or timed wait ended early and time never jumped for spinners
    // (time_kept_pace()): every sleep and reply took exactly its latency of virtual time, and
    // time moved on only when nothing could run, so elapsed_ns_ is exact.
    exact_time_ = await_quiescence() && time_kept_pace();
  }

  std::string stuck_state() const override {
    const int sent = log_.requests.load(std::memory_order_relaxed);
    const int replied = log_.replies.load(std::memory_order_relaxed);
    return "fetchAll has not returned; " + std::to_string(sent) + " of the " +
           std::to_string(c_.shops.size()) + " requests were sent and " + std::to_string(replied) +
           " replies delivered, " + std::to_string(sent - replied) + " still in flight";
  }

  Check failure_so_far() const override {
    return check_limit(c_.k, log_.max_in_flight.load(std::memory_order_relaxed));
  }

  Check check() override {
    if (Check f = check_requests()) return f;
    if (Check f = check_limit(c_.k, log_.max_in_flight.load(std::memory_order_relaxed))) return f;
    if (Check f = check_totals()) return f;
    if (in_flight_at_return_ > 0) return check_in_flight_at_return(in_flight_at_return_);
    return check_overlap({.k = c_.k,
                          .at_once = c_.at_once(),
                          .requests = c_.shops.size(),
                          .most_in_flight = log_.max_in_flight.load(std::memory_order_relaxed),
                          .elapsed_ns = elapsed_ns_,
                          .latency_sum_ns = latency_sum_ns_,
                          .latency_max_ns = latency_max_ns_,
                          .exact_time = exact_time_});
  }

 private:
  Check check_requests() const {
    if (const int n = log_.unknown_calls.load(std::memory_order_relaxed))
      return Failure{"wrong_answer",
                     std::to_string(n) + " request" + (n == 1 ? " was" : "s were") +
                         " for a shop not in the list",
                     "", ""};
    for (std::size_t i = 0; i < c_.shops.size(); ++i) {
      const int n = log_.calls[i].load(std::memory_order_relaxed);
      if (n == 1) continue;
      return Failure{"wrong_answer",
                     "\"" + c_.shops[i].name + "\" was requested " + std::to_string(n) +
                         " times; request every shop exactly once",
                     "1 request", std::to_string(n) + " requests"};
    }
    return std::nullopt;
  }

  /// Each region's total against the sum of its shops' sales. The sales are powers of two, so
  /// the bits missing from a total name the replies whose updates were overwritten.
  Check check_totals() const {
    std::map<std::string, int> expected;
    for (const Shop& s : c_.shops) expected[region_of(s.name)] += s.sales;
    for (const auto& [region, total] : answer_)
      if (!expected.count(region))
        return Failure{"wrong_answer",
                       "the answer has an entry \"" + region +
                           "\", which is not a region of the shops (the region is the part "
                           "before '/')",
                       "", ""};
    for (const auto& [region, want] : expected) {
      auto at = answer_.find(region);
      if (at == answer_.end())
        return Failure{"wrong_answer", "the answer has no total for region \"" + region + "\"",
                       std::to_string(want), "no entry"};
      const int got = at->second;
      if (got == want) continue;
      const std::string shown =
          "totals[\"" + region + "\"] is " + std::to_string(got) + ", not " + std::to_string(want);
      if (got > want || (got & ~want) != 0)
        return Failure{"wrong_answer", shown, std::to_string(want), std::to_string(got)};
      std::string lost;
      int lost_count = 0;
      for (const Shop& s : c_.shops)
        if (region_of(s.name) == region && (want & ~got & s.sales)) {
          lost += std::string(lost_count++ ? ", " : "") + "\"" + s.name + "\" (" +
                  std::to_string(s.sales) + ")";
        }
      return Failure{"wrong_answer",
                     shown + ": the sales of " + lost + " were" +
                         " lost. Every shop was requested once and answered, so an update was "
                         "overwritten: reading totals[\"" +
                         region +
                         "\"], then waiting (a co_await, or a lock released) and writing the old "
                         "value plus the reply back erases what another reply added meanwhile",
                     std::to_string(want), std::to_string(got)};
    }
    return std::nullopt;
  }

  const FanCase& c_;
  ServiceLog log_;
  std::map<std::string, int> answer_;
  double elapsed_ns_ = 0, latency_sum_ns_ = 0, latency_max_ns_ = 0;
  int in_flight_at_return_ = 0;
  bool exact_time_ = false;
};

class AsyncFanOutProblem final : public Problem {
 public:
  AsyncFanOutProblem() {
    // ThreadSanitizer's background thread starts with the first thread; start it before the
    // runner counts this process's threads.
    std::thread([] {}).join();
  }
  std::string slug() const override { return "async-fan-out"; }
  std::vector<Case> cases() const override {
    std::vector<Case> out;
    for (const auto& c : fan_cases()) out.push_back({c.input(), 1, {}});
    return out;
  }
  std::unique_ptr<Trial> make(const Case& c) const override {
    for (const auto& k : fan_cases())
      if (k.input() == c.input) return std::make_unique<FanOutTrial>(k);
    return std::make_unique<FanOutTrial>(fan_cases().front());
  }
  std::string actor_name(const Case&, int) const override { return "fetchAll()"; }
  bool solution_starts_threads() const override { return true; }
};

CJ_PROBLEM(AsyncFanOutProblem);

}  // namespace cj::fan_out
