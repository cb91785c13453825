#pragma once
// State shared by the listener and every session of one running server.
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "http/config.hpp"
#include "http/connection_limits.hpp"
#include "http/dispatcher.hpp"
#include "http/net.hpp"
#include "http/request_limits.hpp"

namespace dialogd::http {

class Session;
class PublicCache;
class ChangeFeed;
class Metrics;
class GroupCommitter;

class SessionRegistry {
 public:
  void add(const std::shared_ptr<Session>& s);
  std::vector<std::shared_ptr<Session>> live();
  bool empty();

 private:
  std::mutex mutex_;
  std::vector<std::weak_ptr<Session>> sessions_;
};

struct ServerCore {
  ServerConfig config;
  Dispatcher dispatcher;
  net::thread_pool& db_pool;         // every store call runs here, never on a socket thread
  PublicCache* cache = nullptr;      // public reads answered on the socket thread
  const ChangeFeed* feed = nullptr;  // PostgreSQL: other instances' writes
  Metrics* metrics = nullptr;
  GroupCommitter* committer = nullptr;  // the hot write path's shared transactions
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  SessionRegistry sessions{};
  ConnectionLimits limits{config.max_connections, config.max_connections_per_address};
  RequestLimits rates{config};
};

}  // namespace dialogd::http
