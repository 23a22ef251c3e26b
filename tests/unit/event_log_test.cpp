#include "cj/event_log.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

// note_progress() comes from transcript_test.cpp, in the same test executable.

TEST(EventLog, KeepsEventsInTheOrderTheyWereRecorded) {
  cj::EventLog log(8);
  log.record(2, 0);
  log.record(0, 1);
  log.record(1, 0);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].actor, 2);
  EXPECT_EQ(log[1].actor, 0);
  EXPECT_EQ(log[1].what, 1);
  EXPECT_EQ(log[2].actor, 1);
  EXPECT_FALSE(log.overflowed());
}

TEST(EventLog, CountsEachKindEvenBeyondCapacity) {
  cj::EventLog log(2);
  for (int i = 0; i < 5; ++i) log.record(0, i % 2);
  EXPECT_EQ(log.size(), 2u);
  EXPECT_TRUE(log.overflowed());
  EXPECT_EQ(log.count(0), 3);
  EXPECT_EQ(log.count(1), 2);
}

TEST(EventLog, EveryEventOfConcurrentRecordersIsKeptOnce) {
  constexpr int kThreads = 4, kEach = 1000;
  cj::EventLog log(kThreads * kEach);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&log, t] {
      for (int i = 0; i < kEach; ++i) log.record(t, 0);
    });
  for (auto& th : threads) th.join();
  ASSERT_EQ(log.size(), static_cast<std::size_t>(kThreads * kEach));
  std::vector<int> per_thread(kThreads, 0);
  for (std::size_t i = 0; i < log.size(); ++i) ++per_thread[log[i].actor];
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(per_thread[t], kEach);
  EXPECT_EQ(log.count(0), kThreads * kEach);
}
