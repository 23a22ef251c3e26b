// The condition variable model over every schedule: a signal wakes at most one waiter (the
// search tries each), a broadcast wakes them all, a wait nobody signals returns only when the
// search chooses a spurious wakeup, and a timed wait times out in virtual time.
#include <gtest/gtest.h>
#include <pthread.h>
#include <time.h>

#include <cerrno>
#include <string>

#include "toy_exploration.hpp"

namespace cj::explore::model_test {
namespace {

using Endings = std::vector<std::string>;

// Actors 0 and 1 wait once each (no loop: whatever wakes them, they return); actor 2 waits
// until both wait, then signals or broadcasts once.
template <bool kBroadcast>
struct TwoWaiters {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  pthread_cond_t both_wait = PTHREAD_COND_INITIALIZER;
  int waiting = 0;
  std::string woke;  // the waiters that returned, in order
  void run(int actor) {
    pthread_mutex_lock(&m);
    if (actor < 2) {
      if (++waiting == 2) pthread_cond_signal(&both_wait);
      pthread_cond_wait(&c, &m);
      woke += std::to_string(actor);
    } else {
      while (waiting < 2) pthread_cond_wait(&both_wait, &m);
      if (kBroadcast)
        pthread_cond_broadcast(&c);
      else
        pthread_cond_signal(&c);
    }
    pthread_mutex_unlock(&m);
  }
  std::string result() const { return "woke " + woke; }
};

TEST(CondModel, SignalWakesExactlyOneWaiterAndTheSearchTriesEach) {
  // Bound 0: no spurious wakeup (each costs a preemption), so only the signal wakes anyone.
  const Exploration e = explore_every_schedule<TwoWaiters<false>>(3, 0);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"deadlock: woke 0", "deadlock: woke 1"}));
}

TEST(CondModel, BroadcastWakesEveryWaiter) {
  const Exploration e = explore_every_schedule<TwoWaiters<true>>(3, 0);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"woke 01", "woke 10"}));
}

TEST(CondModel, BroadcastWakesEveryWaiterUnderPreemptionsAndSpuriousWakeups) {
  const Exploration e = explore_every_schedule<TwoWaiters<true>>(3, 2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"woke 01", "woke 10"}));
}

// Actor 0 waits once and nobody signals; actor 1 only takes and drops the mutex, so that the
// search has decisions to make while actor 0 waits.
struct UnsignalledWait {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  bool returned = false;
  void run(int actor) {
    pthread_mutex_lock(&m);
    if (actor == 0) {
      pthread_cond_wait(&c, &m);
      returned = true;
    }
    pthread_mutex_unlock(&m);
  }
  std::string result() const { return returned ? "returned" : "still waiting"; }
};

TEST(CondModel, AWaitWithoutASignalNeverReturnsWithoutASpuriousWakeup) {
  const Exploration e = explore_every_schedule<UnsignalledWait>(2, 0);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"deadlock: still waiting"}));
}

TEST(CondModel, ASpuriousWakeupIsOneOfTheSchedulesTried) {
  const Exploration e = explore_every_schedule<UnsignalledWait>(2, 1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"deadlock: still waiting", "returned"}));
}

// One thread waits 1 s for a signal that never comes: nothing else can run, so virtual time
// jumps to the deadline (no real second passes) and the wait returns ETIMEDOUT.
struct TimedWaitAlone {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  int rc = -1;
  long long waited_ms = -1;
  void run(int) {
    pthread_mutex_lock(&m);
    const long long start = now_ns(CLOCK_REALTIME);
    const timespec abstime = deadline_after(start, 1000000000LL);
    rc = pthread_cond_timedwait(&c, &m, &abstime);
    waited_ms = (now_ns(CLOCK_REALTIME) - start) / 1000000;
    pthread_mutex_unlock(&m);
  }
  std::string result() const {
    return std::string(rc == ETIMEDOUT ? "ETIMEDOUT" : "not timed out") + " after " +
           std::to_string(waited_ms) + " ms";
  }
};

TEST(CondModel, ATimedWaitTimesOutInVirtualTime) {
  const Exploration e = explore_every_schedule<TimedWaitAlone>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.schedules, 1);
  EXPECT_EQ(e.kinds(), (Endings{"ETIMEDOUT after 1000 ms"}));
}

}  // namespace
}  // namespace cj::explore::model_test
