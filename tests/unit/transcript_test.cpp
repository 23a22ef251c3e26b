#include "cj/transcript.hpp"

#include <gtest/gtest.h>

namespace cj {
// The harness library is linked into submissions, not into this test: the one symbol the
// transcript needs comes from here.
void note_progress() noexcept {}
}  // namespace cj

TEST(Transcript, MatchingPrintsPass) {
  cj::Transcript t(8);
  t.print("first");
  t.print("second");
  EXPECT_FALSE(t.expect({"first", "second"}).has_value());
}

TEST(Transcript, WrongOrderNamesTheFirstDifferingPrint) {
  cj::Transcript t(8);
  t.print("second");
  t.print("first");
  auto f = t.expect({"first", "second"});
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->verdict, cj::Verdict::wrong_answer);
  EXPECT_EQ(f->reason, "the 1st print was \"second\" but \"first\" was expected there");
  EXPECT_EQ(f->expected, "firstsecond");
  EXPECT_EQ(f->got, "secondfirst");
}

TEST(Transcript, MissingPrintIsReported) {
  cj::Transcript t(8);
  t.print("foo");
  auto f = t.expect({"foo", "bar"});
  ASSERT_TRUE(f.has_value());
  EXPECT_NE(f->reason.find("\"bar\" never came"), std::string::npos);
}

TEST(Transcript, ExtraPrintsBeyondCapacityAreCounted) {
  cj::Transcript t(2);
  t.print("a");
  t.print("b");
  t.print("c");
  EXPECT_TRUE(t.overflowed());
  auto f = t.expect({"a", "b"});
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->reason, "3 prints happened but 2 were expected");
}
