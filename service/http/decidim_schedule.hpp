#pragma once
// The Decidim sync in the background, on a pooled connection as the service itself: a newly linked
// source is synced at once (link_soon(), and every minute for sources linked through another
// instance or the CLI), and with --decidim-sync-minutes every source on that schedule. Sources
// claim themselves, so several instances on one PostgreSQL store take turns instead of importing
// twice.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "http/config.hpp"
#include "store/connection_pool.hpp"
#include "support/clock.hpp"

namespace dialogd::http {

class PublicCache;

class DecidimSchedule {
 public:
  DecidimSchedule(store::ConnectionPool& pool, const support::Clock& clock, PublicCache* cache,
                  const ServerConfig& config);
  ~DecidimSchedule();
  void start();
  void stop();
  // A source was linked: sync the sources never synced, soon (after the link's commit).
  void linked();

 private:
  void run();
  void sync(bool every_source);
  store::ConnectionPool& pool_;
  const support::Clock& clock_;
  PublicCache* cache_;
  const ServerConfig& config_;
  std::thread thread_;
  bool stopping_ = false;
  bool linked_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
};

}  // namespace dialogd::http
