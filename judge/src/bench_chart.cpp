#include "bench_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "timeline_svg.hpp"

namespace cj {
namespace {

std::string ns_text(double ns) {
  if (ns >= 1e6) return fmt::format("{:.3g} ms", ns / 1e6);
  if (ns >= 1e3) return fmt::format("{:.3g} µs", ns / 1e3);
  return fmt::format("{:.3g} ns", ns);
}

}  // namespace

std::string bench_chart_svg(const std::string& title, const std::vector<ChartGroup>& groups) {
  const int label_w = 260, plot_w = 560, right = 110, bar_h = 18, gap = 6, head = 28;
  double lo = 1e18, hi = 0;
  for (const auto& g : groups)
    for (const auto& b : g.bars) {
      lo = std::min(lo, std::max(1.0, b.min_ns > 0 ? b.min_ns : b.median_ns));
      hi = std::max(hi, std::max(b.max_ns, b.median_ns));
    }
  if (hi <= 0) lo = 1, hi = 10;
  const double lo_decade = std::pow(10.0, std::floor(std::log10(lo)));
  const double hi_decade = std::pow(10.0, std::ceil(std::log10(std::max(hi, lo_decade * 10))));
  auto x = [&](double ns) {
    const double f = (std::log10(std::max(ns, lo_decade)) - std::log10(lo_decade)) /
                     (std::log10(hi_decade) - std::log10(lo_decade));
    return label_w + f * plot_w;
  };
  int height = 50;
  for (const auto& g : groups) height += head + static_cast<int>(g.bars.size()) * (bar_h + gap);
  height += 48;
  const int width = label_w + plot_w + right;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" "
      "fill=\"white\"/>\n<text x=\"12\" y=\"24\" font-size=\"15\" font-weight=\"bold\">{}</text>\n",
      width, height, width, height, html_escape(title));
  // Decade grid lines with their labels along the bottom.
  for (double d = lo_decade; d <= hi_decade * 1.0001; d *= 10) {
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"40\" x2=\"{0:.1f}\" y2=\"{1}\" stroke=\"#ddd\"/>\n<text "
        "x=\"{0:.1f}\" y=\"{2}\" text-anchor=\"middle\" fill=\"#555\">{3}</text>\n",
        x(d), height - 44, height - 30, ns_text(d));
  }
  int y = 50;
  for (const auto& g : groups) {
    svg += fmt::format("<text x=\"12\" y=\"{}\" font-weight=\"bold\">{}</text>\n", y + 14,
                       html_escape(g.title));
    y += head;
    for (const auto& b : g.bars) {
      const char* fill = b.raw ? "#9e9e9e" : "#3f7fbf";
      svg += fmt::format(
          "<g class=\"bar{}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n<rect "
          "x=\"{}\" "
          "y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"><title>{}: median {} (min {}, max "
          "{})</title></rect>\n",
          b.raw ? " raw" : "", label_w - 8, y + bar_h - 5, html_escape(b.label), label_w, y,
          std::max(1.0, x(b.median_ns) - label_w), bar_h, fill, html_escape(b.label),
          ns_text(b.median_ns), ns_text(b.min_ns), ns_text(b.max_ns));
      // The spread over repetitions as a whisker.
      svg += fmt::format(
          "<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#222\"/>\n<text "
          "x=\"{:.1f}\" "
          "y=\"{}\" fill=\"#222\">{}</text></g>\n",
          x(b.min_ns), y + bar_h / 2, x(b.max_ns), y + bar_h / 2,
          std::max(x(b.max_ns), x(b.median_ns)) + 6, y + bar_h - 5, ns_text(b.median_ns));
      y += bar_h + gap;
    }
  }
  svg += fmt::format(
      "<text x=\"{}\" y=\"{}\" fill=\"#555\">time per hand-off, log scale: bar = median, line = "
      "min to max of the repetitions; grey = raw limits</text>\n</svg>\n",
      label_w, height - 10);
  return svg;
}

}  // namespace cj
