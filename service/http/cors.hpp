#pragma once
// Cross-origin resource sharing for the widgets. Public reads answer any origin; a request with a
// widget key answers only that key's origin (checked in widget_keys.cpp); requests with other keys
// get no CORS headers at all: those keys are secrets and do not belong in a browser.
#include <string_view>

#include "http/net.hpp"
#include "http/request_context.hpp"

namespace dialogd::http::cors {

// An OPTIONS request with Origin and Access-Control-Request-Method.
bool is_preflight(const Request& req);
// The answer to a preflight on a path whose methods are `allow` (e.g. "GET, POST").
Response preflight(const Request& req, std::string_view allow);
// Adds the CORS headers the request earned to its answer.
void apply(const RequestContext& ctx, Response& res);

}  // namespace dialogd::http::cors
