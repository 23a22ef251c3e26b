#include "serve.hpp"

#include <cmark.h>
#include <fmt/format.h>
#include <httplib.h>

#include <chrono>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cj_paths.hpp"
#include "hints.hpp"
#include "html_page.hpp"
#include "judge.hpp"
#include "progress.hpp"
#include "report.hpp"
#include "serve_assets.hpp"
#include "timeline_svg.hpp"

namespace cj {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

long long mtime_ns(const fs::path& p) {
  std::error_code ec;
  const auto t = fs::last_write_time(p, ec);
  if (ec) return 0;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

/// A reference solution: its "why it is correct" header (the leading comment, without the
/// expect line) and its code.
struct Reference {
  std::string name, header, code;
};

std::vector<Reference> references(const ProblemInfo& p) {
  std::vector<Reference> out;
  for (const ShippedSolution& s : shipped_solutions(p)) {
    if (s.expect != "accepted") continue;
    const std::string code = read_text(s.file);
    Reference r{s.file.filename().string(), "", code};
    std::istringstream lines(code);
    std::string line;
    std::getline(lines, line);  // the expect line
    while (std::getline(lines, line) && line.rfind("//", 0) == 0)
      r.header += (line.size() > 3 ? line.substr(3) : std::string()) + "\n";
    out.push_back(std::move(r));
  }
  return out;
}

class Server {
 public:
  Server(const Catalog& catalog, const ServeOptions& options)
      : catalog_(catalog), options_(options) {}

  int run(std::ostream& out) {
    routes();
    // A browser keeps several idle connections open, each holding a worker while it lasts: more
    // workers than a browser's connections, and idle ones let go soon, so a request never queues
    // behind them (a judgement holds its worker for seconds).
    http_.new_task_queue = [] { return new httplib::ThreadPool(16); };
    http_.set_keep_alive_timeout(2);
    int port = options_.port;
    if (port == 0) {
      port = http_.bind_to_any_port("127.0.0.1");
      if (port < 0) return fail(out, "cannot bind a port on 127.0.0.1");
    } else if (!http_.bind_to_port("127.0.0.1", port)) {
      return fail(out, fmt::format("cannot listen on 127.0.0.1:{} (in use? try --port 0)", port));
    }
    out << fmt::format("cj serve: http://127.0.0.1:{}/  (your files: {}/<problem>.cpp)\n", port,
                       fs::absolute(options_.dir).lexically_normal().string())
        << std::flush;
    return http_.listen_after_bind() ? 0 : 3;
  }

 private:
  static int fail(std::ostream& out, const std::string& why) {
    out << "cj serve: " << why << "\n";
    return 2;
  }

  fs::path file_of(const ProblemInfo& p) const { return options_.dir / (p.slug + ".cpp"); }

  /// The problem named in the request's first path parameter, or a 404 already answered.
  std::optional<ProblemInfo> problem(const httplib::Request& req, httplib::Response& res) const {
    auto p = catalog_.find(req.matches[1]);
    if (!p) {
      res.status = 404;
      res.set_content("no such problem", "text/plain");
    }
    return p;
  }

  void routes() {
    http_.Get("/", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(index_page(), "text/html; charset=utf-8");
    });
    http_.Get(R"(/problem/([a-z0-9-]+))",
              [this](const httplib::Request& req, httplib::Response& res) {
                if (auto p = problem(req, res))
                  res.set_content(problem_page(*p), "text/html; charset=utf-8");
              });
    http_.Get(R"(/api/file/([a-z0-9-]+))",
              [this](const httplib::Request& req, httplib::Response& res) {
                auto p = problem(req, res);
                if (!p) return;
                const fs::path f = file_of(*p);
                const bool exists = fs::exists(f);
                json j = {{"path", f.string()},
                          {"exists", exists},
                          {"text", exists ? read_text(f) : read_text(p->stub())},
                          {"mtime", mtime_ns(f)}};
                res.set_content(j.dump(), "application/json");
              });
    http_.Post(R"(/api/file/([a-z0-9-]+))",
               [this](const httplib::Request& req, httplib::Response& res) {
                 auto p = problem(req, res);
                 if (!p) return;
                 if (req.body.size() > (1 << 20)) {
                   res.status = 413;
                   return;
                 }
                 const fs::path f = file_of(*p);
                 std::ofstream(f) << req.body;
                 res.set_content(json({{"mtime", mtime_ns(f)}}).dump(), "application/json");
               });
    http_.Post(R"(/api/judge/([a-z0-9-]+))",
               [this](const httplib::Request& req, httplib::Response& res) {
                 auto p = problem(req, res);
                 if (!p) return;
                 res.set_content(judge(*p, req).dump(), "application/json");
               });
    http_.Get(R"(/api/hint/([a-z0-9-]+)/(\d+))", [this](const httplib::Request& req,
                                                        httplib::Response& res) {
      auto p = problem(req, res);
      if (!p) return;
      const auto hints = load_hints(p->hints());
      const std::size_t k = std::stoul(req.matches[2]);
      if (k >= hints.size()) {
        res.status = 404;
        return;
      }
      res.set_content(
          json({{"html", markdown_to_html(hints[k])}, {"index", k}, {"count", hints.size()}})
              .dump(),
          "application/json");
    });
    http_.Get(R"(/api/references/([a-z0-9-]+))",
              [this](const httplib::Request& req, httplib::Response& res) {
                auto p = problem(req, res);
                if (!p) return;
                if (!ProgressStore::open_default().of(p->slug).solved) {
                  res.status = 403;
                  res.set_content("solve it first", "text/plain");
                  return;
                }
                json list = json::array();
                for (const auto& r : references(*p))
                  list.push_back({{"name", r.name}, {"header", r.header}, {"code", r.code}});
                res.set_content(list.dump(), "application/json");
              });
  }

  json judge(const ProblemInfo& p, const httplib::Request& req) {
    const fs::path f = file_of(p);
    if (!fs::exists(f)) std::ofstream(f) << read_text(p.stub());
    JudgeRequest jr;
    jr.problem = p;
    jr.submission = f;
    jr.shown_as = f.string();
    jr.budget_s = options_.budget_s;
    jr.mode = options_.mode;
    JudgeResult r;
    {
      std::lock_guard<std::mutex> one_at_a_time(judging_);  // two cores: never two at once
      r = judge_submission(jr);
    }
    const bool ok = r.verdict == Verdict::accepted;
    std::optional<double> session_s;
    if (req.has_param("session_s")) {
      try {
        session_s = std::stod(req.get_param_value("session_s"));
      } catch (const std::exception&) {
      }
    }
    ProgressStore store = ProgressStore::open_default();
    store.record(p.slug, ok, ok ? session_s : std::nullopt);
    const json result = to_json(r);
    return {{"result", result},
            {"html", result_html(result)},
            {"solved", store.of(p.slug).solved},
            {"progress", describe(store.of(p.slug))}};
  }

  std::string index_page() const {
    const auto progress = ProgressStore::open_default().all();
    std::string body = "<h1>cj: practise concurrency</h1>\n";
    for (const auto& c : collections()) {
      std::string rows;
      for (const auto& p : catalog_.problems()) {
        if (p.collection != c.id) continue;
        std::string done;
        bool solved = false;
        if (auto it = progress.find(p.slug); it != progress.end()) {
          done = describe(it->second);
          solved = it->second.solved;
        }
        rows += fmt::format(
            "<li class=\"problem{}\" data-slug=\"{}\"><a href=\"/problem/{}\">{}{}</a> "
            "<span class=\"difficulty\">{}</span> <span class=\"progress\">{}</span></li>\n",
            solved ? " solved" : "", p.slug, p.slug, p.number ? fmt::format("{}. ", p.number) : "",
            html_escape(p.title), html_escape(p.difficulty), html_escape(done));
      }
      if (!rows.empty())
        body += fmt::format(
            "<section class=\"collection\" data-collection=\"{}\"><h2>{}</h2><ul>\n{}</ul>"
            "</section>\n",
            c.id, html_escape(c.title), rows);
    }
    return page("cj", body, "");
  }

  std::string problem_page(const ProblemInfo& p) const {
    const std::size_t hints = load_hints(p.hints()).size();
    const std::string progress = describe(ProgressStore::open_default().of(p.slug));
    std::string body = fmt::format(
        "<p><a href=\"/\">← all problems</a> <span class=\"progress\" "
        "id=\"progress\">{}</span></p>\n"
        "<div class=\"columns\">\n<article class=\"statement\">{}</article>\n"
        "<div class=\"work\">\n"
        "<div class=\"bar\"><span id=\"file\"></span> <span id=\"status\"></span></div>\n"
        "<textarea id=\"editor\" spellcheck=\"false\"></textarea>\n"
        "<div class=\"bar\"><button id=\"save\">Save</button> <button id=\"judge\">Judge</button> "
        "<button id=\"hint\" data-count=\"{}\">Hint</button> "
        "<span class=\"timer\">Interview: <input id=\"minutes\" type=\"number\" value=\"30\" "
        "min=\"1\" max=\"180\"> min <button id=\"start\">Start</button> "
        "<span id=\"timer\"></span></span></div>\n"
        "<div id=\"hints\"></div>\n<div id=\"result\"></div>\n<div id=\"references\"></div>\n"
        "</div>\n</div>\n",
        html_escape(progress), markdown_to_html(read_text(p.statement())), hints);
    return page(p.number ? fmt::format("{}. {}", p.number, p.title) : p.title, body,
                fmt::format("<script>const SLUG = \"{}\";</script>\n<script>{}</script>\n", p.slug,
                            serve_script()));
  }

  static std::string page(const std::string& title, const std::string& body,
                          const std::string& scripts) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
           html_escape(title) + "</title>\n<style>\n" + serve_css() + result_css() +
           "</style></head><body>\n" + body + scripts + "</body></html>\n";
  }

  const Catalog& catalog_;
  const ServeOptions& options_;
  httplib::Server http_;
  std::mutex judging_;
};

}  // namespace

std::string markdown_to_html(const std::string& markdown) {
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  std::string out = html ? html : "";
  std::free(html);
  return out;
}

int cmd_serve(const Catalog& catalog, const ServeOptions& options, std::ostream& out) {
  return Server(catalog, options).run(out);
}

}  // namespace cj
