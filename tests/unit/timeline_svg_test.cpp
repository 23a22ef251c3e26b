// The timeline picture drawn from the harness's timeline JSON.
#include "timeline_svg.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

/// first() notifies nobody, second() waits forever on the same condition variable.
json lost_wakeup() {
  return json::parse(R"js({
    "threads": [{"id": 0, "name": "first()", "actor": 0, "parent": -1, "finished": true},
                {"id": 1, "name": "second()", "actor": 1, "parent": -1, "finished": false}],
    "objects": [{"id": 0, "kind": "mutex", "label": "mutex M1"},
                {"id": 1, "kind": "condition_variable", "label": "condition variable C1",
                 "name": "firstDone"}],
    "steps": [{"i": 0, "step": 1, "thread": 0, "op": "start", "object": -1, "arg": 0, "text": "first() starts"},
              {"i": 1, "step": 2, "thread": 0, "op": "signal", "object": 1, "arg": -1, "text": "first() notifies one on C1 (nobody waits)", "line": 14},
              {"i": 2, "step": 3, "thread": 0, "op": "finish", "object": -1, "arg": 0, "text": "first() returns"},
              {"i": 3, "step": 4, "thread": 1, "op": "start", "object": -1, "arg": 0, "text": "second() starts"},
              {"i": 4, "step": 5, "thread": 1, "op": "cond_wait", "object": 1, "arg": 0, "text": "second() waits on C1"}],
    "blocked": [{"thread": 1, "from": 4, "to": null, "kind": "cond", "object": 1}],
    "wakes": [],
    "end": {"verdict": "deadlock", "reason": "second() waits on C1 and nobody is left",
            "cycle": [], "waits": [{"thread": 1, "object": 1, "holder": null}]},
    "left_out": 0, "gap_at": -1})js");
}

TEST(TimelineSvg, OneLanePerThreadNamedByItsMethod) {
  const std::string svg = cj::timeline_svg(lost_wakeup());
  EXPECT_EQ(count(svg, "<g class=\"lane"), 2u);
  EXPECT_NE(svg.find(">first()</text>"), std::string::npos);
  EXPECT_NE(svg.find(">second()</text>"), std::string::npos);
}

TEST(TimelineSvg, NotifyNobodyHeardIsMarkedLostWithTheObjectsMemberName) {
  const std::string svg = cj::timeline_svg(lost_wakeup());
  EXPECT_NE(svg.find("lost firstDone"), std::string::npos) << svg;
}

TEST(TimelineSvg, ABlockNeverEndedIsShadedToTheEndAndSaysSo) {
  const std::string svg = cj::timeline_svg(lost_wakeup());
  EXPECT_NE(svg.find("class=\"blocked cond\""), std::string::npos);
  EXPECT_NE(svg.find("never woken"), std::string::npos);
}

TEST(TimelineSvg, StepsShowTheLearnersLineWhenKnown) {
  const std::string svg = cj::timeline_svg(lost_wakeup());
  EXPECT_NE(svg.find("(line 14)"), std::string::npos);
}

TEST(TimelineSvg, WakeArrowsGoFromNotifierToWaiter) {
  json t = lost_wakeup();
  t["wakes"].push_back(
      {{"from", 1}, {"to", 4}, {"notifier", 0}, {"waiter", 1}, {"object", 1}, {"kind", "notify"}});
  const std::string svg = cj::timeline_svg(t);
  EXPECT_EQ(count(svg, "class=\"wake notify\""), 1u);
  EXPECT_NE(svg.find("first()'s notify wakes second()"), std::string::npos);
}

TEST(TimelineSvg, TheDeadlockCycleIsHighlighted) {
  json t = lost_wakeup();
  t["end"]["cycle"] = {0, 1};
  t["end"]["waits"] = json::array({{{"thread", 0}, {"object", 0}, {"holder", 1}},
                                   {{"thread", 1}, {"object", 0}, {"holder", 0}}});
  const std::string svg = cj::timeline_svg(t);
  EXPECT_EQ(count(svg, "<g class=\"lane cycle\""), 2u);
  EXPECT_EQ(count(svg, "class=\"waits-for cycle\""), 2u);
  EXPECT_NE(svg.find("a wait-for cycle"), std::string::npos);
}

TEST(TimelineSvg, AViolatedPropertyIsWrittenAtTheEnd) {
  json t = lost_wakeup();
  t["end"] = {{"verdict", "wrong_answer"},
              {"reason", "third printed before second"},
              {"cycle", json::array()},
              {"waits", json::array()}};
  const std::string svg = cj::timeline_svg(t);
  EXPECT_NE(svg.find("class=\"violated\""), std::string::npos);
  EXPECT_NE(svg.find("third printed before second"), std::string::npos);
}

TEST(TimelineSvg, NamesAreEscaped) {
  json t = lost_wakeup();
  t["threads"][0]["name"] = "a<b>&\"c\"";
  const std::string svg = cj::timeline_svg(t);
  EXPECT_EQ(svg.find("a<b>"), std::string::npos);
  EXPECT_NE(svg.find("a&lt;b&gt;&amp;&quot;c&quot;"), std::string::npos);
}

TEST(TimelineSvg, AMalformedTimelineDrawsNothingRatherThanFailing) {
  EXPECT_EQ(cj::timeline_svg(json::object()), "");
  EXPECT_EQ(cj::timeline_svg(json::parse(R"({"threads": 3, "steps": [], "end": {}})")), "");
  json t = lost_wakeup();
  t["steps"][0]["i"] = "zero";
  EXPECT_NO_THROW(cj::timeline_svg(t));
}

}  // namespace
