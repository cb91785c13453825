#pragma once
// Everything a handler may use for one request. Built on a database thread.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ladder.hpp"
#include "http/config.hpp"
#include "http/net.hpp"
#include "http/router.hpp"
#include "store/connection.hpp"
#include "store/connection_pool.hpp"
#include "support/clock.hpp"

namespace dialogd::http {

struct Principal {
  std::string key_id, name, role;
  std::optional<std::string> organisation_id;  // none for operator keys
  std::string origin;  // widget keys: the request's Origin, once accepted (for CORS)
  bool can_edit() const { return role == "editor" || role == "admin"; }
};

// Long-lived services shared by every request.
class PublicCache;
class Metrics;
class GroupCommitter;

struct Services {
  ServerConfig config;
  support::Clock clock;
  std::string store_name;        // "sqlite" | "postgresql"
  PublicCache* cache = nullptr;  // public reads from memory; every committed write invalidates it
  Metrics* metrics = nullptr;
  const store::ConnectionPool* pool = nullptr;
  const std::atomic<int>* in_flight = nullptr;
  const GroupCommitter* committer = nullptr;
  class DecidimSchedule* decidim = nullptr;  // syncs a newly linked source without another step
};

class BodyStream;

struct RequestContext {
  RequestContext(const Request& r, const Match& m, Services& s) : req(r), match(m), services(s) {}
  const Request& req;
  const Match& match;
  Services& services;
  store::Connection* db = nullptr;  // leased for this request; null for store-less routes
  std::optional<Principal> principal;
  std::string_view path;
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  // Set by a handler whose 200 body is streamed (body_stream.hpp); the answer then has no body.
  std::shared_ptr<BodyStream> body;
  // Left by a group-committed route's preparation (Route::prepare) for its handler in the group.
  std::shared_ptr<void> prepared;

  std::string_view param(std::string_view name) const;
  std::optional<std::string_view> query_param(std::string_view name) const;
  store::Connection& store() const { return *db; }
  bool editor() const { return principal && principal->can_edit(); }
  // Swedish when the client prefers it (Accept-Language), English otherwise.
  domain::Language language() const;
};

// Splits a request target into its path and decoded query parameters.
void split_target(std::string_view target, std::string_view& path,
                  std::vector<std::pair<std::string, std::string>>& query);

}  // namespace dialogd::http
