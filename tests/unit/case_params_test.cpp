#include "cj/case_params.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "cj/first_failure.hpp"

namespace cj {
namespace {

TEST(CaseParams, ShowsTheNamedValuesAndReadsThemBackByTheCasesIndex) {
  NamedCases t;
  t.add({{"n", 3}, {"rounds", 12}}, 3).add({{"n", 5}, {"rounds", 1}}, 5);
  ASSERT_EQ(t.cases().size(), 2u);
  EXPECT_EQ(t.cases()[0].input, "n = 3, rounds = 12");
  EXPECT_EQ(t.cases()[1].index, 1u);
  EXPECT_EQ(t.cases()[1].actors, 5);
  EXPECT_EQ(t.param(t.cases()[0], "rounds"), 12);
  EXPECT_EQ(t.param(t.cases()[1], "n"), 5);
}

TEST(CaseParams, TheTextIsNeverParsedBack) {
  NamedCases t;
  t.add({{"n", 3}}, 3);
  Case edited = t.cases()[0];
  edited.input = "n = 99";  // what a case shows has no say in what it is
  EXPECT_EQ(t.param(edited, "n"), 3);
}

TEST(CaseParams, AMissingNameOrAnUnknownCaseIsALogicError) {
  NamedCases t;
  t.add({{"n", 1}}, 1);
  EXPECT_THROW(t.param(t.cases()[0], "rounds"), std::logic_error);
  Case stranger{"n = 1", 1, {}};
  stranger.index = 7;
  EXPECT_THROW(t.param(stranger, "n"), std::logic_error);
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
