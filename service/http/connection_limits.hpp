#pragma once
// Caps on open connections, in all and per client address, so that one client (or a flood of idle
// sockets) cannot take every file descriptor and thread's attention. A connection over a cap is
// closed at once, before a byte is read. 0 turns a cap off.
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dialogd::http {

class ConnectionLimits {
 public:
  ConnectionLimits(std::size_t max_total, std::size_t max_per_address)
      : max_total_(max_total), max_per_address_(max_per_address) {}

  // Held by a session for its lifetime; releases its place when destroyed.
  class Slot {
   public:
    Slot(ConnectionLimits& limits, std::string address)
        : limits_(&limits), address_(std::move(address)) {}
    Slot(Slot&& o) noexcept : limits_(o.limits_), address_(std::move(o.address_)) {
      o.limits_ = nullptr;
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (limits_) limits_->release(address_);
    }

   private:
    ConnectionLimits* limits_;
    std::string address_;
  };

  // A place for a new connection from `address`, or nothing when a cap is reached.
  std::unique_ptr<Slot> admit(const std::string& address);
  std::size_t open() const;

 private:
  void release(const std::string& address);
  std::size_t max_total_, max_per_address_;
  mutable std::mutex mutex_;
  std::size_t total_ = 0;
  std::unordered_map<std::string, std::size_t> per_address_;
};

}  // namespace dialogd::http
