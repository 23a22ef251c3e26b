// async-fan-out: the slow sales service, seen by the submission before its own code (after the
// prelude, so the standard library is there).
//
// The service answers in two ways. get() blocks the calling thread for the shop's latency (a
// sleep: virtual time under explore). async_get() is a Boost.Asio asynchronous operation: it
// records the request and returns at once; one of the service's two reply threads (started and
// joined by the driver around each trial) completes it when its latency is over, through the
// executor associated with the completion handler: a coroutine's own executor for
// use_awaitable, the reply thread itself for a plain callback. The reply threads wait on a
// condition variable with a deadline, so under explore they too run on virtual time, and Asio's
// io_context, with no timer or socket of its own, blocks only in pthread primitives that explore
// controls.
//
// Everything the service counts is a relaxed atomic, so it orders none of the solution's threads
// for ThreadSanitizer: the blocking get() shares no lock between callers. (async_get necessarily
// hands each request to a reply thread under that thread's lock.)
#include <array>
#include <atomic>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>  // boost/asio/awaitable.hpp needs it first; the prelude includes it
#include <vector>

#include "cj/problem.hpp"

namespace cj::fan_out {

/// One shop the service knows: its sales (the reply) and how long a request for it takes.
struct Shop {
  std::string name;  // "region/name"
  int sales = 0;
  std::chrono::microseconds latency{1000};
};

/// What the service saw during one trial. Relaxed atomics only (see the header).
struct ServiceLog {
  explicit ServiceLog(std::size_t shops) : calls(std::make_unique<std::atomic<int>[]>(shops)) {
    for (std::size_t i = 0; i < shops; ++i) calls[i].store(0, std::memory_order_relaxed);
  }
  std::unique_ptr<std::atomic<int>[]> calls;  // requests per shop
  std::atomic<int> unknown_calls{0};          // requests for a shop the service does not know
  std::atomic<int> in_flight{0};              // requests sent whose reply is not delivered yet
  std::atomic<int> max_in_flight{0};          // the most ever in flight at once
  std::atomic<int> requests{0};               // requests sent
  std::atomic<int> replies{0};                // replies delivered

  void sent() {
    requests.fetch_add(1, std::memory_order_relaxed);
    const int now = in_flight.fetch_add(1, std::memory_order_relaxed) + 1;
    int most = max_in_flight.load(std::memory_order_relaxed);
    while (now > most &&
           !max_in_flight.compare_exchange_weak(most, now, std::memory_order_relaxed)) {
    }
    note_progress();
  }
  void delivered() {
    in_flight.fetch_sub(1, std::memory_order_relaxed);
    replies.fetch_add(1, std::memory_order_relaxed);
    note_progress();
  }
};

/// A reply on its way: delivers the sales to one completion handler, once.
class PendingReply {
 public:
  virtual ~PendingReply() = default;
  virtual void deliver(int sales, ServiceLog& log) = 0;
};

template <typename Handler, typename Work>
class ReplyTo final : public PendingReply {
 public:
  ReplyTo(Handler handler, Work work) : handler_(std::move(handler)), work_(std::move(work)) {}
  void deliver(int sales, ServiceLog& log) override {
    // `work` keeps the handler's executor (an io_context's run()) busy until the reply is queued
    // on it; the reply counts as delivered when the handler starts, on that executor.
    Work work = std::move(work_);
    boost::asio::dispatch(work, [h = std::move(handler_), sales, &log]() mutable {
      log.delivered();
      std::move(h)(sales);
    });
  }

 private:
  Handler handler_;
  Work work_;
};

/// One reply thread of the service: sends each queued reply when it is due.
class ReplyDesk {
 public:
  explicit ReplyDesk(ServiceLog& log) : log_(log), thread_([this] { loop(); }) {}
  ~ReplyDesk() {
    {
      std::lock_guard<std::mutex> lk(m_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
    // Replies never delivered belong to a fetchAll that returned too early; their handlers may
    // point into an io_context that is gone, so they are left alone rather than destroyed.
    for (auto& [due, item] : queue_) item.reply.release();
  }
  ReplyDesk(const ReplyDesk&) = delete;
  ReplyDesk& operator=(const ReplyDesk&) = delete;

  void add(std::chrono::steady_clock::time_point due, int sales,
           std::unique_ptr<PendingReply> reply) {
    // Notified under the lock: the caller may be another desk's thread running a callback, and
    // once the lock is released the last reply may be in and this desk destroyed.
    std::lock_guard<std::mutex> lk(m_);
    queue_.emplace(due, Item{sales, std::move(reply)});
    cv_.notify_one();
  }

 private:
  struct Item {
    int sales;
    std::unique_ptr<PendingReply> reply;
  };

  void loop() {
    std::unique_lock<std::mutex> lk(m_);
    while (!stop_) {
      if (queue_.empty()) {
        cv_.wait(lk);
        continue;
      }
      const auto due = queue_.begin()->first;
      if (std::chrono::steady_clock::now() < due) {
        cv_.wait_until(lk, due);
        continue;
      }
      auto node = queue_.extract(queue_.begin());
      lk.unlock();
      node.mapped().reply->deliver(node.mapped().sales, log_);
      node.mapped().reply.reset();
      lk.lock();
    }
  }

  ServiceLog& log_;
  std::mutex m_;  // guards the two fields below
  std::condition_variable cv_;
  std::multimap<std::chrono::steady_clock::time_point, Item> queue_;
  bool stop_ = false;
  std::thread thread_;  // last: starts after the fields above exist
};

/// The service's reply threads (two: replies may arrive on either, at the same time).
class ReplyDesks {
 public:
  explicit ReplyDesks(ServiceLog& log) {
    for (auto& d : desks_) d = std::make_unique<ReplyDesk>(log);
  }
  ReplyDesk& next() {
    return *desks_[next_.fetch_add(1, std::memory_order_relaxed) % desks_.size()];
  }

 private:
  std::array<std::unique_ptr<ReplyDesk>, 2> desks_;
  std::atomic<unsigned> next_{0};
};

/// The shops of one trial, by name.
struct Directory {
  std::vector<Shop> shops;
  std::unordered_map<std::string, int> index;
};

}  // namespace cj::fan_out

/// The slow service. Safe to use from any number of threads at once.
class SalesService {
 public:
  SalesService(const cj::fan_out::Directory* dir, cj::fan_out::ServiceLog* log,
               cj::fan_out::ReplyDesks* desks)
      : dir_(dir), log_(log), desks_(desks) {}
  SalesService(const SalesService&) = delete;
  SalesService& operator=(const SalesService&) = delete;

  /// Blocks the calling thread until the reply arrives, then returns the shop's sales.
  int get(const string& shop) {
    const cj::fan_out::Shop* s = lookup(shop);
    log_->sent();
    std::this_thread::sleep_for(s ? s->latency : std::chrono::microseconds(1000));
    log_->delivered();
    return s ? s->sales : 0;
  }

  /// Sends the request and returns at once; the reply (the shop's sales, an int) completes
  /// `token`: `co_await service.async_get(shop, boost::asio::use_awaitable)` in a coroutine, or a
  /// callback `[](int sales) { ... }`, which runs on one of the service's reply threads.
  template <typename CompletionToken>
  auto async_get(const string& shop, CompletionToken&& token) {
    return boost::asio::async_initiate<CompletionToken, void(int)>(
        [this](auto handler, const std::string& name) { start(std::move(handler), name); }, token,
        shop);
  }

 private:
  const cj::fan_out::Shop* lookup(const std::string& shop) const {
    auto at = dir_->index.find(shop);
    if (at == dir_->index.end()) {
      log_->unknown_calls.fetch_add(1, std::memory_order_relaxed);
      return nullptr;
    }
    log_->calls[at->second].fetch_add(1, std::memory_order_relaxed);
    return &dir_->shops[static_cast<std::size_t>(at->second)];
  }

  template <typename Handler>
  void start(Handler handler, const std::string& shop) {
    const cj::fan_out::Shop* s = lookup(shop);
    auto work = boost::asio::prefer(boost::asio::get_associated_executor(handler),
                                    boost::asio::execution::outstanding_work.tracked);
    log_->sent();
    const auto due =
        std::chrono::steady_clock::now() + (s ? s->latency : std::chrono::microseconds(1000));
    desks_->next().add(due, s ? s->sales : 0,
                       std::make_unique<cj::fan_out::ReplyTo<Handler, decltype(work)>>(
                           std::move(handler), std::move(work)));
  }

  const cj::fan_out::Directory* dir_;
  cj::fan_out::ServiceLog* log_;
  cj::fan_out::ReplyDesks* desks_;
};
