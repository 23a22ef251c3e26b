// Shapes for timing a problem's solutions with Google Benchmark (`cj bench primitives`): a
// problem's bench.hpp says how to drive its class; these say how the threads run and what is
// counted. items_per_second always counts hand-offs (or, for a queue, elements passed through),
// so that `cj bench primitives` can compare a solution with the raw loop of its primitive.
#pragma once

#include <benchmark/benchmark.h>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace cj::bench {

/// A whole run per iteration: a fresh object made by `make`, one thread per entry of `methods`,
/// all joined; `handoffs` hand-offs happen in it. For problems whose one object does many
/// hand-offs (FooBar(n) with n in the thousands), thread start-up is a small share.
template <typename Object>
void whole_runs(benchmark::State& state, std::function<std::unique_ptr<Object>()> make,
                std::vector<std::function<void(Object&)>> methods, long handoffs) {
  for (auto _ : state) {
    auto object = make();
    std::vector<std::thread> threads;
    for (auto& m : methods) threads.emplace_back([&] { m(*object); });
    for (auto& t : threads) t.join();
  }
  state.SetItemsProcessed(state.iterations() * handoffs);
}

/// Rounds on long-lived threads, for problems whose object does only a few hand-offs (Print in
/// Order): each iteration makes a fresh object, releases one thread per method on it, and waits
/// for all of them; `handoffs` per round. The release and the wait yield instead of blocking, so
/// the round's cost is the solution's own hand-offs plus two scheduler round trips.
template <typename Object>
void rounds(benchmark::State& state, std::function<std::unique_ptr<Object>()> make,
            std::vector<std::function<void(Object&)>> methods, long handoffs) {
  std::atomic<long> generation{0};
  std::atomic<long> finished{0};
  std::atomic<Object*> current{nullptr};
  std::vector<std::thread> threads;
  for (auto& m : methods)
    threads.emplace_back([&] {
      for (long seen = 0;;) {
        long g;
        while ((g = generation.load(std::memory_order_acquire)) == seen) std::this_thread::yield();
        if (g < 0) return;
        seen = g;
        m(*current.load(std::memory_order_acquire));
        finished.fetch_add(1, std::memory_order_acq_rel);
      }
    });
  long round = 0;
  const long per_round = static_cast<long>(methods.size());
  for (auto _ : state) {
    auto object = make();
    current.store(object.get(), std::memory_order_release);
    generation.store(++round, std::memory_order_release);
    while (finished.load(std::memory_order_acquire) != round * per_round) std::this_thread::yield();
  }
  generation.store(-1, std::memory_order_release);
  for (auto& t : threads) t.join();
  state.SetItemsProcessed(state.iterations() * handoffs);
}

}  // namespace cj::bench
