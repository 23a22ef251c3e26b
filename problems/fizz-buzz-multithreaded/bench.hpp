// `cj bench primitives`: FizzBuzz(3000) on four threads; n - 1 hand-offs per run.
#include "cj/bench_handoff.hpp"

static void BM_solution(benchmark::State& state) {
  static constexpr int n = 3000;
  cj::bench::whole_runs<FizzBuzz>(
      state, [] { return std::make_unique<FizzBuzz>(n); },
      {[](FizzBuzz& f) { f.fizz([] {}); }, [](FizzBuzz& f) { f.buzz([] {}); },
       [](FizzBuzz& f) { f.fizzbuzz([] {}); }, [](FizzBuzz& f) { f.number([](int) {}); }},
      n - 1);
}
BENCHMARK(BM_solution)->UseRealTime();
