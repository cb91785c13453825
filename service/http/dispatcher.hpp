#pragma once
// Runs one routed request to completion on a database thread: lease a connection, authenticate,
// open the write transaction, honour Idempotency-Key, call the handler, commit only on success,
// and turn every failure into problem+json. A failed request changes nothing.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/body_stream.hpp"
#include "http/net.hpp"
#include "http/request_context.hpp"
#include "store/connection_pool.hpp"

namespace dialogd::http {

// Who asked and what the route prepared, carried from prepare_for_group() into the group.
struct GroupPrepared {
  std::optional<Principal> principal;
  std::shared_ptr<void> state;
};

class Dispatcher {
 public:
  Dispatcher(Services& services, store::ConnectionPool* pool) : services_(services), pool_(pool) {}

  // A routed request whose 200 body may be streamed: then `body` is set and the answer carries the
  // status and headers only (body_stream.hpp).
  Response run(const Request& req, const Match& match, std::shared_ptr<BodyStream>& body);
  // The whole answer: a streamed body is read to its end into it (the fuzz target, tests).
  Response run(const Request& req, const Match& match);
  // The next piece of a streamed body, read on a connection leased for this piece only.
  bool next_piece(BodyStream& body, std::string& out);
  // For routes that need no store and no key: answered on the socket thread.
  Response run_without_store(const Request& req, const Match& match);
  Response route_problem(const Request& req, const Match& match);  // 404 / 405
  Services& services() { return services_; }

  // One request of a group commit (group_commit.hpp), after prepare_for_group() (the caller is
  // authenticated already): inside the transaction already open on `conn`, in its own savepoint,
  // so that a refused request undoes only itself. A store error is thrown to the group, which
  // undoes this request's savepoint and goes on with the others.
  Response run_in_group(const Request& req, const Match& match, store::Connection& conn,
                        GroupPrepared& prepared);
  // The part of a group-committed request that needs no write transaction, on a database thread:
  // authentication and the route's preparation (Route::prepare). Either an answer (refused, sent
  // at once without joining a group) or nothing, and `out` holds what the group needs to finish.
  std::optional<Response> prepare_for_group(const Request& req, const Match& match,
                                            GroupPrepared& out);

 private:
  struct Written {
    Response res;
    bool keep;  // false: the request's writes are to be undone (refused, or a replay)
  };
  // Leases a connection and turns every failure of `body` into problem+json.
  Response run_in(RequestContext& ctx, const std::function<Response(RequestContext&)>& body);
  Response call(RequestContext& ctx);
  // A writing request inside the open transaction: Idempotency-Key, the handler, the stored
  // answer. `undo` takes back what the request wrote so far (a rollback or a savepoint's).
  Written write(RequestContext& ctx, const std::function<void()>& undo);
  Services& services_;
  store::ConnectionPool* pool_;
};

}  // namespace dialogd::http
