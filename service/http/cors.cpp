#include "http/cors.hpp"

#include <string>

namespace dialogd::http::cors {
namespace {

constexpr std::string_view exposed =
    "ETag, Location, Link, Retry-After, X-Request-Id, "
    "Idempotent-Replayed";

bool has(const Request& req, bhttp::field f) {
  return req.find(f) != req.end();
}

}  // namespace

bool is_preflight(const Request& req) {
  return req.method() == bhttp::verb::options && has(req, bhttp::field::origin) &&
         has(req, bhttp::field::access_control_request_method);
}

Response preflight(const Request& req, std::string_view allow) {
  // Only what a browser page may do: read, and send contributions. Which origin may send with which
  // key is decided on the real request, where the key is known.
  std::string methods;
  for (std::string_view m : {"GET", "POST"})
    if (allow.find(m) != std::string_view::npos)
      methods += (methods.empty() ? "" : ", ") + std::string(m);
  Response res{bhttp::status::no_content, req.version()};
  res.set(bhttp::field::access_control_allow_origin, req[bhttp::field::origin]);
  res.set(bhttp::field::access_control_allow_methods, methods);
  res.set(bhttp::field::access_control_allow_headers,
          "Authorization, Content-Type, Idempotency-Key, Accept-Language");
  res.set(bhttp::field::access_control_max_age, "600");
  res.set(bhttp::field::vary,
          "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
  res.keep_alive(req.keep_alive());
  res.prepare_payload();
  return res;
}

void apply(const RequestContext& ctx, Response& res) {
  if (ctx.principal) {
    if (ctx.principal->role == "widget" && !ctx.principal->origin.empty()) {
      res.set(bhttp::field::access_control_allow_origin, ctx.principal->origin);
      res.set(bhttp::field::access_control_expose_headers, exposed);
      res.set(bhttp::field::vary, "Origin");
    }
    return;
  }
  if (has(ctx.req, bhttp::field::authorization)) return;
  const auto m = ctx.req.method();
  if ((m == bhttp::verb::get || m == bhttp::verb::head) && ctx.match.route &&
      ctx.match.route->access == Access::anyone) {
    res.set(bhttp::field::access_control_allow_origin, "*");
    res.set(bhttp::field::access_control_expose_headers, exposed);
  }
}

}  // namespace dialogd::http::cors
