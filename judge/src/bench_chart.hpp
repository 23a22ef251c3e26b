// The SVG bar chart of `cj bench primitives`: one group of horizontal bars per problem, one bar
// per solution and per raw limit, on a log scale of nanoseconds per hand-off.
#pragma once

#include <string>
#include <vector>

namespace cj {

struct ChartBar {
  std::string label;
  double median_ns = 0, min_ns = 0, max_ns = 0;
  bool raw = false;  // a machine limit rather than a solution
};
struct ChartGroup {
  std::string title;
  std::vector<ChartBar> bars;
};

std::string bench_chart_svg(const std::string& title, const std::vector<ChartGroup>& groups);

}  // namespace cj
