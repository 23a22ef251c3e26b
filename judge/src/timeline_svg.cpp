#include "timeline_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cj/verdict.hpp"

namespace cj {
namespace {

using nlohmann::json;

constexpr int kLabelW = 200;  // lane names
constexpr int kCol = 26;      // one step
constexpr int kLaneH = 48;
constexpr int kTop = 40;         // the axis and the end's title
constexpr int kEndW = 380;       // the end's annotation
constexpr int kMinWidth = 1010;  // the legend's
constexpr int kLegendH = 64;
constexpr int kBarH = 18;

int num(const json& j, const char* key, int fallback = -1) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string shortened(const std::string& s, std::size_t n) {
  return s.size() <= n ? s : s.substr(0, n - 1) + "…";
}

/// Fill colour of a blocked span, by what the thread waits on.
const char* wait_colour(const std::string& kind) {
  if (kind == "mutex") return "#f3b0a8";
  if (kind == "cond") return "#a9c9f5";
  if (kind == "futex") return "#cdb5f2";
  if (kind == "sem") return "#f5cf8e";
  if (kind == "join" || kind == "once") return "#c9ced4";
  if (kind == "rwlock") return "#f0a5c8";
  if (kind == "sleep") return "#e6e3a1";
  return "#d0d7de";
}

const char* wait_words(const std::string& kind) {
  if (kind == "mutex") return "waits for a mutex";
  if (kind == "cond") return "waits on a condition variable";
  if (kind == "futex") return "sleeps on an atomic / semaphore / latch / future";
  if (kind == "sem") return "waits on a semaphore";
  if (kind == "join") return "waits to join a thread";
  if (kind == "once") return "waits for call_once";
  if (kind == "rwlock") return "waits for a shared mutex";
  if (kind == "sleep") return "sleeps";
  return "blocked";
}

bool is_notify(const std::string& op) {
  return op == "signal" || op == "broadcast" || op == "futex_wake" || op == "sem_post";
}

/// A notify that woke nobody: the classic lost wakeup, worth a mark of its own.
bool is_lost_notify(const json& s) {
  const std::string op = str(s, "op");
  const auto arg = s.value("arg", std::int64_t{0});
  return (op == "signal" && arg < 0) || ((op == "broadcast" || op == "futex_wake") && arg == 0);
}

class Drawing {
 public:
  explicit Drawing(const json& t) : t_(t) {
    const json& threads = t_["threads"];
    for (std::size_t k = 0; k < threads.size(); ++k) lane_of_[num(threads[k], "id")] = int(k);
    lanes_ = static_cast<int>(threads.size());
    cols_ = std::max<int>(1, static_cast<int>(t_["steps"].size()));
    for (const auto& o : t_.value("objects", json::array())) {
      const std::string name = str(o, "name");
      objects_[num(o, "id")] = name.empty() ? str(o, "label") : name + " (" + str(o, "label") + ")";
    }
    for (const auto& c : t_["end"].value("cycle", json::array())) cycle_.insert(c.get<int>());
  }

  std::string draw() {
    const int width = std::max(kMinWidth, kLabelW + cols_ * kCol + kEndW);
    const int height = kTop + lanes_ * kLaneH + kLegendH;
    out_ += fmt::format(
        "<svg class=\"cj-timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" "
        "height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"system-ui,sans-serif\" "
        "font-size=\"12\" role=\"img\" aria-label=\"timeline of the failing schedule\">\n",
        width, height, width, height);
    defs();
    lanes();
    axis();
    spans();
    wakes();
    steps();
    ending();
    legend(kTop + lanes_ * kLaneH + 18);
    out_ += "</svg>\n";
    return out_;
  }

 private:
  int x(int pos) const { return kLabelW + pos * kCol + kCol / 2; }
  int y(int thread) const {
    auto it = lane_of_.find(thread);
    const int lane = it == lane_of_.end() ? 0 : it->second;
    return kTop + lane * kLaneH + kLaneH / 2;
  }
  int end_x() const { return kLabelW + cols_ * kCol + 8; }
  /// An object's short name: "C2" for "condition variable C2", or its member name.
  std::string short_object(int id) const {
    const std::string o = object(id);
    const auto paren = o.find(" (");
    if (paren != std::string::npos) return o.substr(0, paren);
    const auto space = o.rfind(' ');
    return space == std::string::npos ? o : o.substr(space + 1);
  }
  std::string object(int id) const {
    auto it = objects_.find(id);
    return it == objects_.end() ? "" : it->second;
  }
  std::string thread_name(int id) const {
    for (const auto& th : t_["threads"])
      if (num(th, "id") == id) return str(th, "name");
    return "?";
  }

  void defs() {
    out_ +=
        "<defs>\n"
        "<marker id=\"cj-arrow-notify\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
        "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 "
        "5L0 10z\" fill=\"#1a7f37\"/></marker>\n"
        "<marker id=\"cj-arrow-handoff\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
        "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 "
        "5L0 10z\" fill=\"#8c959f\"/></marker>\n"
        "<marker id=\"cj-arrow-cycle\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
        "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 "
        "5L0 10z\" fill=\"#cf222e\"/></marker>\n"
        "</defs>\n";
  }

  void lanes() {
    const json& threads = t_["threads"];
    // Where each thread's life starts and ends on the axis.
    std::map<int, int> first, last;
    for (const auto& s : t_["steps"]) {
      const int th = num(s, "thread");
      const int i = num(s, "i");
      if (!first.count(th)) first[th] = i;
      last[th] = i;
    }
    for (std::size_t k = 0; k < threads.size(); ++k) {
      const json& th = threads[k];
      const int id = num(th, "id");
      const bool in_cycle = cycle_.count(id) > 0;
      const int top = kTop + static_cast<int>(k) * kLaneH;
      const std::string name = str(th, "name");
      out_ +=
          fmt::format("<g class=\"lane{}\" data-thread=\"{}\">\n", in_cycle ? " cycle" : "", id);
      out_ += fmt::format("<rect x=\"0\" y=\"{}\" width=\"100%\" height=\"{}\" fill=\"{}\"/>\n",
                          top, kLaneH, in_cycle ? "#ffebe9" : (k % 2 ? "#f6f8fa" : "#ffffff"));
      out_ += fmt::format(
          "<text x=\"8\" y=\"{}\" font-weight=\"600\" fill=\"{}\"><title>{}</title>{}</text>\n",
          top + kLaneH / 2 + 4, in_cycle ? "#cf222e" : "#1f2328", html_escape(name),
          html_escape(shortened(name, 28)));
      if (first.count(id)) {
        const bool finished = th.value("finished", false);
        const int from = x(first[id]);
        const int to = finished ? x(last[id]) : end_x();
        out_ += fmt::format(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8c959f\" "
            "stroke-width=\"2\"/>\n",
            from, y(id), to, y(id));
      }
      out_ += "</g>\n";
    }
  }

  void axis() {
    out_ += fmt::format("<text x=\"8\" y=\"{}\" fill=\"#656d76\">step →</text>\n", kTop - 10);
    for (int i = 0; i < cols_; i += 5)
      out_ += fmt::format(
          "<text x=\"{}\" y=\"{}\" fill=\"#656d76\" font-size=\"10\" "
          "text-anchor=\"middle\">{}</text>\n",
          x(i), kTop - 10, i + 1);
    const int gap = num(t_, "gap_at");
    const int left_out = num(t_, "left_out", 0);
    if (gap >= 0 && left_out > 0) {
      const int gx = x(gap) - kCol / 2;
      out_ += fmt::format(
          "<line class=\"gap\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#656d76\" "
          "stroke-dasharray=\"2 4\"><title>{} events left out here</title></line>\n",
          gx, kTop - 4, gx, kTop + lanes_ * kLaneH, left_out);
      out_ += fmt::format(
          "<text x=\"{}\" y=\"{}\" fill=\"#656d76\" font-size=\"10\">… {} left out</text>\n",
          gx + 3, kTop - 22, left_out);
    }
  }

  void spans() {
    for (const auto& b : t_.value("blocked", json::array())) {
      const int th = num(b, "thread");
      const int from = num(b, "from");
      const bool open = !b.value("to", json()).is_number();
      const int x1 = x(from);
      const int x2 = open ? end_x() : x(num(b, "to"));
      const std::string kind = str(b, "kind");
      const std::string on = kind == "join"    ? thread_name(num(b, "object"))
                             : kind == "sleep" ? std::string()
                                               : object(num(b, "object"));
      const std::string title =
          fmt::format("{} {}{} from step {} {}", thread_name(th), wait_words(kind),
                      on.empty() ? "" : " (" + on + ")", from + 1,
                      open ? "until the end: never woken" : fmt::format("to {}", num(b, "to") + 1));
      out_ += fmt::format(
          "<rect class=\"blocked {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" "
          "fill=\"{}\" stroke=\"{}\"{}><title>{}</title></rect>\n",
          kind, x1, y(th) - kBarH / 2, std::max(2, x2 - x1), kBarH, wait_colour(kind),
          open ? "#cf222e" : "none", open ? " stroke-dasharray=\"3 2\"" : "", html_escape(title));
      if (x2 - x1 > 70 && !on.empty())
        out_ += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#1f2328\" "
            "pointer-events=\"none\">{}</text>\n",
            x1 + 8, y(th) + 4, html_escape(shortened(on, std::size_t((x2 - x1 - 12) / 6))));
    }
  }

  void wakes() {
    for (const auto& w : t_.value("wakes", json::array())) {
      const int from = num(w, "from"), to = num(w, "to");
      const int a = num(w, "notifier"), b = num(w, "waiter");
      const std::string kind = str(w, "kind");
      const bool notify = kind == "notify" || kind == "post";
      const int x1 = x(from), y1 = y(a), x2 = x(to), y2 = y(b) + (y(b) > y1 ? -6 : 6);
      const int mid = (x1 + x2) / 2;
      const std::string what = notify ? (kind == "post" ? "post lets " : "notify wakes ")
                               : kind == "unlock" ? "unlock lets "
                               : kind == "join"   ? "return lets "
                                                  : "call_once lets ";
      out_ += fmt::format(
          "<path class=\"wake {}\" d=\"M{} {} C{} {} {} {} {} {}\" fill=\"none\" stroke=\"{}\" "
          "stroke-width=\"{}\"{} marker-end=\"url(#cj-arrow-{})\"><title>{}'s {}{} go on{}</title>"
          "</path>\n",
          kind, x1, y1, mid, y1, mid, y2, x2, y2, notify ? "#1a7f37" : "#8c959f",
          notify ? "1.8" : "1.2", notify ? "" : " stroke-dasharray=\"4 3\"",
          notify ? "notify" : "handoff", html_escape(thread_name(a)), what,
          html_escape(thread_name(b)),
          object(num(w, "object")).empty() ? ""
                                           : " (" + html_escape(object(num(w, "object"))) + ")");
    }
  }

  void steps() {
    for (const auto& s : t_["steps"]) {
      const int th = num(s, "thread");
      const int i = num(s, "i");
      const std::string op = str(s, "op");
      std::string title = str(s, "text");
      const int line = num(s, "line", 0);
      if (line > 0) title += fmt::format(" (line {})", line);
      title = fmt::format("step {}: {}", i + 1, title);
      if (th < 0) {  // virtual time moving on: every thread waits
        out_ += fmt::format(
            "<line class=\"step time\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#bf8700\" "
            "stroke-dasharray=\"1 3\"><title>{}</title></line>\n",
            x(i), kTop, x(i), kTop + lanes_ * kLaneH, html_escape(title));
        continue;
      }
      const int cx = x(i), cy = y(th);
      std::string mark;
      if (op == "callback") {
        mark = fmt::format(
            "<path d=\"M{} {}l6 6l-6 6l-6 -6z\" fill=\"#fb8f44\" stroke=\"#bc4c00\"/>", cx, cy - 6);
      } else if (is_lost_notify(s)) {
        mark = fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#fff\" stroke=\"#cf222e\" "
            "stroke-width=\"2\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#cf222e\" "
            "text-anchor=\"middle\">lost {}</text>",
            cx, cy, cx, cy - 12, html_escape(short_object(num(s, "object"))));
      } else if (is_notify(op)) {
        mark = fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#1a7f37\"/>", cx, cy);
      } else if (op == "lock" || op == "rd_lock" || op == "wr_lock" || op == "sem_wait") {
        mark = fmt::format("<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"#24292f\"/>",
                           cx - 4, cy - 4);
      } else if (op == "unlock" || op == "rw_unlock") {
        mark = fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#24292f\"/>",
            cx - 4, cy - 4);
      } else if (op == "start" || op == "finish") {
        mark = fmt::format(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#24292f\" stroke-width=\"3\"/>",
            cx, cy - 9, cx, cy + 9);
      } else if (op == "cond_spurious") {
        mark = fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#8250df\"/>", cx, cy);
      } else {
        mark = fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#57606a\" stroke=\"#fff\"/>", cx, cy);
      }
      out_ += fmt::format("<g class=\"step {}\" data-thread=\"{}\"><title>{}</title>{}", op, th,
                          html_escape(title), mark);
      if (line > 0)
        out_ += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#656d76\" "
            "text-anchor=\"middle\">{}</text>",
            cx, cy + 19, line);
      out_ += "</g>\n";
    }
  }

  void ending() {
    const json& end = t_["end"];
    const std::string verdict = str(end, "verdict");
    const bool deadlock = Verdict::parse(verdict) == Verdict::deadlock;
    const std::string reason = str(end, "reason");
    const int ex = end_x();
    out_ += fmt::format(
        "<g class=\"end {}\"><title>{}</title><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
        "stroke=\"#cf222e\" stroke-width=\"2\"/><text x=\"{}\" y=\"{}\" fill=\"#cf222e\" "
        "font-weight=\"700\">{}</text></g>\n",
        html_escape(verdict), html_escape(reason), ex, kTop - 4, ex, kTop + lanes_ * kLaneH, ex + 6,
        kTop - 10,
        html_escape(deadlock && !cycle_.empty() ? "deadlock: a wait-for cycle" : verdict));
    // Who waits for whom at the end: arrows from each waiter to the thread it needs.
    int slot = 0;
    for (const auto& w : end.value("waits", json::array())) {
      const int th = num(w, "thread");
      const std::string on = object(num(w, "object"));
      if (!w.value("holder", json()).is_number()) {
        out_ += fmt::format(
            "<text class=\"waits\" x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#cf222e\">waits on "
            "{}{}</text>\n",
            ex + 10, y(th) + 4, html_escape(shortened(on, 24)), on.empty() ? "" : ", nobody left");
        continue;
      }
      const int holder = num(w, "holder");
      const bool in_cycle = cycle_.count(th) && cycle_.count(holder);
      const int ax = ex + 24 + (slot++ % 4) * 18;
      const int y1 = y(th), y2 = y(holder) + (y(holder) > y1 ? -8 : 8);
      out_ += fmt::format(
          "<path class=\"waits-for{}\" d=\"M{} {} C{} {} {} {} {} {}\" fill=\"none\" stroke=\"{}\" "
          "stroke-width=\"2\" marker-end=\"url(#cj-arrow-{})\"><title>{} waits for {}{}</title>"
          "</path>\n",
          in_cycle ? " cycle" : "", ex, y1, ax + 40, y1, ax + 40, y2, ex + 4, y2,
          in_cycle ? "#cf222e" : "#8c959f", in_cycle ? "cycle" : "handoff",
          html_escape(thread_name(th)), html_escape(thread_name(holder)),
          on.empty() ? "" : " (" + html_escape(on) + ")");
      // The waiter is named here too: a long schedule opens scrolled to its end, away from the
      // lane names.
      out_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#cf222e\">{}{}</text>\n",
                          ax + 46, y1 + 4, html_escape(shortened(thread_name(th), 18)),
                          on.empty() ? "" : ": " + html_escape(shortened(on, 20)));
    }
    if (!deadlock) {
      out_ += fmt::format(
          "<text class=\"violated\" x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#cf222e\">"
          "<title>{}</title>{}</text>\n",
          ex + 6, kTop + 14, html_escape(reason), html_escape(shortened(reason, 34)));
    }
  }

  void legend(int top) {
    struct Item {
      const char* colour;
      const char* words;
    };
    const Item spans[] = {{"#f3b0a8", "waits for a mutex"}, {"#a9c9f5", "condition variable"},
                          {"#cdb5f2", "atomic/futex"},      {"#f5cf8e", "semaphore"},
                          {"#c9ced4", "join / call_once"},  {"#e6e3a1", "sleep"}};
    int lx = 8;
    for (const auto& it : spans) {
      out_ += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"10\" rx=\"2\" fill=\"{}\"/><text "
          "x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#57606a\">{}</text>\n",
          lx, top, it.colour, lx + 22, top + 9, it.words);
      lx += 40 + static_cast<int>(std::string(it.words).size()) * 6;
    }
    const int y2 = top + 24;
    out_ += fmt::format(
        "<g font-size=\"11\" fill=\"#57606a\">"
        "<rect x=\"8\" y=\"{0}\" width=\"8\" height=\"8\" fill=\"#24292f\"/><text x=\"20\" "
        "y=\"{1}\">lock</text>"
        "<rect x=\"58\" y=\"{0}\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#24292f\"/>"
        "<text x=\"70\" y=\"{1}\">unlock</text>"
        "<circle cx=\"124\" cy=\"{2}\" r=\"5\" fill=\"#1a7f37\"/><text x=\"134\" "
        "y=\"{1}\">notify / post</text>"
        "<circle cx=\"230\" cy=\"{2}\" r=\"5\" fill=\"#fff\" stroke=\"#cf222e\" "
        "stroke-width=\"2\"/><text x=\"240\" y=\"{1}\">notify nobody heard</text>"
        "<path d=\"M370 {3}l6 6l-6 6l-6 -6z\" fill=\"#fb8f44\"/><text x=\"382\" "
        "y=\"{1}\">callback (print, fork, ...)</text>"
        "<line x1=\"540\" y1=\"{2}\" x2=\"570\" y2=\"{2}\" stroke=\"#1a7f37\" stroke-width=\"2\" "
        "marker-end=\"url(#cj-arrow-notify)\"/><text x=\"576\" y=\"{1}\">woke</text>"
        "<line x1=\"616\" y1=\"{2}\" x2=\"646\" y2=\"{2}\" stroke=\"#8c959f\" "
        "stroke-dasharray=\"4 3\" marker-end=\"url(#cj-arrow-handoff)\"/><text x=\"652\" "
        "y=\"{1}\">let go on (unlock, return)</text>"
        "<line x1=\"812\" y1=\"{2}\" x2=\"842\" y2=\"{2}\" stroke=\"#cf222e\" stroke-width=\"2\" "
        "marker-end=\"url(#cj-arrow-cycle)\"/><text x=\"848\" y=\"{1}\">waits for (at the "
        "end)</text></g>\n",
        y2 - 4, y2 + 4, y2, y2 - 6);
  }

  const json& t_;
  std::map<int, int> lane_of_;
  std::map<int, std::string> objects_;
  std::set<int> cycle_;
  int lanes_ = 0;
  int cols_ = 1;
  std::string out_;
};

}  // namespace

std::string timeline_svg(const json& timeline) {
  if (!timeline.is_object() || !timeline.contains("threads") || !timeline["threads"].is_array() ||
      !timeline.contains("steps") || !timeline["steps"].is_array() || !timeline.contains("end") ||
      !timeline["end"].is_object())
    return "";
  try {
    return Drawing(timeline).draw();
  } catch (const json::exception&) {
    return "";  // a malformed timeline is not worth failing a report for
  }
}

}  // namespace cj
