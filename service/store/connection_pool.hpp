#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
// A fixed set of connections handed out one per request on the database threads.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

class ConnectionPool {
 public:
  ConnectionPool(const DbUrl& url, std::size_t size);
  const DbUrl& url() const { return url_; }
  std::size_t size() const { return all_.size(); }

  class Lease {
   public:
    Lease(ConnectionPool& pool, Connection* c) : pool_(&pool), conn_(c) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), conn_(o.conn_) { o.conn_ = nullptr; }
    Lease(const Lease&) = delete;
    ~Lease() {
      if (conn_) pool_->give_back(conn_);
    }
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_; }

   private:
    ConnectionPool* pool_;
    Connection* conn_;
  };

  // Waits for a free connection; a connection that died is reopened before it is handed out.
  Lease acquire();
  // How many acquisitions had to wait for a free connection, and for how long in all.
  std::uint64_t waits() const { return waits_.load(); }
  std::uint64_t wait_micros() const { return wait_micros_.load(); }

 private:
  void give_back(Connection* c);
  DbUrl url_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> free_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::atomic<std::uint64_t> waits_{0}, wait_micros_{0};
};

}  // namespace dialogd::store
