#include "watch.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <sys/inotify.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "hints.hpp"
#include "judge.hpp"
#include "progress.hpp"
#include "report.hpp"

namespace cj {
namespace {

using Clock = std::chrono::steady_clock;

/// Non-canonical, no-echo input while watching, restored on every way out.
class RawTerminal {
 public:
  RawTerminal() {
    if (!isatty(0) || tcgetattr(0, &saved_) != 0) return;
    termios raw = saved_;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    active_ = tcsetattr(0, TCSANOW, &raw) == 0;
  }
  ~RawTerminal() {
    if (active_) tcsetattr(0, TCSANOW, &saved_);
  }
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string clock_text(double seconds) {
  const int total = std::max(0, static_cast<int>(seconds + 0.5));
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

class Watch {
 public:
  Watch(const ProblemInfo& problem, const WatchOptions& options, std::ostream& out)
      : problem_(problem),
        options_(options),
        out_(out),
        hints_(load_hints(problem.hints())),
        color_(isatty(1)),
        started_(Clock::now()) {}

  int run() {
    namespace fs = std::filesystem;
    const fs::path file = fs::absolute(options_.file);
    if (!fs::exists(file)) {
      std::ostringstream note;
      if (cmd_new(problem_, options_.file, note) != 0) return 2;
      status_ = "wrote the stub to " + options_.file + "; edit it and save to judge it";
    }
    const int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (in < 0 || inotify_add_watch(in, file.parent_path().c_str(),
                                    IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE) < 0) {
      std::cerr << "cj watch: cannot watch " << file.parent_path() << "\n";
      return 3;
    }
    RawTerminal raw;
    if (status_.empty()) start_judging(file);
    render();
    bool input_open = true;
    bool save_pending = false;
    Clock::time_point save_seen{};
    for (;;) {
      pollfd fds[2] = {{in, POLLIN, 0}, {0, POLLIN, 0}};
      const int n = poll(fds, input_open ? 2 : 1, 200);
      if (n < 0 && errno != EINTR) break;
      if (n > 0 && (fds[0].revents & POLLIN) && saved(in, file.filename().string())) {
        save_pending = true;
        save_seen = Clock::now();
      }
      if (input_open && n > 0 && (fds[1].revents & (POLLIN | POLLHUP))) {
        char c = 0;
        if (::read(0, &c, 1) <= 0) {
          input_open = false;  // no keyboard (a pipe that ended): keep watching until killed
        } else if (c == 'q' || c == 'Q') {
          break;
        } else if ((c == 'h' || c == 'H') && shown_hints_ < hints_.size()) {
          ++shown_hints_;
          render();
        }
      }
      // Editors write a file in several steps: judge once it has been quiet for a moment.
      if (save_pending && Clock::now() - save_seen > std::chrono::milliseconds(150)) {
        save_pending = false;
        if (judging_.valid())
          pending_ = true;
        else
          start_judging(file);
        render();
      }
      if (judging_.valid() &&
          judging_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        finish_judging();
        if (pending_) {
          pending_ = false;
          start_judging(file);
        }
        render();
      } else if (options_.interview_minutes) {
        const int left = static_cast<int>(seconds_left());
        if (left != last_left_) render();
      }
    }
    if (judging_.valid()) judging_.wait();
    close(in);
    out_ << "\n";
    return 0;
  }

 private:
  /// Drains inotify events; true when one of them is about our file.
  static bool saved(int in, const std::string& name) {
    alignas(inotify_event) char buf[4096];
    bool ours = false;
    for (;;) {
      const ssize_t len = ::read(in, buf, sizeof buf);
      if (len <= 0) break;
      for (char* p = buf; p < buf + len;) {
        auto* e = reinterpret_cast<inotify_event*>(p);
        if (e->len && name == e->name) ours = true;
        p += sizeof(inotify_event) + e->len;
      }
    }
    return ours;
  }

  void start_judging(const std::filesystem::path& file) {
    const std::string text = file_text(file);
    if (have_result_ && text == judged_text_) return;  // saved without a change
    judged_text_ = text;
    JudgeRequest req;
    req.problem = problem_;
    req.submission = file;
    req.shown_as = options_.file;
    req.budget_s = options_.budget_s;
    req.mode = options_.mode;
    status_ = "judging " + options_.file + " ...";
    judging_ = std::async(std::launch::async, [req] { return judge_submission(req); });
  }

  void finish_judging() {
    result_ = judging_.get();
    have_result_ = true;
    ++judged_;
    const bool ok = result_.verdict == Verdict::accepted;
    const double session_s = std::chrono::duration<double>(Clock::now() - started_).count();
    ProgressStore::open_default().record(problem_.slug, ok,
                                         ok ? std::optional<double>(session_s) : std::nullopt);
    status_ =
        fmt::format("judged {} time{} (save again to re-judge)", judged_, judged_ == 1 ? "" : "s");
  }

  double seconds_left() const {
    const double spent = std::chrono::duration<double>(Clock::now() - started_).count();
    return *options_.interview_minutes * 60 - spent;
  }

  void render() {
    std::ostringstream s;
    s << "\033[H\033[2J";
    const std::string title =
        problem_.number ? fmt::format("{} {}", problem_.number, problem_.title) : problem_.title;
    s << fmt::format("cj watch: {}  ({})", title, options_.file);
    if (options_.interview_minutes) {
      const double left = seconds_left();
      last_left_ = static_cast<int>(left);
      s << (left > 0 ? fmt::format("   interview: {} left", clock_text(left))
                     : std::string("   interview: time is up"));
    }
    s << "\n" << status_ << "\n\n";
    if (have_result_) print_human(s, result_, color_);
    for (std::size_t k = 0; k < shown_hints_; ++k)
      s << fmt::format("\nHint {} of {}:\n{}\n", k + 1, hints_.size(), hints_[k]);
    s << "\n"
      << (shown_hints_ < hints_.size()
              ? fmt::format("h: hint {} of {}   ", shown_hints_ + 1, hints_.size())
              : std::string(hints_.empty() ? "" : "(every hint shown)   "))
      << "q: quit   save the file to judge it again\n";
    out_ << s.str() << std::flush;
  }

  const ProblemInfo& problem_;
  const WatchOptions& options_;
  std::ostream& out_;
  std::vector<std::string> hints_;
  bool color_;
  Clock::time_point started_;
  std::size_t shown_hints_ = 0;
  std::future<JudgeResult> judging_;
  bool pending_ = false;
  JudgeResult result_;
  bool have_result_ = false;
  std::string judged_text_;
  int judged_ = 0;
  int last_left_ = -1;
  std::string status_;
};

}  // namespace

int cmd_watch(const ProblemInfo& problem, const WatchOptions& options, std::ostream& out) {
  return Watch(problem, options, out).run();
}

}  // namespace cj
