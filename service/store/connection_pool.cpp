#include "store/connection_pool.hpp"

namespace dialogd::store {

ConnectionPool::ConnectionPool(const DbUrl& url, std::size_t size) : url_(url) {
  for (std::size_t i = 0; i < size; ++i) {
    all_.push_back(std::make_unique<Connection>(url));
    free_.push_back(all_.back().get());
  }
}

ConnectionPool::Lease ConnectionPool::acquire() {
  Connection* c;
  {
    std::unique_lock lock(mutex_);
    if (free_.empty()) {
      // Measured only when there is a wait: /metrics shows how often and how long.
      const auto started = std::chrono::steady_clock::now();
      available_.wait(lock, [&] { return !free_.empty(); });
      waits_.fetch_add(1, std::memory_order_relaxed);
      wait_micros_.fetch_add(std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::steady_clock::now() - started)
                                 .count(),
                             std::memory_order_relaxed);
    }
    c = free_.back();
    free_.pop_back();
  }
  Lease lease(*this, c);
  if (c->broken()) c->reconnect();  // throws StoreUnavailable while the server is still away
  return lease;
}

void ConnectionPool::give_back(Connection* c) {
  c->finish_request();
  {
    std::lock_guard lock(mutex_);
    free_.push_back(c);
  }
  available_.notify_one();
}

}  // namespace dialogd::store
