#include "http/decidim_schedule.hpp"

#include "decidim_app/sync_source.hpp"
#include "http/change_feed.hpp"
#include "http/public_cache.hpp"
#include "support/log.hpp"

namespace dialogd::http {

DecidimSchedule::DecidimSchedule(store::ConnectionPool& pool, const support::Clock& clock,
                                 PublicCache* cache, const ServerConfig& config)
    : pool_(pool), clock_(clock), cache_(cache), config_(config) {}

DecidimSchedule::~DecidimSchedule() {
  stop();
}

void DecidimSchedule::start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void DecidimSchedule::linked() {
  {
    std::lock_guard lock(mutex_);
    linked_ = true;
  }
  wake_.notify_all();
}

void DecidimSchedule::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DecidimSchedule::run() {
  using clock = std::chrono::steady_clock;
  const auto interval = config_.decidim_sync_interval;
  auto next_all = clock::now() + interval;
  auto next_fresh = clock::now() + std::chrono::minutes(1);
  for (;;) {
    bool woken = false;
    {
      std::unique_lock lock(mutex_);
      auto until = next_fresh;
      if (interval.count() > 0) until = std::min(until, next_all);
      wake_.wait_until(lock, until, [this] { return stopping_ || linked_; });
      if (stopping_) return;
      woken = linked_;
      linked_ = false;
    }
    // The link's transaction commits after its handler returns: give it a moment.
    if (woken) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const bool every_source = interval.count() > 0 && clock::now() >= next_all;
    if (every_source) next_all = clock::now() + interval;
    next_fresh = clock::now() + std::chrono::minutes(1);
    sync(every_source);
  }
}

void DecidimSchedule::sync(bool every_source) {
  decidim_app::SyncOptions options;
  options.allow_private = config_.allow_private_webhooks;
  options.total_timeout = config_.decidim_timeout;
  options.page_size = config_.decidim_page_size;
  try {
    auto lease = pool_.acquire();
    app::Context ctx{*lease, clock_, app::Actor::system("Decidim sync"), config_.public_url};
    int synced = 0;
    const int failed = decidim_app::sync_all(
        ctx, options, [&](const auto&) { ++synced; }, every_source);
    if (synced == 0) return;
    if (lease->backend() == store::Backend::postgresql)
      lease->sql() << "NOTIFY " << ChangeFeed::channel;
    if (cache_) cache_->invalidate();
    support::log_line({{"level", failed ? "warn" : "info"},
                       {"msg", "decidim sync"},
                       {"sources", synced},
                       {"failed", failed}});
  } catch (const std::exception& e) {
    support::log_line({{"level", "error"}, {"msg", "decidim sync"}, {"error", e.what()}});
  }
}

}  // namespace dialogd::http
