// Print in Order (LeetCode 1114) as a Relacy test: the logic of
// solutions/print-in-order/mutex_cv.cpp (one mutex, one condition variable, a stage counter
// guarded by the mutex, each method waiting with a predicate loop for its turn), on Relacy's own
// std:: types. Built and timed by bench/relacy/compare against a Relacy checkout; not part of CI.
// Relacy's header must come before every standard header (it replaces std:: types).
#include "relacy/relacy_std.hpp"

// Then the standard ones.
#include <chrono>
#include <cstdio>
#include <cstdlib>

struct print_in_order : rl::test_suite<print_in_order, 3> {
  std::mutex m;
  std::condition_variable cv;
  rl::var<int> stage;    // guarded by m: 0 before first, 1 after first, 2 after second
  rl::var<int> printed;  // the output, one digit per call ("123" as 1*100 + 2*10 + 3)

  void before() {
    stage($) = 0;
    printed($) = 0;
  }

  void print(int k) { printed($) = printed($) * 10 + k; }

  void thread(unsigned index) {
    if (index == 0) {  // first()
      m.lock($);
      print(1);
      stage($) = 1;
      m.unlock($);
      cv.notify_all($);
    } else if (index == 1) {  // second()
      m.lock($);
      while (stage($) != 1) cv.wait(m, $);
      print(2);
      stage($) = 2;
      m.unlock($);
      cv.notify_all($);
    } else {  // third()
      m.lock($);
      while (stage($) != 2) cv.wait(m, $);
      print(3);
      m.unlock($);
    }
  }

  void after() { RL_ASSERT(printed($) == 123); }
};

int main(int argc, char** argv) {
  rl::test_params p;
  p.iteration_count = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
  p.search_type = rl::random_scheduler_type;
  const auto start = std::chrono::steady_clock::now();
  const bool ok = rl::simulate<print_in_order>(p);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("relacy: %s, %llu schedules in %.3f s: %.0f schedules/s\n", ok ? "passed" : "FAILED",
              static_cast<unsigned long long>(p.iteration_count), s,
              static_cast<double>(p.iteration_count) / s);
  return ok ? 0 : 1;
}
