// Micro-benchmarks of judge-side work that runs once per submission.
#include <benchmark/benchmark.h>

#include "tsan_report.hpp"

static void BM_ParseTsanReport(benchmark::State& state) {
  std::string out;
  for (int i = 0; i < 50; ++i)
    out +=
        "WARNING: ThreadSanitizer: data race (pid=1)\n  Write of size 1 at 0x1 by thread T2:\n"
        "    #0 Foo::first() /abs/sub.cpp:7 (submission+0x1)\n\n"
        "SUMMARY: ThreadSanitizer: data race /abs/sub.cpp:7 in Foo::first\n";
  for (auto _ : state) benchmark::DoNotOptimize(cj::parse_tsan_reports(out, "/abs/sub.cpp", "s"));
}
BENCHMARK(BM_ParseTsanReport);
