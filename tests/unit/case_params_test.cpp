#include "cj/case_params.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "cj/first_failure.hpp"

namespace cj {
namespace {

TEST(CaseParams, ReadsBackEveryNamedValue) {
  const std::string input = case_input({{"n", 3}, {"rounds", 12}});
  EXPECT_EQ(input, "n = 3, rounds = 12");
  EXPECT_EQ(case_param(input, "n"), 3);
  EXPECT_EQ(case_param(input, "rounds"), 12);
}

TEST(CaseParams, ANameInsideAnotherNameIsNotTakenForIt) {
  const std::string input = case_input({{"writers", 2}, {"readers", 5}, {"rs", 7}});
  EXPECT_EQ(case_param(input, "rs"), 7);
  EXPECT_EQ(case_param(input, "readers"), 5);
}

TEST(CaseParams, AMissingNameIsALogicError) {
  EXPECT_THROW(case_param("n = 1", "rounds"), std::logic_error);
}

TEST(FirstFailure, KeepsTheFirstReportAndItsVerdict) {
  FirstFailure f;
  EXPECT_FALSE(f.get());
  EXPECT_FALSE(f.so_far());
  f.fail("readers were kept out", "not_concurrent");
  f.fail("a later consequence");
  ASSERT_TRUE(f.get());
  EXPECT_EQ(f.get()->verdict, cj::Verdict::not_concurrent);
  EXPECT_EQ(f.get()->reason, "readers were kept out");
  ASSERT_TRUE(f.so_far());
  EXPECT_EQ(f.so_far()->reason, "readers were kept out");
}

}  // namespace
}  // namespace cj
