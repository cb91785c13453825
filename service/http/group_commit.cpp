#include "http/group_commit.hpp"

#include "http/change_feed.hpp"
#include "http/problem.hpp"
#include "http/public_cache.hpp"
#include "store/request_savepoint.hpp"
#include "support/log.hpp"

namespace dialogd::http {

GroupCommitter::GroupCommitter(const store::DbUrl& url, Dispatcher& dispatcher, PublicCache* cache,
                               net::any_io_executor answers_on, std::size_t max_group)
    : url_(url),
      dispatcher_(dispatcher),
      cache_(cache),
      answers_on_(std::move(answers_on)),
      max_group_(max_group),
      conn_(std::make_unique<store::Connection>(url)),
      thread_([this] { run(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void GroupCommitter::submit(std::shared_ptr<const Request> req, std::shared_ptr<const Match> match,
                            GroupPrepared prepared, Done done) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({std::move(req), std::move(match), std::move(prepared), std::move(done)});
  }
  wake_.notify_one();
}

void GroupCommitter::run() {
  for (;;) {
    std::vector<Job> group;
    group.reserve(32);
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued was answered
      while (!queue_.empty() && group.size() < max_group_) {
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit_group(group);
  }
}

void GroupCommitter::commit_group(std::vector<Job>& group) {
  std::vector<Response> answers;
  answers.reserve(group.size());
  store::Connection& conn = *conn_;
  try {
    if (conn.broken()) conn.reconnect();
    conn.begin_write();
    for (std::size_t i = 0; i < group.size(); ++i) {
      try {
        answers.push_back(
            dispatcher_.run_in_group(*group[i].req, *group[i].match, conn, group[i].prepared));
      } catch (const std::exception& e) {
        // This request failed in the store; if its savepoint can be undone the others go on.
        auto& savepoint = conn.prepared<store::RequestSavepoint>();
        savepoint.undo.execute(true);
        savepoint.release.execute(true);
        support::log_line({{"level", "error"}, {"msg", "unhandled in group"}, {"error", e.what()}});
        answers.push_back(
            problem_response(Problem(500, "internal-error", "Internal error",
                                     "the service failed to answer; the failure has been logged"),
                             group[i].req->version(), group[i].req->keep_alive()));
      }
    }
    if (conn.backend() == store::Backend::postgresql)
      conn.sql() << "NOTIFY " << ChangeFeed::channel;
    conn.commit();  // one fsync for the whole group
    if (cache_) cache_->invalidate();
    groups_.fetch_add(1);
    requests_.fetch_add(group.size());
    if (group.size() > largest_.load()) largest_.store(group.size());
  } catch (const std::exception& e) {
    conn.rollback();
    conn.check_alive();
    support::log_line({{"level", "error"}, {"msg", "group commit failed"}, {"error", e.what()}});
    answers.clear();
    for (const auto& job : group)
      answers.push_back(
          problem_response(Problem(503, "store-unavailable", "The store is unavailable",
                                   "the database cannot be reached right now; try again shortly"),
                           job.req->version(), false));
  }
  net::post(answers_on_, [group = std::move(group), answers = std::move(answers)]() mutable {
    for (std::size_t i = 0; i < group.size(); ++i) group[i].done(std::move(answers[i]));
  });
}

}  // namespace dialogd::http
