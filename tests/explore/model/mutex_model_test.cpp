// The mutex model (primitives.cpp) over every schedule: it excludes, a trylock on a held mutex
// fails with EBUSY, a recursive mutex may be locked again by its owner.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "toy_exploration.hpp"

namespace cj::explore::model_test {
namespace {

using Endings = std::vector<std::string>;

// Two threads: lock; read x; unlock; lock; write x + 1; unlock would lose an update. Here the
// read and the write are inside one critical section, so every schedule ends at 2.
struct TwoIncrements {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  int x = 0;
  void run(int) {
    pthread_mutex_lock(&m);
    const int seen = x;
    pthread_mutex_unlock(&m);  // a scheduling point inside the read-modify-write...
    pthread_mutex_lock(&m);
    x = seen + 1;
    pthread_mutex_unlock(&m);
  }
  std::string result() const { return "x = " + std::to_string(x); }
};

struct ExcludingIncrements {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  int x = 0;
  int inside = 0, most_inside = 0;
  void run(int) {
    pthread_mutex_lock(&m);
    most_inside = std::max(most_inside, ++inside);
    sched_yield();  // a scheduling point while holding the mutex: the other may run, not enter
    ++x;
    --inside;
    pthread_mutex_unlock(&m);
  }
  std::string result() const {
    return "x = " + std::to_string(x) + ", at most " + std::to_string(most_inside) + " inside";
  }
};

TEST(MutexModel, TwoLockedIncrementsAlwaysEndAtTwo) {
  const Exploration e = explore_every_schedule<ExcludingIncrements>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"x = 2, at most 1 inside"}));
  EXPECT_GT(e.schedules, 2);
}

TEST(MutexModel, AnUpdateSplitAcrossTwoCriticalSectionsIsLostInSomeSchedule) {
  // The check that the search sees the interleaving the mutex does not forbid.
  const Exploration e = explore_every_schedule<TwoIncrements>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"x = 1", "x = 2"}));
}

// Bound 0 by hand: which thread runs first is a free choice (2); the first one's sched_yield
// inside the critical section is a free switch (a yield is not a preemption): the other runs
// and blocks on the held mutex, or the yielder goes on (2). Every later switch happens only
// where the runner blocks or returns. 2 x 2 = 4 schedules.
TEST(MutexModel, BoundZeroCountsFirstThreadsAndYieldsOnly) {
  const Exploration e = explore_every_schedule<ExcludingIncrements>(2, 0);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.schedules, 4);
  EXPECT_EQ(e.kinds(), (Endings{"x = 2, at most 1 inside"}));
}

struct TrylockOnHeld {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  int got = -1;
  void run(int actor) {
    if (actor != 0) return;
    pthread_mutex_lock(&m);
    got = pthread_mutex_trylock(&m);  // a normal mutex, held by this very thread
    pthread_mutex_unlock(&m);
  }
  std::string result() const { return got == EBUSY ? "EBUSY" : "returned " + std::to_string(got); }
};

TEST(MutexModel, TrylockOnAHeldMutexReturnsEbusy) {
  const Exploration e = explore_every_schedule<TrylockOnHeld>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"EBUSY"}));
}

// One thread holds the mutex across a yield; the other's trylock fails while it is held and
// succeeds otherwise, and both outcomes occur.
struct TrylockRace {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  int got = -1;
  void run(int actor) {
    if (actor == 0) {
      pthread_mutex_lock(&m);
      sched_yield();
      pthread_mutex_unlock(&m);
    } else {
      got = pthread_mutex_trylock(&m);
      if (got == 0) pthread_mutex_unlock(&m);
    }
  }
  std::string result() const { return got == EBUSY ? "EBUSY" : got == 0 ? "0" : "other"; }
};

TEST(MutexModel, TrylockFailsExactlyWhenTheOtherHoldsIt) {
  const Exploration e = explore_every_schedule<TrylockRace>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"0", "EBUSY"}));
}

struct Recursive {
  pthread_mutex_t m;
  int depth = 0, other_saw = -1;
  Recursive() {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m, &a);
    pthread_mutexattr_destroy(&a);
  }
  void run(int actor) {
    if (actor == 0) {
      pthread_mutex_lock(&m);
      pthread_mutex_lock(&m);  // its owner may lock it again
      ++depth;
      pthread_mutex_unlock(&m);  // still held once
      sched_yield();
      --depth;
      pthread_mutex_unlock(&m);
    } else {
      pthread_mutex_lock(&m);  // only once actor 0 unlocked it as often as it locked it
      other_saw = depth;
      pthread_mutex_unlock(&m);
    }
  }
  std::string result() const { return "the other saw depth " + std::to_string(other_saw); }
};

TEST(MutexModel, RecursiveMutexIsHeldUntilUnlockedAsOftenAsLocked) {
  const Exploration e = explore_every_schedule<Recursive>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"the other saw depth 0"}));
}

}  // namespace
}  // namespace cj::explore::model_test
