// `cj bench primitives`: one producer and one consumer pass 20000 elements through a
// BoundedBlockingQueue(4); items_per_second counts elements.
#include "cj/bench_handoff.hpp"

static void BM_solution(benchmark::State& state) {
  static constexpr int elements = 20000;
  cj::bench::whole_runs<BoundedBlockingQueue>(
      state, [] { return std::make_unique<BoundedBlockingQueue>(4); },
      {[](BoundedBlockingQueue& q) {
         for (int i = 0; i < elements; ++i) q.enqueue(i);
       },
       [](BoundedBlockingQueue& q) {
         long sum = 0;
         for (int i = 0; i < elements; ++i) sum += q.dequeue();
         benchmark::DoNotOptimize(sum);
       }},
      elements);
}
BENCHMARK(BM_solution)->UseRealTime();
