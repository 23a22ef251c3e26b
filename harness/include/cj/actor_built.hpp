// The object under test, built on an actor's thread instead of by the trial's constructor: a
// solution whose constructor reads the clock or starts threads then runs it under the same mode
// as its methods (explore's virtual time and controlled threads, or stress's real ones).
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <utility>

namespace cj {

/// One actor builds the object; the others wait for it, use it, and say when they are done; the
/// builder destroys it once they are (a destructor that joins the solution's threads then runs
/// on a trial thread too). The waits are plain mutex/condition-variable waits, so every mode
/// models them, and they order only construction and destruction against the other calls.
template <class T>
class ActorBuilt {
 public:
  /// `users`: how many actors besides the builder call done().
  explicit ActorBuilt(int users) : users_left_(users) {}

  template <class... Args>
  T& build(Args&&... args) {
    object_.emplace(std::forward<Args>(args)...);
    std::lock_guard<std::mutex> lock(mu_);
    built_ = true;
    changed_.notify_all();
    return *object_;
  }

  /// Blocks until the builder built it.
  T& wait_built() {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return built_; });
    return *object_;
  }

  /// A user will not touch the object again.
  void done() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--users_left_ == 0) changed_.notify_all();
  }

  /// The builder: waits until every user is done, then destroys the object.
  void destroy_when_done() {
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [&] { return users_left_ <= 0; });
    }
    object_.reset();
  }

 private:
  std::optional<T> object_;  // built and destroyed by the builder; used between those
  std::mutex mu_;            // guards built_ and users_left_
  std::condition_variable changed_;
  bool built_ = false;
  int users_left_;
};

}  // namespace cj
