// The machine's own limits for handing control from one thread to another, compiled and run by
// `cj bench primitives` beside the reference solutions: a ping-pong between two threads on a
// spinning atomic, on a futex (std::atomic wait/notify), and on a mutex + condition variable.
// Each iteration is one round trip, two hand-offs; items_per_second counts hand-offs.
#include <benchmark/benchmark.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace {

// The partner thread answers every hand-off until the benchmark loop stops it.
template <typename Wait, typename Pass>
void ping_pong(benchmark::State& state, std::atomic<int>& turn, Wait wait_for, Pass pass) {
  std::atomic<bool> stop{false};
  std::thread partner([&] {
    for (;;) {
      wait_for(1);
      if (stop.load(std::memory_order_acquire)) return;
      pass(0);
    }
  });
  for (auto _ : state) {
    pass(1);
    wait_for(0);
  }
  stop.store(true, std::memory_order_release);
  pass(1);
  partner.join();
  turn.store(0);
  state.SetItemsProcessed(state.iterations() * 2);
}

void BM_spin_atomic(benchmark::State& state) {
  std::atomic<int> turn{0};
  ping_pong(
      state, turn,
      [&](int want) {
        while (turn.load(std::memory_order_acquire) != want) {
#if defined(__x86_64__)
          __builtin_ia32_pause();
#endif
        }
      },
      [&](int to) { turn.store(to, std::memory_order_release); });
}

void BM_futex_atomic_wait(benchmark::State& state) {
  std::atomic<int> turn{0};
  ping_pong(
      state, turn,
      [&](int want) {
        for (int seen = turn.load(std::memory_order_acquire); seen != want;
             seen = turn.load(std::memory_order_acquire))
          turn.wait(seen, std::memory_order_acquire);
      },
      [&](int to) {
        turn.store(to, std::memory_order_release);
        turn.notify_one();
      });
}

void BM_mutex_condition_variable(benchmark::State& state) {
  std::atomic<int> turn{0};
  std::mutex mu;  // guards the hand-offs of turn below (turn is atomic only for the shared shape)
  std::condition_variable cv;
  ping_pong(
      state, turn,
      [&](int want) {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return turn.load(std::memory_order_relaxed) == want; });
      },
      [&](int to) {
        {
          std::lock_guard<std::mutex> lock(mu);
          turn.store(to, std::memory_order_relaxed);
        }
        cv.notify_one();
      });
}

}  // namespace

BENCHMARK(BM_spin_atomic)->UseRealTime();
BENCHMARK(BM_futex_atomic_wait)->UseRealTime();
BENCHMARK(BM_mutex_condition_variable)->UseRealTime();
BENCHMARK_MAIN();
