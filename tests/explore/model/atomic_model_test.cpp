// The atomic variable model over every schedule: the moment after each atomic operation is a
// scheduling point, so a read and a write made of two atomic operations can be split by another
// thread (a lost update), a single read-modify-write cannot, and a spin loop on an atomic gives
// way to the thread it waits for, also when that thread sleeps. The toy programs call
// ThreadSanitizer's entry points directly, as clang's instrumentation of a plain build does
// (harness/src/explore/tsan_entry_points.cpp); this binary is not instrumented.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "explore/call_sites.hpp"
#include "toy_exploration.hpp"

extern "C" {
std::int32_t __tsan_atomic32_load(const volatile std::int32_t* a, int mo);
void __tsan_atomic32_store(volatile std::int32_t* a, std::int32_t v, int mo);
std::int32_t __tsan_atomic32_fetch_add(volatile std::int32_t* a, std::int32_t v, int mo);
int __tsan_atomic32_compare_exchange_strong(volatile std::int32_t* a, std::int32_t* c,
                                            std::int32_t v, int mo, int fail_mo);
}

namespace cj::explore::model_test {
namespace {

using Endings = std::vector<std::string>;
constexpr int kSeqCst = 5;

/// The toy programs are not in the learner's file: every atomic call site is scheduled.
class AtomicModel : public ::testing::Test {
 protected:
  void SetUp() override { count_every_site_as_learners(true); }
  void TearDown() override { count_every_site_as_learners(false); }
};

struct LoadThenStore {
  std::int32_t counter = 0;
  void run(int) {
    const std::int32_t seen = __tsan_atomic32_load(&counter, kSeqCst);
    __tsan_atomic32_store(&counter, seen + 1, kSeqCst);
  }
  std::string result() const { return std::to_string(counter); }
};

struct FetchAdd {
  std::int32_t counter = 0;
  void run(int) { __tsan_atomic32_fetch_add(&counter, 1, kSeqCst); }
  std::string result() const { return std::to_string(counter); }
};

TEST_F(AtomicModel, AnotherThreadRunsBetweenALoadAndAStore) {
  const Exploration e = explore_every_schedule<LoadThenStore>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"1", "2"}));  // "1": both read 0 before either stored
}

TEST_F(AtomicModel, AReadModifyWriteIsOneStep) {
  const Exploration e = explore_every_schedule<FetchAdd>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"2"}));
}

// Each atomic operation splits its thread into one more step, and an unbounded DFS tries every
// interleaving of the steps: n threads of k steps each have (nk)! / (k!)^n. With one
// read-modify-write per thread (2 steps) that is 4!/(2!2!) = 6 for two threads; with a load and
// a store (3 steps), 6!/(3!3!) = 20 for two and 9!/(3!3!3!) = 1680 for three. Without atomics
// seen (every site outside the learner's file), a thread is one step: n! orders.
TEST_F(AtomicModel, DfsTriesEveryInterleavingOfTheSteps) {
  EXPECT_EQ(explore_every_schedule<FetchAdd>(2, -1).schedules, 6);
  EXPECT_EQ(explore_every_schedule<LoadThenStore>(2, -1).schedules, 20);
  EXPECT_EQ(explore_every_schedule<LoadThenStore>(3, -1).schedules, 1680);
  count_every_site_as_learners(false);
  EXPECT_EQ(explore_every_schedule<FetchAdd>(2, -1).schedules, 2);
  EXPECT_EQ(explore_every_schedule<LoadThenStore>(3, -1).schedules, 6);
}

// The ring buffer's bug in miniature: actor 0 claims slot 0 with an atomic increment and writes
// it afterwards; actor 1 reads the slot once the claim is visible.
struct ClaimThenWrite {
  std::int32_t tail = 0;
  int slot = 0;  // written by the claimer after its claim
  int seen = -1;
  void run(int actor) {
    if (actor == 0) {
      __tsan_atomic32_fetch_add(&tail, 1, kSeqCst);
      slot = 7;
      return;
    }
    if (__tsan_atomic32_load(&tail, kSeqCst) > 0) seen = slot;
  }
  std::string result() const { return "saw " + std::to_string(seen); }
};

TEST_F(AtomicModel, TheWriteAfterAClaimCanBeLate) {
  const Exploration e = explore_every_schedule<ClaimThenWrite>(2);
  EXPECT_TRUE(e.exhausted);
  // -1: no claim yet; 0: claimed, not written yet (the bug); 7: written.
  EXPECT_EQ(e.kinds(), (Endings{"saw -1", "saw 0", "saw 7"}));
}

// Actor 0 spins on a flag that actor 1 sets (after a sleep in the second program): the spinner
// gives way, so every schedule ends, none is a livelock.
template <bool kSleepFirst>
struct SpinOnFlag {
  std::int32_t flag = 0;
  int rounds = 0;
  void run(int actor) {
    if (actor == 0) {
      while (__tsan_atomic32_load(&flag, kSeqCst) == 0) ++rounds;
      return;
    }
    if (kSleepFirst) usleep(1000);
    __tsan_atomic32_store(&flag, 1, kSeqCst);
  }
  std::string result() const { return "done"; }
};

TEST_F(AtomicModel, ASpinOnAnAtomicGivesWay) {
  const Exploration e = explore_every_schedule<SpinOnFlag<false>>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"done"}));
}

TEST_F(AtomicModel, ASpinOnAnAtomicLetsVirtualTimeEndASleep) {
  const Exploration e = explore_every_schedule<SpinOnFlag<true>>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"done"}));
}

// A compare-exchange spin lock around a plain counter: mutual exclusion holds in every
// schedule, and a failed compare-exchange gives way.
struct CasSpinLock {
  std::int32_t locked = 0;
  int counter = 0;
  void run(int) {
    for (;;) {
      std::int32_t expected = 0;
      if (__tsan_atomic32_compare_exchange_strong(&locked, &expected, 1, kSeqCst, kSeqCst)) break;
    }
    const int seen = counter;
    __tsan_atomic32_load(&locked, kSeqCst);  // a scheduling point inside the critical section
    counter = seen + 1;
    __tsan_atomic32_store(&locked, 0, kSeqCst);
  }
  std::string result() const { return std::to_string(counter); }
};

TEST_F(AtomicModel, ACompareExchangeSpinLockExcludes) {
  const Exploration e = explore_every_schedule<CasSpinLock>(3);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (Endings{"3"}));
}

}  // namespace
}  // namespace cj::explore::model_test
