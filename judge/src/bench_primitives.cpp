#include "bench_primitives.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "bench_chart.hpp"
#include "build.hpp"
#include "cj_paths.hpp"
#include "process.hpp"

namespace cj {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint64_t fnv1a(const std::string& data) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ULL;
  return h;
}

/// One timed program: a reference solution with its problem's bench.hpp, or the raw limits.
struct Timing {
  std::string name;       // benchmark name or solution file name
  std::string primitive;  // spin, futex, mutex_cv
  double median_ns = 0, min_ns = 0, max_ns = 0;
  int repetitions = 0;
};

/// Compiles `sources` (included in order into one file, after the LeetCode prelude) against
/// Google Benchmark; cached by content. Returns the binary or an error.
std::optional<fs::path> build_bench(const std::string& name, const std::vector<fs::path>& sources,
                                    bool with_main, std::string& error) {
  const fs::path include = paths::harness_include;
  std::string key = name;
  for (const auto& s : sources) key += '\0' + read_file(s);
  key += read_file(include / "cj/bench_handoff.hpp") + read_file(include / "cj/prelude_boost.hpp");
  for (const char* f : paths::submission_flags) key += f;
  const fs::path dir = cache_root() / fmt::format("bench-{}-{:016x}", name, fnv1a(key));
  const fs::path binary = dir / "bench";
  if (fs::exists(binary)) return binary;
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::permissions(dir, fs::perms(0755), ec);
  // The compiler runs as the sandbox user, who may not enter the folders above a clone (a
  // mode-700 home): it sees copies of the sources in its build folder and the harness headers
  // through binds, as a submission's compile does.
  {
    std::ofstream main(dir / "main.cpp");
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const std::string copy = fmt::format("source-{}{}", i, sources[i].extension().string());
      std::ofstream(dir / copy, std::ios::binary) << read_file(sources[i]);
      fs::permissions(dir / copy, fs::perms(0644), ec);
      main << "#include \"" << copy << "\"\n";
    }
    if (with_main) main << "BENCHMARK_MAIN();\n";
  }
  fs::permissions(dir / "main.cpp", fs::perms(0644), ec);
  ProcessSpec spec;
  std::string work = dir.string(), headers = include.string();
  if (binds_supported()) {
    work = std::string(kSandboxView) + "/work";
    headers = std::string(kSandboxView) + "/harness";
    spec.binds = {{dir, work, true}, {include, headers, false}};
  }
  spec.argv = {paths::compiler};
  for (const char* f : paths::submission_flags) spec.argv.push_back(f);
  for (const std::string& a : std::vector<std::string>{
           "-I", headers, "-include", headers + "/cj/prelude_boost.hpp", "-o", work + "/bench.tmp",
           work + "/main.cpp", "-lbenchmark", "-lboost_thread", "-lboost_chrono", "-lpthread"})
    spec.argv.push_back(a);
  spec.cwd = work;
  spec.cwd_writable = true;
  spec.limits.wall_s = 180;
  spec.limits.memory_bytes = std::size_t(4) << 30;
  spec.limits.file_bytes = std::size_t(1) << 30;
  ProcessResult p = run_process(spec);
  if (!p.started || p.exit_code != 0) {
    error = p.started ? p.output.substr(0, 2000) : p.spawn_error;
    return std::nullopt;
  }
  fs::rename(dir / "bench.tmp", binary, ec);
  return binary;
}

/// Runs a benchmark binary and reads, per benchmark, the median and the spread of ns per item
/// (items_per_second counts hand-offs).
std::vector<Timing> run_bench(const fs::path& binary, const PrimitiveBenchOptions& o,
                              std::string& error) {
  ProcessSpec spec;
  spec.argv = {"--benchmark_format=json", fmt::format("--benchmark_repetitions={}", o.repetitions),
               fmt::format("--benchmark_min_time={}", o.min_time_s)};
  run_binary(spec, binary);  // seen through a bind where the sandbox user cannot reach it
  spec.cwd_writable = false;
  spec.limits.wall_s = 60 + o.repetitions * o.min_time_s * 20;
  spec.limits.output_bytes = 4 << 20;
  ProcessResult p = run_process(spec);
  std::vector<Timing> out;
  if (!p.started || p.exit_code != 0) {
    error = p.started ? fmt::format("exit {} signal {}: {}", p.exit_code, p.signal,
                                    p.output.substr(0, 500))
                      : p.spawn_error;
    return out;
  }
  json j;
  try {
    j = json::parse(p.output.substr(p.output.find('{')));
  } catch (const std::exception& e) {
    error = std::string("unreadable benchmark output: ") + e.what();
    return out;
  }
  std::map<std::string, std::vector<double>> per_run;
  std::map<std::string, double> median;
  std::vector<std::string> order;
  for (const auto& b : j["benchmarks"]) {
    const std::string name = b.value("run_name", b.value("name", ""));
    const double ips = b.value("items_per_second", 0.0);
    if (ips <= 0) continue;
    if (b.value("run_type", "") == "iteration") {
      if (!per_run.count(name)) order.push_back(name);
      per_run[name].push_back(1e9 / ips);
    } else if (b.value("aggregate_name", "") == "median") {
      median[name] = 1e9 / ips;
    }
  }
  for (const auto& name : order) {
    auto& v = per_run[name];
    std::sort(v.begin(), v.end());
    Timing t;
    t.name = name;
    t.min_ns = v.front();
    t.max_ns = v.back();
    t.median_ns = median.count(name) ? median[name] : v[v.size() / 2];
    t.repetitions = static_cast<int>(v.size());
    out.push_back(t);
  }
  return out;
}

const char* family_title(const std::string& f) {
  return f == "spin" ? "spinning atomic" : f == "futex" ? "futex (atomic wait)" : "mutex + cv";
}

}  // namespace

std::string primitive_family(const std::string& source) {
  const auto tag = source.find("// primitive: ");
  if (tag != std::string::npos) {
    const std::string rest = source.substr(tag + 14, source.find('\n', tag) - tag - 14);
    for (const char* f : {"spin", "futex", "mutex_cv"})
      if (rest.rfind(f, 0) == 0) return f;
  }
  auto has = [&](const char* s) { return source.find(s) != std::string::npos; };
  if (has("condition_variable") || has("boost::")) return "mutex_cv";
  if (has("semaphore") || has("sem_t") || has("latch") || has("barrier") || has("promise") ||
      has("future") || has(".wait(") || has("notify_"))
    return "futex";
  if (has("yield") || has("atomic")) return "spin";
  return "mutex_cv";
}

int cmd_bench_primitives(const Catalog& catalog, const PrimitiveBenchOptions& options,
                         std::ostream& out) {
  std::vector<ProblemInfo> chosen;
  for (const auto& key : options.problems) {
    auto p = catalog.find(key);
    if (!p) {
      std::cerr << "cj bench primitives: unknown problem '" << key << "'\n";
      return 2;
    }
    if (!fs::exists(p->dir / "bench.hpp")) {
      std::cerr << "cj bench primitives: " << p->slug
                << " has no bench.hpp (the hand-off problems and 1188 have one)\n";
      return 2;
    }
    chosen.push_back(*p);
  }
  if (chosen.empty())
    for (const auto& p : catalog.problems())
      if (fs::exists(p.dir / "bench.hpp")) chosen.push_back(p);

  std::string error;
  const fs::path source = paths::source_dir;
  auto raw_bin =
      build_bench("raw-limits", {source / "bench/primitives/raw_limits.cpp"}, false, error);
  if (!raw_bin) {
    std::cerr << "cj bench primitives: cannot build the raw limits: " << error << "\n";
    return 3;
  }
  std::cerr << "timing this machine's raw limits...\n";
  std::vector<Timing> raw = run_bench(*raw_bin, options, error);
  if (raw.size() != 3) {
    std::cerr << "cj bench primitives: the raw limits did not run: " << error << "\n";
    return 3;
  }
  const char* raw_family[] = {"spin", "futex", "mutex_cv"};
  std::map<std::string, double> raw_ns;
  for (int i = 0; i < 3; ++i) {
    raw[i].primitive = raw_family[i];
    raw_ns[raw_family[i]] = raw[i].median_ns;
  }

  json report = {{"repetitions", options.repetitions},
                 {"min_time_s", options.min_time_s},
                 {"unit", "ns per hand-off (1188: per element)"},
                 {"raw_limits", json::array()},
                 {"problems", json::array()}};
  std::vector<ChartGroup> groups;
  ChartGroup raw_group{"this machine's raw limits (two threads, ping-pong)", {}};
  out << fmt::format("raw limits of this machine (median of {} repetitions, min-max):\n",
                     options.repetitions);
  for (const auto& t : raw) {
    out << fmt::format("  {:<34} {:>10.0f} ns ({:.0f}-{:.0f})  {:>8.3g}x spin\n",
                       family_title(t.primitive), t.median_ns, t.min_ns, t.max_ns,
                       t.median_ns / raw_ns["spin"]);
    report["raw_limits"].push_back({{"primitive", t.primitive},
                                    {"median_ns", t.median_ns},
                                    {"min_ns", t.min_ns},
                                    {"max_ns", t.max_ns},
                                    {"repetitions", t.repetitions}});
    raw_group.bars.push_back(
        {fmt::format("raw {}", family_title(t.primitive)), t.median_ns, t.min_ns, t.max_ns, true});
  }
  groups.push_back(raw_group);

  int failures = 0;
  for (const auto& p : chosen) {
    ChartGroup group{p.number ? fmt::format("{} {}", p.number, p.title) : p.title, {}};
    json pj = {{"slug", p.slug}, {"number", p.number}, {"solutions", json::array()}};
    out << fmt::format("\n{} ({}): ns per {}\n", p.title, p.label(),
                       p.slug == "design-bounded-blocking-queue" ? "element" : "hand-off");
    out << fmt::format("  {:<34} {:>10} {:>18} {:>9} {:>10}\n", "solution", "median", "min-max",
                       "x spin", "x raw loop");
    std::vector<fs::path> refs;
    for (const ShippedSolution& s : shipped_solutions(p))
      if (s.expect == "accepted") refs.push_back(s.file);
    for (const auto& ref : refs) {
      const std::string file = ref.filename().string();
      std::cerr << "timing " << p.slug << "/" << file << "...\n";
      auto bin =
          build_bench(p.slug + "-" + ref.stem().string(), {ref, p.dir / "bench.hpp"}, true, error);
      std::vector<Timing> t;
      if (bin) t = run_bench(*bin, options, error);
      if (t.size() != 1) {
        ++failures;
        out << fmt::format("  {:<34} could not be timed: {}\n", file, error.substr(0, 200));
        continue;
      }
      const std::string family = primitive_family(read_file(ref));
      const double spin = t[0].median_ns / raw_ns["spin"];
      const double own = t[0].median_ns / raw_ns[family];
      out << fmt::format("  {:<34} {:>7.0f} ns {:>8.0f}-{:<8.0f} {:>8.3g}x {:>8.3g}x {}\n", file,
                         t[0].median_ns, t[0].min_ns, t[0].max_ns, spin, own, family_title(family));
      pj["solutions"].push_back({{"file", "solutions/" + p.slug + "/" + file},
                                 {"primitive", family},
                                 {"median_ns", t[0].median_ns},
                                 {"min_ns", t[0].min_ns},
                                 {"max_ns", t[0].max_ns},
                                 {"repetitions", t[0].repetitions},
                                 {"ratio_to_spin", spin},
                                 {"ratio_to_raw_loop", own}});
      group.bars.push_back({ref.stem().string(), t[0].median_ns, t[0].min_ns, t[0].max_ns, false});
    }
    report["problems"].push_back(pj);
    groups.push_back(group);
  }
  if (!options.json_file.empty()) std::ofstream(options.json_file) << report.dump(2) << "\n";
  if (!options.svg_file.empty())
    std::ofstream(options.svg_file) << bench_chart_svg(
        "What a hand-off costs: reference solutions beside this machine's limits", groups);
  return failures ? 3 : 0;
}

}  // namespace cj
