#pragma once
// Method + path template -> route. Beast has no router; this one matches literal segments and
// {name} parameters, and tells 404 (no such path) from 405 (path known, method not).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/net.hpp"

namespace dialogd::http {

struct RequestContext;
using Handler = Response (*)(RequestContext&);
// Reads and checks only, no writes; refuses by throwing a Problem, else leaves ctx.prepared.
using Preparer = void (*)(RequestContext&);

enum class Access {
  anyone,  // public; a presented key must still be valid
  portal,  // portal, editor or admin
  editor,  // editor or admin
  admin,
  operator_,  // the service's operator: organisations
};

struct Route {
  bhttp::verb method;
  std::string path;  // template, e.g. /v1/dialogues/{id}
  Access access;
  Handler handler;
  bool needs_store = true;       // false: answered on the socket thread when no key is presented
  bool idempotent_post = false;  // honours Idempotency-Key
  bool group_commit = false;     // the hot write path: shares a transaction and an fsync
  // For a group-committed route: run on a database thread before the group, so that the one
  // thread that writes for everyone does only what must be inside the write transaction.
  Preparer prepare = nullptr;
  // The handler opens its own transactions (a sync that waits on another server between pages).
  bool own_transactions = false;
};

struct Match {
  const Route* route = nullptr;
  std::vector<std::pair<std::string_view, std::string>> params;
  std::string allow;  // for 405: the methods the path does support
};

class Router {
 public:
  void add(Route r);
  Match match(bhttp::verb method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    Route route;
    std::vector<std::string> segments;  // "{x}" marks a parameter
  };
  std::vector<Compiled> compiled_;
  std::vector<Route> routes_;
};

// Every route of the service (routes.cpp).
const Router& router();

}  // namespace dialogd::http
