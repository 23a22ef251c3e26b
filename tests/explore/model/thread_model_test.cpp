// The thread and sleep models over every schedule: a created thread runs and join returns its
// result after it finished; a detached thread still runs to its end; joining oneself is EDEADLK;
// a sleep advances virtual time by its length.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "toy_exploration.hpp"

namespace cj::explore::model_test {
namespace {

using Endings = std::vector<std::string>;

struct CreateJoin {
  int child_ran = 0;
  long joined = -1;
  int self_join = 0;
  static void* child(void* arg) {
    ++static_cast<CreateJoin*>(arg)->child_ran;
    return reinterpret_cast<void*>(42L);
  }
  void run(int) {
    pthread_t t;
    pthread_create(&t, nullptr, child, this);
    void* ret = nullptr;
    pthread_join(t, &ret);
    joined = reinterpret_cast<long>(ret);
    self_join = pthread_join(pthread_self(), nullptr);
  }
  std::string result() const {
    return "child ran " + std::to_string(child_ran) + ", join gave " + std::to_string(joined) +
           (self_join == EDEADLK ? ", self-join EDEADLK"
                                 : ", self-join " + std::to_string(self_join));
  }
};

TEST(ThreadModel, JoinReturnsTheFinishedThreadsResult) {
  const Exploration e = explore_every_schedule<CreateJoin>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"child ran 1, join gave 42, self-join EDEADLK"}));
}

struct Detached {
  bool child_done = false;
  static void* child(void* arg) {
    sched_yield();
    static_cast<Detached*>(arg)->child_done = true;
    return nullptr;
  }
  void run(int) {
    pthread_t t;
    pthread_create(&t, nullptr, child, this);
    pthread_detach(t);
  }
  std::string result() const { return child_done ? "child done" : "child cut short"; }
};

TEST(ThreadModel, ADetachedThreadStillRunsToItsEnd) {
  const Exploration e = explore_every_schedule<Detached>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"child done"}));
}

struct Sleeper {
  long long slept_us = -1;
  void run(int) {
    const long long start = now_ns(CLOCK_MONOTONIC);  // virtual time
    usleep(5000);
    slept_us = (now_ns(CLOCK_MONOTONIC) - start) / 1000;
  }
  std::string result() const { return "slept " + std::to_string(slept_us / 1000) + " ms"; }
};

TEST(ThreadModel, ASleepAdvancesVirtualTimeByItsLength) {
  const Exploration e = explore_every_schedule<Sleeper>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.schedules, 1);
  EXPECT_EQ(e.kinds(), (Endings{"slept 5 ms"}));
}

}  // namespace
}  // namespace cj::explore::model_test
