// The one name table of verdicts and of modes, and the errors for names that are none.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

#include "cj/mode.hpp"
#include "cj/verdict.hpp"
#include "judge.hpp"
#include "report.hpp"

TEST(Verdict, EveryNameParsesBackToItsVerdict) {
  std::set<std::string_view> seen;
  for (std::size_t k = 0; k < cj::Verdict::names().size(); ++k) {
    const cj::Verdict v(static_cast<cj::Verdict::Kind>(k));
    EXPECT_TRUE(seen.insert(v.name()).second) << v.name() << " is in the table twice";
    ASSERT_TRUE(cj::Verdict::parse(v.name()).has_value()) << v.name();
    EXPECT_EQ(*cj::Verdict::parse(v.name()), v);
  }
}

TEST(Verdict, TheContractsNamesAreSpeltAsGuideSectionTwoSpellsThem) {
  // GUIDE.md §2: tools outside the code compare these strings.
  for (const char* name :
       {"accepted", "wrong_answer", "deadlock", "livelock", "time_limit", "data_race",
        "runtime_error", "compile_error", "memory_limit", "output_limit", "not_concurrent",
        "leaked_thread", "resource_limit", "internal_error"})
    EXPECT_TRUE(cj::Verdict::parse(name).has_value()) << name;
  EXPECT_EQ(cj::Verdict(cj::Verdict::data_race).name(), "data_race");
  constexpr cj::Verdict literal = "leaked_thread";  // checked when compiling
  EXPECT_EQ(literal, cj::Verdict::leaked_thread);
}

TEST(Verdict, AnUnknownNameIsAnErrorNamingIt) {
  EXPECT_FALSE(cj::Verdict::parse("wrong_anwser").has_value());
  EXPECT_FALSE(cj::Verdict::parse("").has_value());
  EXPECT_FALSE(cj::Verdict::parse("Accepted").has_value());
  try {
    (void)cj::Verdict::from_name("dead_lock", "a label");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("\"dead_lock\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("a label"), std::string::npos) << e.what();
  }
}

TEST(Verdict, ResourceVerdictsAreTheFourAboutWhatTheProgramUsed) {
  int resource = 0;
  for (std::size_t k = 0; k < cj::Verdict::names().size(); ++k)
    resource += cj::Verdict(static_cast<cj::Verdict::Kind>(k)).is_resource();
  EXPECT_EQ(resource, 4);
  EXPECT_TRUE(cj::Verdict(cj::Verdict::memory_limit).is_resource());
  EXPECT_FALSE(cj::Verdict(cj::Verdict::time_limit).is_resource());
}

TEST(Verdict, AResultLineWithAnUnknownVerdictIsAnInternalErrorThatNamesIt) {
  cj::ProcessResult p;
  p.started = true;
  p.exit_code = 0;
  p.result = R"({"verdict":"wrong_anwser","reason":"r"})";
  const auto r = cj::interpret_run(cj::Mode::stress, p, cj::Limits{});
  EXPECT_EQ(r.verdict, cj::Verdict::internal_error);
  EXPECT_NE(r.reason.find("\"wrong_anwser\""), std::string::npos) << r.reason;
}

TEST(Verdict, AResultObjectWithAnUnknownVerdictThrows) {
  EXPECT_EQ(cj::verdict_in({{"verdict", "deadlock"}}), cj::Verdict::deadlock);
  EXPECT_THROW((void)cj::verdict_in({{"verdict", "stuck"}}), std::invalid_argument);
  EXPECT_THROW((void)cj::verdict_in({{"reason", "no verdict at all"}}), std::invalid_argument);
}

TEST(Mode, EveryNameParsesBackOnTheSideThatHasIt) {
  std::set<std::string_view> seen;
  for (const auto& m : cj::mode_names) {
    EXPECT_TRUE(seen.insert(m.name).second) << m.name;
    EXPECT_EQ(cj::mode_name(m.mode), m.name);
    EXPECT_TRUE(m.judge || m.harness) << m.name << " is a mode of nobody";
    EXPECT_EQ(cj::parse_judge_mode(m.name).has_value(), m.judge) << m.name;
    EXPECT_EQ(cj::parse_harness_mode(m.name).has_value(), m.harness) << m.name;
  }
}

TEST(Mode, TheBenchsBaselineIsNoModeOfTheJudge) {
  EXPECT_FALSE(cj::parse_judge_mode("fresh").has_value());
  EXPECT_EQ(cj::parse_harness_mode("fresh"), cj::Mode::fresh);
  for (const auto& name : cj::judge_mode_names()) EXPECT_NE(name, "fresh");
}

TEST(Mode, DefaultAndTsanArePlansOfTheJudgeOnly) {
  EXPECT_EQ(cj::parse_judge_mode("default"), cj::Mode::standard);
  EXPECT_FALSE(cj::parse_harness_mode("default").has_value());
  EXPECT_FALSE(cj::parse_harness_mode("tsan").has_value());
  EXPECT_EQ(cj::harness_mode_of(cj::Mode::tsan), cj::Mode::stress);
  EXPECT_EQ(cj::harness_mode_of(cj::Mode::explore), cj::Mode::explore);
  EXPECT_FALSE(cj::harness_mode_of(cj::Mode::standard).has_value());
}

TEST(Mode, AnUnknownModeIsNone) {
  EXPECT_FALSE(cj::parse_judge_mode("Stress").has_value());
  EXPECT_FALSE(cj::parse_judge_mode("").has_value());
  EXPECT_FALSE(cj::parse_harness_mode("explorer").has_value());
}

TEST(Strategy, KnownNamesWithOrWithoutAScheduleNumberAreAccepted) {
  for (const char* spec : {"random", "pct", "dfs", "random@0", "pct@12345"})
    EXPECT_EQ(cj::strategy_spec_error(spec), "") << spec;
}

TEST(Strategy, AnUnknownNameOrABadNumberIsAnErrorThatSaysWhy) {
  EXPECT_NE(cj::strategy_spec_error("randm").find("unknown strategy \"randm\""), std::string::npos);
  EXPECT_NE(cj::strategy_spec_error("randm").find("random, pct, dfs"), std::string::npos);
  EXPECT_NE(cj::strategy_spec_error(""), "");
  EXPECT_NE(cj::strategy_spec_error("pct@"), "");
  EXPECT_NE(cj::strategy_spec_error("pct@x1"), "");
  EXPECT_NE(cj::strategy_spec_error("@3"), "");
}
