#include "http/connection_limits.hpp"

namespace dialogd::http {

std::unique_ptr<ConnectionLimits::Slot> ConnectionLimits::admit(const std::string& address) {
  std::lock_guard lock(mutex_);
  if (max_total_ && total_ >= max_total_) return nullptr;
  auto& mine = per_address_[address];
  if (max_per_address_ && mine >= max_per_address_) {
    if (mine == 0) per_address_.erase(address);
    return nullptr;
  }
  ++mine;
  ++total_;
  return std::make_unique<Slot>(*this, address);
}

void ConnectionLimits::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  --total_;
  if (auto it = per_address_.find(address); it != per_address_.end() && --it->second == 0)
    per_address_.erase(it);
}

std::size_t ConnectionLimits::open() const {
  std::lock_guard lock(mutex_);
  return total_;
}

}  // namespace dialogd::http
