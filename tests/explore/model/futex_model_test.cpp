// The futex word model over every schedule: FUTEX_WAIT returns EAGAIN at once when the word
// differs from the value it expects, and FUTEX_WAKE with n wakes at most n waiters and says how
// many it woke.
#include <gtest/gtest.h>
#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <string>

#include "toy_exploration.hpp"

namespace cj::explore::model_test {
namespace {

using Endings = std::vector<std::string>;

long futex(int* word, int op, int value) {
  return syscall(SYS_futex, word, op, value, nullptr, nullptr, 0);
}

struct WaitOnAChangedWord {
  int word = 1;
  long rc = 0;
  int error = 0;
  void run(int) {
    rc = futex(&word, FUTEX_WAIT_PRIVATE, 0);  // expects 0, the word holds 1
    error = errno;
  }
  std::string result() const {
    return rc == -1 && error == EAGAIN ? "EAGAIN" : "rc " + std::to_string(rc);
  }
};

TEST(FutexModel, WaitReturnsEagainWhenTheWordDiffers) {
  const Exploration e = explore_every_schedule<WaitOnAChangedWord>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"EAGAIN"}));
}

// Actors 0-2 wait on the word; actor 3 yields until all three wait, wakes kWake of them, yields
// until those returned (every other runnable thread runs first), notes who had returned, then
// wakes the rest so that no schedule stalls.
template <int kWake>
struct ThreeWaiters {
  int word = 0;
  int waiting = 0, woke = 0, first = -1, woke_by_first_wake = -1;
  long woken = -1;
  void run(int actor) {
    if (actor < 3) {
      ++waiting;
      futex(&word, FUTEX_WAIT_PRIVATE, 0);
      if (woke++ == 0) first = actor;
      return;
    }
    while (waiting < 3) sched_yield();
    woken = futex(&word, FUTEX_WAKE_PRIVATE, kWake);
    while (woke < woken) sched_yield();
    sched_yield();  // a waiter woken beyond the count would return here
    woke_by_first_wake = woke;
    futex(&word, FUTEX_WAKE_PRIVATE, INT_MAX);
  }
  std::string result() const {
    return "wake said " + std::to_string(woken) + ", " + std::to_string(woke_by_first_wake) +
           " returned, actor " + std::to_string(first) + " first";
  }
};

// Bound 0: no preemption between a waiter's count and its wait, so all three are waiting when
// the wake comes.
TEST(FutexModel, WakeTwoWakesTwoOfThreeWaiters) {
  const Exploration e = explore_every_schedule<ThreeWaiters<2>>(4, 0);
  EXPECT_TRUE(e.exhausted);
  for (const std::string& ending : e.kinds())
    EXPECT_EQ(ending.rfind("wake said 2, 2 returned", 0), 0u) << ending;
}

TEST(FutexModel, WakeOneWakesOneAndTheSearchTriesEachWaiter) {
  const Exploration e = explore_every_schedule<ThreeWaiters<1>>(4, 0);
  EXPECT_TRUE(e.exhausted);
  // Which waiter a wake picks is the strategy's choice: each of the three is tried.
  EXPECT_EQ(e.kinds(), (Endings{"wake said 1, 1 returned, actor 0 first",
                                "wake said 1, 1 returned, actor 1 first",
                                "wake said 1, 1 returned, actor 2 first"}));
}

// The waker's spins give way at every turn, and three woken waiters returning in every order
// make this tree too deep to exhaust in a unit test: its first 20,000 schedules are checked.
TEST(FutexModel, WakeAllWakesOnlyTheWaitersThereAre) {
  const Exploration e = explore_every_schedule<ThreeWaiters<INT_MAX>>(4, 0, 20000);
  EXPECT_EQ(e.schedules, 20000);
  for (const std::string& ending : e.kinds())
    EXPECT_EQ(ending.rfind("wake said 3, 3 returned", 0), 0u) << ending;
}

}  // namespace
}  // namespace cj::explore::model_test
