// The POSIX semaphore model over every schedule: it counts (at most its value of threads pass
// at once), sem_trywait at 0 fails with EAGAIN, and sem_timedwait times out in virtual time.
#include <gtest/gtest.h>
#include <sched.h>
#include <semaphore.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "toy_exploration.hpp"

namespace cj::explore::model_test {
namespace {

using Endings = std::vector<std::string>;

struct ThreeThroughTwo {
  sem_t sem;
  int inside = 0, most_inside = 0;
  ThreeThroughTwo() { sem_init(&sem, 0, 2); }
  void run(int) {
    sem_wait(&sem);
    most_inside = std::max(most_inside, ++inside);
    sched_yield();
    --inside;
    sem_post(&sem);
  }
  std::string result() const { return "at most " + std::to_string(most_inside) + " inside"; }
};

TEST(SemaphoreModel, AtMostItsValueOfThreadsPassAtOnce) {
  const Exploration e = explore_every_schedule<ThreeThroughTwo>(3);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"at most 1 inside", "at most 2 inside"}));
}

struct TrywaitAtZero {
  sem_t sem;
  int rc = 0, error = 0;
  TrywaitAtZero() { sem_init(&sem, 0, 0); }
  void run(int) {
    rc = sem_trywait(&sem);
    error = errno;
  }
  std::string result() const {
    return rc == -1 && error == EAGAIN ? "EAGAIN" : "rc " + std::to_string(rc);
  }
};

TEST(SemaphoreModel, TrywaitAtZeroFailsWithEagain) {
  const Exploration e = explore_every_schedule<TrywaitAtZero>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"EAGAIN"}));
}

// Actor 1 posts once; actor 0 trywaits first, then waits: it gets the post whichever runs first.
struct PostThenWait {
  sem_t sem;
  int tried = 0, waited = -1;
  PostThenWait() { sem_init(&sem, 0, 0); }
  void run(int actor) {
    if (actor == 1) {
      sem_post(&sem);
      return;
    }
    tried = sem_trywait(&sem);
    if (tried != 0) waited = sem_wait(&sem);
  }
  std::string result() const {
    return tried == 0 ? "trywait got it" : waited == 0 ? "wait got it" : "lost";
  }
};

TEST(SemaphoreModel, APostIsTakenByTrywaitOrByTheWaitAfterIt) {
  const Exploration e = explore_every_schedule<PostThenWait>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"trywait got it", "wait got it"}));
}

struct TimedWaitAtZero {
  sem_t sem;
  int rc = 0, error = 0;
  long long waited_ms = -1;
  TimedWaitAtZero() { sem_init(&sem, 0, 0); }
  void run(int) {
    const long long start = now_ns(CLOCK_REALTIME);  // virtual time
    const timespec abstime = deadline_after(start, 250000000LL);
    rc = sem_timedwait(&sem, &abstime);
    error = errno;
    waited_ms = (now_ns(CLOCK_REALTIME) - start) / 1000000;
  }
  std::string result() const {
    return std::string(rc == -1 && error == ETIMEDOUT ? "ETIMEDOUT" : "not timed out") + " after " +
           std::to_string(waited_ms) + " ms";
  }
};

TEST(SemaphoreModel, ATimedWaitTimesOutInVirtualTime) {
  const Exploration e = explore_every_schedule<TimedWaitAtZero>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.schedules, 1);
  EXPECT_EQ(e.kinds(), (Endings{"ETIMEDOUT after 250 ms"}));
}

}  // namespace
}  // namespace cj::explore::model_test
