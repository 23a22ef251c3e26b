// The pthread_once model over every schedule: the init function runs exactly once, and a caller
// that comes while it runs waits until it finished.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>

#include <string>

#include "toy_exploration.hpp"

namespace cj::explore::model_test {
namespace {

using Endings = std::vector<std::string>;

struct ThreeCallers;
ThreeCallers* g_program = nullptr;  // the execution's program, for the plain init function

struct ThreeCallers {
  pthread_once_t once = PTHREAD_ONCE_INIT;
  int runs = 0;
  bool init_done = false;
  int returned_early = 0;  // callers that returned from pthread_once before init finished
  ThreeCallers() { g_program = this; }
  static void init() {
    ++g_program->runs;
    sched_yield();  // the others may call pthread_once meanwhile
    g_program->init_done = true;
  }
  void run(int) {
    pthread_once(&once, init);
    if (!init_done) ++returned_early;
  }
  std::string result() const {
    return "init ran " + std::to_string(runs) + " time(s), " + std::to_string(returned_early) +
           " returned before it finished";
  }
};

TEST(OnceModel, InitRunsExactlyOnceAndTheOthersWaitForIt) {
  const Exploration e = explore_every_schedule<ThreeCallers>(3);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"init ran 1 time(s), 0 returned before it finished"}));
}

}  // namespace
}  // namespace cj::explore::model_test
