#include "http/dispatcher.hpp"

#include <soci/soci.h>

#include <functional>

#include "http/auth.hpp"
#include "http/change_feed.hpp"
#include "http/cors.hpp"
#include "http/problem.hpp"
#include "http/public_cache.hpp"
#include "store/errors.hpp"
#include "store/idempotency_repository.hpp"
#include "store/request_savepoint.hpp"
#include "support/ids.hpp"
#include "support/log.hpp"

namespace dialogd::http {
namespace {

bool success(const Response& res) {
  return res.result_int() >= 200 && res.result_int() < 300;
}

Response replay(const Request& req, const store::StoredAnswer& a) {
  Response res{static_cast<bhttp::status>(a.status), req.version()};
  res.set(bhttp::field::content_type, "application/json");
  if (a.location) res.set(bhttp::field::location, *a.location);
  if (a.etag) res.set(bhttp::field::etag, *a.etag);
  res.set("Idempotent-Replayed", "true");
  res.body() = a.body;
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  return res;
}

std::string idempotency_key(const Request& req) {
  const auto it = req.find("Idempotency-Key");
  if (it == req.end()) return {};
  std::string key(it->value());
  if (key.empty() || key.size() > 200)
    throw validation_failed("Idempotency-Key", "invalid_value",
                            "an Idempotency-Key has 1 to 200 characters");
  return key;
}

}  // namespace

Response Dispatcher::route_problem(const Request& req, const Match& match) {
  if (!match.allow.empty()) {
    Problem p(405, "method-not-allowed", "Method not allowed",
              std::string(req.method_string()) + " is not supported here; use " + match.allow);
    p.headers.emplace_back("Allow", match.allow);
    return problem_response(p, req.version(), req.keep_alive());
  }
  return problem_response(Problem(404, "not-found", "Not found", "no resource at this address"),
                          req.version(), req.keep_alive());
}

Response Dispatcher::run_without_store(const Request& req, const Match& match) {
  RequestContext ctx{req, match, services_};
  split_target(req.target(), ctx.path, ctx.query);
  Response res = [&] {
    try {
      return match.route->handler(ctx);
    } catch (const Problem& p) {
      return problem_response(p, req.version(), req.keep_alive());
    }
  }();
  cors::apply(ctx, res);
  return res;
}

Response Dispatcher::run(const Request& req, const Match& match,
                         std::shared_ptr<BodyStream>& body) {
  RequestContext ctx{req, match, services_};
  split_target(req.target(), ctx.path, ctx.query);
  Response res = run_in(ctx, [this](RequestContext& c) { return call(c); });
  cors::apply(ctx, res);
  // A handler that failed after leaving a stream answered a problem instead: no stream then.
  if (ctx.body && res.result() == bhttp::status::ok) body = std::move(ctx.body);
  return res;
}

namespace {

// Never a stack trace or an internal message to the client; the log has it.
Response internal_error(const Request& req, const Match& match, const std::exception& e) {
  support::log_line({{"level", "error"},
                     {"msg", "unhandled"},
                     {"route", match.route->path},
                     {"error", e.what()}});
  return problem_response(Problem(500, "internal-error", "Internal error",
                                  "the service failed to answer; the failure has been logged"),
                          req.version(), req.keep_alive());
}

}  // namespace

Response Dispatcher::run(const Request& req, const Match& match) {
  std::shared_ptr<BodyStream> body;
  Response res = run(req, match, body);
  if (!body) return res;
  try {
    while (next_piece(*body, res.body())) {
    }
  } catch (const std::exception& e) {
    return internal_error(req, match, e);
  }
  res.prepare_payload();
  return res;
}

bool Dispatcher::next_piece(BodyStream& body, std::string& out) {
  if (!pool_) throw std::logic_error("a streamed body needs the store");
  auto lease = pool_->acquire();
  app::Context app{*lease, services_.clock, app::Actor::anonymous(), services_.config.public_url};
  try {
    return body.next(app, out);
  } catch (const soci::soci_error&) {
    lease->check_alive();  // a dead connection is reopened before its next use
    throw;
  }
}

Response Dispatcher::run_in(RequestContext& ctx,
                            const std::function<Response(RequestContext&)>& body) {
  const Request& req = ctx.req;
  const Match& match = ctx.match;
  try {
    if (!pool_) return body(ctx);
    auto lease = pool_->acquire();
    ctx.db = &*lease;
    try {
      return body(ctx);
    } catch (const soci::soci_error& e) {
      lease->rollback();
      if (!lease->check_alive()) throw store::StoreUnavailable(e.what());
      throw;
    }
  } catch (const Problem& p) {
    return problem_response(p, req.version(), req.keep_alive());
  } catch (const store::StoreUnavailable& e) {
    support::log_line({{"level", "error"}, {"msg", "store unavailable"}, {"error", e.what()}});
    return problem_response(Problem(503, "store-unavailable", "The store is unavailable",
                                    "the database cannot be reached right now; try again shortly"),
                            req.version(), false);
  } catch (const std::exception& e) {
    return internal_error(req, match, e);
  }
}

Response Dispatcher::call(RequestContext& ctx) {
  const Route& route = *ctx.match.route;
  authenticate(ctx, route.access);
  const bool writes = ctx.req.method() != bhttp::verb::get && ctx.req.method() != bhttp::verb::head;
  if (!writes || !ctx.db) return route.handler(ctx);
  store::Connection& conn = *ctx.db;
  if (route.own_transactions) {
    Response res = route.handler(ctx);
    // Whatever it committed is news to the caches here and on other instances.
    if (conn.backend() == store::Backend::postgresql)
      conn.sql() << "NOTIFY " << ChangeFeed::channel;
    if (services_.cache) services_.cache->invalidate();
    return res;
  }

  conn.begin_write();
  try {
    Written w = write(ctx, [&conn] { conn.rollback(); });
    if (!w.keep) {
      conn.rollback();
      return std::move(w.res);
    }
    // Other instances hear of the change at this commit (PostgreSQL), this one at once.
    if (conn.backend() == store::Backend::postgresql)
      conn.sql() << "NOTIFY " << ChangeFeed::channel;
    conn.commit();
    if (services_.cache) services_.cache->invalidate();
    return std::move(w.res);
  } catch (...) {
    conn.rollback();
    throw;
  }
}

Dispatcher::Written Dispatcher::write(RequestContext& ctx, const std::function<void()>& undo) {
  const Route& route = *ctx.match.route;
  store::Connection& conn = *ctx.db;
  const std::string idem =
      route.idempotent_post && ctx.principal ? idempotency_key(ctx.req) : std::string();
  const std::string request_hash =
      idem.empty() ? std::string()
                   : support::sha256_hex(std::string(ctx.req.target()) + '\n' + ctx.req.body());
  store::IdempotencyRepository answers(conn);
  if (!idem.empty()) {
    if (auto earlier = answers.find(ctx.principal->key_id, idem)) {
      if (earlier->request_hash != request_hash)
        throw validation_failed("Idempotency-Key", "idempotency_key_reused",
                                "this Idempotency-Key was used for a different request");
      return {replay(ctx.req, *earlier), false};
    }
  }
  Response res = route.handler(ctx);
  if (!success(res)) return {std::move(res), false};
  if (!idem.empty()) {
    store::StoredAnswer a{request_hash, static_cast<int>(res.result_int()), std::nullopt,
                          std::nullopt, res.body()};
    if (auto it = res.find(bhttp::field::location); it != res.end())
      a.location = std::string(it->value());
    if (auto it = res.find(bhttp::field::etag); it != res.end()) a.etag = std::string(it->value());
    if (!answers.insert(ctx.principal->key_id, idem, a, services_.clock.now_rfc3339())) {
      // Another instance answered the same key first and committed: undo ours, replay theirs.
      undo();
      auto earlier = answers.find(ctx.principal->key_id, idem);
      if (!earlier || earlier->request_hash != request_hash)
        throw validation_failed("Idempotency-Key", "idempotency_key_reused",
                                "this Idempotency-Key was used for a different request");
      return {replay(ctx.req, *earlier), false};
    }
  }
  return {std::move(res), true};
}

std::optional<Response> Dispatcher::prepare_for_group(const Request& req, const Match& match,
                                                      GroupPrepared& out) {
  RequestContext ctx{req, match, services_};
  split_target(req.target(), ctx.path, ctx.query);
  bool ready = false;
  Response res = run_in(ctx, [&ready](RequestContext& c) {
    authenticate(c, c.match.route->access);
    // A retry with an Idempotency-Key may be a replay of an earlier answer, which the group finds
    // in its transaction: prepared now, it could be refused for what changed since. Whole there.
    if (c.match.route->prepare && c.req.find("Idempotency-Key") == c.req.end())
      c.match.route->prepare(c);
    ready = true;
    return Response{};
  });
  if (ready) {
    out.principal = std::move(ctx.principal);
    out.state = std::move(ctx.prepared);
    return std::nullopt;
  }
  cors::apply(ctx, res);
  return res;
}

Response Dispatcher::run_in_group(const Request& req, const Match& match, store::Connection& conn,
                                  GroupPrepared& prepared) {
  RequestContext ctx{req, match, services_};
  split_target(req.target(), ctx.path, ctx.query);
  ctx.db = &conn;
  ctx.principal = std::move(prepared.principal);
  ctx.prepared = std::move(prepared.state);
  auto& savepoint = conn.prepared<store::RequestSavepoint>();
  const auto undo = [&] { savepoint.undo.execute(true); };
  savepoint.begin.execute(true);
  Response res = [&] {
    try {
      Written w = write(ctx, undo);
      if (!w.keep) undo();
      savepoint.release.execute(true);
      return std::move(w.res);
    } catch (const Problem& p) {
      undo();
      savepoint.release.execute(true);
      return problem_response(p, req.version(), req.keep_alive());
    }
  }();
  cors::apply(ctx, res);
  return res;
}

}  // namespace dialogd::http
