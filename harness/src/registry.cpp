#include <sys/mman.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <thread>

#include "runner.hpp"

namespace cj {
namespace {

std::unique_ptr<Problem>& problem_slot() {
  static std::unique_ptr<Problem> problem;
  return problem;
}

std::map<Mode, Runner>& runners() {
  static std::map<Mode, Runner> table;
  return table;
}

// In memory shared with the processes a solution forks (parallel-map allows fork): a callback
// that runs in a child counts as progress of the run, as it does on a thread.
std::atomic<unsigned long long>& progress() {
  static std::atomic<unsigned long long>* counter = [] {
    void* p = ::mmap(nullptr, sizeof(std::atomic<unsigned long long>), PROT_READ | PROT_WRITE,
                     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    static std::atomic<unsigned long long> private_counter{0};
    return p == MAP_FAILED ? &private_counter : new (p) std::atomic<unsigned long long>(0);
  }();
  return *counter;
}
std::atomic<bool> controlled{false};

std::atomic<bool> quiescence_exact{false};
std::atomic<bool> time_paced{false};
thread_local bool t_awaiting_quiescence = false;

}  // namespace

void register_problem(std::unique_ptr<Problem> problem) {
  if (problem_slot()) throw std::logic_error("two problems registered in one executable");
  problem_slot() = std::move(problem);
}

const Problem* registered_problem() { return problem_slot().get(); }

std::vector<Case> numbered_cases(const Problem& problem) {
  std::vector<Case> cases = problem.cases();
  for (std::size_t k = 0; k < cases.size(); ++k) cases[k].index = k;
  return cases;
}

void note_progress() noexcept { progress().fetch_add(1, std::memory_order_relaxed); }

unsigned long long progress_count() noexcept { return progress().load(std::memory_order_relaxed); }

bool one_thread_at_a_time() noexcept { return controlled.load(std::memory_order_relaxed); }

void set_one_thread_at_a_time(bool on) noexcept { controlled.store(on, std::memory_order_relaxed); }

void set_quiescence_exact(bool exact) noexcept {
  quiescence_exact.store(exact, std::memory_order_relaxed);
}

void set_time_kept_pace(bool kept) noexcept { time_paced.store(kept, std::memory_order_relaxed); }

bool time_kept_pace() noexcept { return time_paced.load(std::memory_order_relaxed); }

bool awaiting_quiescence() noexcept { return t_awaiting_quiescence; }

bool await_quiescence() {
  if (!quiescence_exact.load(std::memory_order_relaxed)) return false;
  // On virtual time this sleep ends when nothing else can run. Much longer than any timed wait a
  // solution plausibly makes, so that those end (and their threads run) first.
  t_awaiting_quiescence = true;
  std::this_thread::sleep_for(std::chrono::seconds(10));
  t_awaiting_quiescence = false;
  // Still exact: the execution was not released to the real scheduler meanwhile.
  return quiescence_exact.load(std::memory_order_relaxed);
}

void register_runner(Mode mode, Runner runner) { runners()[mode] = runner; }

Runner find_runner(Mode mode) {
  auto it = runners().find(mode);
  return it == runners().end() ? nullptr : it->second;
}

std::vector<Mode> runner_modes() {
  std::vector<Mode> modes;
  for (const auto& [mode, runner] : runners()) modes.push_back(mode);
  return modes;
}

}  // namespace cj
