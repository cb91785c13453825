#pragma once
// Runs one routed request to completion on a database thread: lease a connection, authenticate,
// open the write transaction, honour Idempotency-Key, call the handler, commit only on success,
// and turn every failure into problem+json. A failed request changes nothing.
#include "http/net.hpp"
#include "http/request_context.hpp"
#include "store/connection_pool.hpp"

namespace dialogd::http {

class Dispatcher {
 public:
  Dispatcher(Services& services, store::ConnectionPool* pool) : services_(services), pool_(pool) {}

  Response run(const Request& req, const Match& match);
  // For routes that need no store and no key: answered on the socket thread.
  Response run_without_store(const Request& req, const Match& match);
  Response route_problem(const Request& req, const Match& match);  // 404 / 405
  Services& services() { return services_; }

 private:
  Response run_in(RequestContext& ctx);
  Response call(RequestContext& ctx);
  Services& services_;
  store::ConnectionPool* pool_;
};

}  // namespace dialogd::http
