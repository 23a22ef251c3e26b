// `cj bench primitives`: a round of first(), second(), third() on a fresh Foo, on three
// long-lived threads; two hand-offs per round.
#include "cj/bench_handoff.hpp"

static void BM_solution(benchmark::State& state) {
  cj::bench::rounds<Foo>(
      state, [] { return std::make_unique<Foo>(); },
      {[](Foo& f) { f.first([] {}); }, [](Foo& f) { f.second([] {}); },
       [](Foo& f) { f.third([] {}); }},
      2);
}
BENCHMARK(BM_solution)->UseRealTime();
