// The race detector over every schedule of toy programs (races.hpp): two unordered accesses to
// the same memory, one a write, end the execution as a data race; a mutex, an atomic flag that
// publishes, a thread's creation and its join each order them, so no schedule of those races.
// The toy programs call ThreadSanitizer's entry points directly, as clang's instrumentation of
// a plain build does; this binary is not instrumented.
#include <gtest/gtest.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "explore/call_sites.hpp"
#include "explore/races.hpp"
#include "toy_exploration.hpp"

extern "C" {
void __tsan_read4(void* a);
void __tsan_write4(void* a);
std::int32_t __tsan_atomic32_load(const volatile std::int32_t* a, int mo);
void __tsan_atomic32_store(volatile std::int32_t* a, std::int32_t v, int mo);
}

namespace cj::explore::model_test {
namespace {

constexpr int kSeqCst = 5;

class RaceModel : public ::testing::Test {
 protected:
  void SetUp() override { count_every_site_as_learners(true); }
  void TearDown() override { count_every_site_as_learners(false); }
};

/// How many schedules ended as a data race.
int races(const Exploration& e) {
  int n = 0;
  for (const auto& [ending, count] : e.endings)
    if (ending.rfind("data race", 0) == 0) n += count;
  return n;
}

struct UnguardedWrites {
  int x = 0;
  void run(int actor) {
    __tsan_write4(&x);
    x = actor;
  }
  std::string result() const { return "done"; }
};

struct GuardedWrites {
  std::mutex m;
  int x = 0;
  void run(int actor) {
    std::lock_guard<std::mutex> g(m);
    __tsan_write4(&x);
    x = actor;
  }
  std::string result() const { return "done"; }
};

TEST_F(RaceModel, TwoUnorderedWritesRace) {
  const Exploration e = explore_every_schedule<UnguardedWrites>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(races(e), e.schedules);  // whichever writes second finds the first's write
}

TEST_F(RaceModel, AMutexOrdersThem) {
  const Exploration e = explore_every_schedule<GuardedWrites>(3);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(races(e), 0);
}

// Actor 0 writes the data, then sets the flag; actor 1 reads the data once it sees the flag.
// With the flag atomic no schedule races; with the flag a plain int every schedule in which the
// reader sees it set does.
template <bool kAtomicFlag>
struct Publish {
  int data = 0;
  std::int32_t flag = 0;
  bool read = false;
  void run(int actor) {
    if (actor == 0) {
      __tsan_write4(&data);
      data = 42;
      if (kAtomicFlag) {
        __tsan_atomic32_store(&flag, 1, kSeqCst);
      } else {
        __tsan_write4(&flag);
        flag = 1;
        sched_yield();  // a scheduling point after the plain store
      }
      return;
    }
    std::int32_t seen = 0;
    if (kAtomicFlag) {
      seen = __tsan_atomic32_load(&flag, kSeqCst);
    } else {
      sched_yield();
      __tsan_read4(&flag);
      seen = flag;
    }
    if (seen) {
      __tsan_read4(&data);
      read = data == 42;
    }
  }
  std::string result() const { return read ? "read 42" : "flag not seen"; }
};

TEST_F(RaceModel, AnAtomicFlagPublishes) {
  const Exploration e = explore_every_schedule<Publish<true>>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(races(e), 0);
  EXPECT_EQ(e.kinds(), (std::vector<std::string>{"flag not seen", "read 42"}));
}

TEST_F(RaceModel, APlainFlagRaces) {
  const Exploration e = explore_every_schedule<Publish<false>>(2);
  EXPECT_TRUE(e.exhausted);
  EXPECT_GT(races(e), 0);
}

// The parent writes, starts a child that writes, joins it and writes again: create and join
// order all three.
struct CreateAndJoin {
  int x = 0;
  void run(int) {
    __tsan_write4(&x);
    x = 1;
    std::thread child([this] {
      __tsan_write4(&x);
      x = 2;
    });
    child.join();
    __tsan_write4(&x);
    x = 3;
  }
  std::string result() const { return std::to_string(x); }
};

TEST_F(RaceModel, CreateAndJoinOrder) {
  const Exploration e = explore_every_schedule<CreateAndJoin>(1);
  EXPECT_TRUE(e.exhausted);
  EXPECT_EQ(e.kinds(), (std::vector<std::string>{"3"}));
}

// The detector alone: what a thread did before releasing a lock is seen by the next holder;
// memory given back is forgotten.
TEST(RaceDetector, ReleaseAcquireOrdersAndForgetForgets) {
  RaceDetector d;
  d.reset(true);
  d.create(-1, 0);
  d.create(-1, 1);
  const std::uintptr_t x = 0x1000, lock = 0x2000;
  EXPECT_FALSE(d.access(0, x, 4, true, 1));
  d.release(0, lock);
  d.acquire(1, lock);
  EXPECT_FALSE(d.access(1, x, 4, true, 2));      // ordered by the lock
  EXPECT_FALSE(d.access(0, x + 4, 4, true, 3));  // other bytes of the granule
  d.forget(x, 8);
  EXPECT_FALSE(d.access(0, x, 4, false, 4));  // thread 1's write is forgotten
  EXPECT_TRUE(d.access(1, x, 4, true, 5));    // thread 0's read is not ordered before this
  ASSERT_TRUE(d.race().has_value());
  EXPECT_EQ(d.race()->earlier_thread, 0);
  EXPECT_FALSE(d.race()->earlier_write);
  EXPECT_EQ(d.race()->later_pc, 5u);
}

}  // namespace
}  // namespace cj::explore::model_test
