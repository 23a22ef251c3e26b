// What a line of the learner's file calls the object an operation is on
// (harness/src/explore/source_lines.cpp): the explorer names mutexes and condition variables so.
#include "explore/source_lines.hpp"

#include <gtest/gtest.h>

namespace {

using cj::explore::operand_on;

TEST(SourceLines, LockGuardsNameTheirMutex) {
  EXPECT_EQ(operand_on("        lock_guard<mutex> left(forks[(philosopher + 1) % 5]);", 'm'),
            "forks[(philosopher + 1) % 5]");
  EXPECT_EQ(operand_on("std::unique_lock<std::mutex> lk{m_};", 'm'), "m_");
  EXPECT_EQ(operand_on("unique_lock lk(this->mtx, defer_lock);", 'm'), "mtx");
  EXPECT_EQ(operand_on("scoped_lock one(a);", 'm'), "a");
}

TEST(SourceLines, LockCallsNameTheirObject) {
  EXPECT_EQ(operand_on("forks[i].lock();", 'm'), "forks[i]");
  EXPECT_EQ(operand_on("if (table->locks[k].try_lock()) {", 'm'), "table->locks[k]");
  EXPECT_EQ(operand_on("gate.lock(); // take it", 'm'), "gate");
}

TEST(SourceLines, ConditionVariablesAndSemaphores) {
  EXPECT_EQ(operand_on("firstDone.wait(lock, [this] { return done.load(); });", 'c'), "firstDone");
  EXPECT_EQ(operand_on("cv_.notify_all();", 'c'), "cv_");
  EXPECT_EQ(operand_on("  secondDone.acquire();", 's'), "secondDone");
  EXPECT_EQ(operand_on("flag.wait(false);", 'f'), "flag");
}

TEST(SourceLines, NothingOrTwoNamesNothing) {
  EXPECT_EQ(operand_on("    }", 'm'), "");
  EXPECT_EQ(operand_on("scoped_lock both(a, b);", 'm'), "");
  EXPECT_EQ(operand_on("firstDone.wait(lock);", 'm'), "");  // the re-lock after a wait
  EXPECT_EQ(operand_on("// m.lock();", 'm'), "");
}

}  // namespace
