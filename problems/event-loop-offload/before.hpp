// event-loop-offload: the Boost.Asio pieces an answer may use, seen before the submission (after
// the prelude), so that a pasted answer needs no includes. Boost 1.74's awaitable.hpp uses
// std::exchange without including <utility>: it comes first. No I/O object is declared by the
// driver, so the loop's io_context never creates its reactor (epoll, eventfd, timerfd) unless
// the answer itself makes a timer: io_context::run() then blocks on a mutex and a condition
// variable, which the explorer models.
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <utility>
