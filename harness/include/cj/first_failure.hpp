// The first broken property a trial's callbacks saw, kept from any thread.
#pragma once

#include <atomic>
#include <string>
#include <utility>

#include "cj/problem.hpp"

namespace cj {

/// Callbacks that check a property while the threads run report what they saw here; check()
/// returns the first report (later ones are usually its consequences). Relaxed, so it adds no
/// happens-before edge between the solution's threads.
class FirstFailure {
 public:
  void fail(std::string reason, Verdict verdict = Verdict::wrong_answer) {
    if (failed_.exchange(true, std::memory_order_relaxed)) return;
    failure_ = Failure{verdict, std::move(reason), "", "", ""};
    // Only so_far() acquires it: no edge between the solution's threads.
    published_.store(true, std::memory_order_release);
  }
  bool failed() const { return failed_.load(std::memory_order_relaxed); }
  /// Only after every thread that may call fail() has returned.
  Check get() const {
    if (failed()) return failure_;
    return std::nullopt;
  }
  /// Safe while threads still run (a stuck trial's Trial::failure_so_far()).
  Check so_far() const {
    if (published_.load(std::memory_order_acquire)) return failure_;
    return std::nullopt;
  }

 private:
  std::atomic<bool> failed_{false};
  std::atomic<bool> published_{false};  // failure_ is complete
  Failure failure_;                     // written only by the thread that set failed_
};

}  // namespace cj
