#pragma once
// Tells this instance when another instance wrote (PostgreSQL only): every writing transaction
// sends NOTIFY dialogd_changes, delivered at its commit; this feed LISTENs on its own libpq
// connection and moves the public cache's generation on. While the feed is down (the server is
// unreachable) the cache serves nothing, so no instance answers from memory what it cannot know
// is current; on reconnecting it invalidates everything, since notifications may have been lost.
#include <atomic>
#include <string>
#include <thread>

namespace dialogd::http {

class PublicCache;

class ChangeFeed {
 public:
  ChangeFeed(std::string libpq_connect, PublicCache& cache);
  ~ChangeFeed();
  ChangeFeed(const ChangeFeed&) = delete;
  ChangeFeed& operator=(const ChangeFeed&) = delete;
  bool healthy() const { return healthy_.load(std::memory_order_acquire); }

  static constexpr const char* channel = "dialogd_changes";

 private:
  void run();
  std::string connect_;
  PublicCache& cache_;
  std::atomic<bool> stopping_{false}, healthy_{false};
  std::thread thread_;
};

}  // namespace dialogd::http
