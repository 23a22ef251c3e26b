// `cj bench primitives`: FooBar(2000) on two threads; 2n - 1 hand-offs per run.
#include "cj/bench_handoff.hpp"

static void BM_solution(benchmark::State& state) {
  static constexpr int n = 2000;
  cj::bench::whole_runs<FooBar>(
      state, [] { return std::make_unique<FooBar>(n); },
      {[](FooBar& f) { f.foo([] {}); }, [](FooBar& f) { f.bar([] {}); }}, 2 * n - 1);
}
BENCHMARK(BM_solution)->UseRealTime();
