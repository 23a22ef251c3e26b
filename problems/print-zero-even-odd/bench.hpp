// `cj bench primitives`: ZeroEvenOdd(2000) on three threads; 2n - 1 hand-offs per run.
#include "cj/bench_handoff.hpp"

static void BM_solution(benchmark::State& state) {
  static constexpr int n = 2000;
  cj::bench::whole_runs<ZeroEvenOdd>(
      state, [] { return std::make_unique<ZeroEvenOdd>(n); },
      {[](ZeroEvenOdd& z) { z.zero([](int) {}); }, [](ZeroEvenOdd& z) { z.even([](int) {}); },
       [](ZeroEvenOdd& z) { z.odd([](int) {}); }},
      2 * n - 1);
}
BENCHMARK(BM_solution)->UseRealTime();
