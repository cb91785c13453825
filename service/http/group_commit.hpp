#pragma once
// Group commit for the hot write path (contributions): concurrent writes share one transaction and
// one fsync. Requests queue here instead of on the database threads; one thread takes whatever has
// queued, opens a transaction, runs each request in its own savepoint (a refused request undoes
// only itself), commits once, and only then are the answers sent: nothing is acknowledged before
// it is on disk, and a failed commit acknowledges nothing of its group.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "http/dispatcher.hpp"
#include "store/connection.hpp"

namespace dialogd::http {

class PublicCache;

class GroupCommitter {
 public:
  using Done = std::function<void(Response)>;
  // `answers_on`: where a group's answers are handed over, all in one go, once it is committed
  // (the socket threads' io_context: one wake-up of a socket thread per group, not per answer).
  GroupCommitter(const store::DbUrl& url, Dispatcher& dispatcher, PublicCache* cache,
                 net::any_io_executor answers_on, std::size_t max_group = 256);
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // `prepared`: what Dispatcher::prepare_for_group() made of the request on a database thread.
  void submit(std::shared_ptr<const Request> req, std::shared_ptr<const Match> match,
              GroupPrepared prepared, Done done);

  // For /metrics.
  std::uint64_t groups() const { return groups_.load(); }
  std::uint64_t grouped_requests() const { return requests_.load(); }
  std::uint64_t largest_group() const { return largest_.load(); }

 private:
  struct Job {
    std::shared_ptr<const Request> req;
    std::shared_ptr<const Match> match;
    GroupPrepared prepared;
    Done done;
  };
  void run();
  void commit_group(std::vector<Job>& group);

  store::DbUrl url_;
  Dispatcher& dispatcher_;
  PublicCache* cache_;
  net::any_io_executor answers_on_;
  std::size_t max_group_;
  std::unique_ptr<store::Connection> conn_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> groups_{0}, requests_{0}, largest_{0};
  std::thread thread_;
};

}  // namespace dialogd::http
