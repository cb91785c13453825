#include "http/auth.hpp"

#include "http/problem.hpp"
#include "http/widget_keys.hpp"
#include "store/key_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http {
namespace {

Problem unauthorized(std::string detail) {
  Problem p(401, "unauthorized", "Unauthorized", std::move(detail));
  p.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"dialogd\"");
  return p;
}

bool allowed(Access access, const std::string& role) {
  switch (access) {
    case Access::anyone:
      return true;
    case Access::portal:
      return role == "portal" || role == "editor" || role == "admin";
    case Access::editor:
      return role == "editor" || role == "admin";
    case Access::admin:
      return role == "admin";
    case Access::operator_:
      return role == "operator";
  }
  return false;
}

}  // namespace

void authenticate(RequestContext& ctx, Access access) {
  const auto it = ctx.req.find(bhttp::field::authorization);
  if (it == ctx.req.end()) {
    if (access != Access::anyone)
      throw unauthorized("this request needs an API key: Authorization: Bearer <key>");
    return;
  }
  const std::string_view value = it->value();
  constexpr std::string_view scheme = "Bearer ";
  if (value.size() <= scheme.size() || value.substr(0, scheme.size()) != scheme)
    throw unauthorized("use Authorization: Bearer <key>");
  const std::string_view key = value.substr(scheme.size());
  if (!ctx.db) throw unauthorized("keys cannot be checked");
  auto found = store::KeyRepository(*ctx.db).find_active(support::sha256_hex(key),
                                                         ctx.services.clock.now_rfc3339());
  if (!found) throw unauthorized("the API key is unknown or revoked");
  ctx.principal = Principal{found->id, found->name, found->role, found->organisation_id, {}};
  if (found->role == "widget") return authorize_widget_key(ctx, access);
  // An operator manages organisations; it has none of its own, so it names none of their
  // resources: 422 on an organisation's routes (public reads see nothing of any organisation's
  // unpublished data either: the use cases find no resource for it).
  if (found->role == "operator" && access != Access::operator_ && access != Access::anyone)
    throw validation_failed("Authorization", "operator_key",
                            "an operator key acts on /v1/organisations only; use a key of the "
                            "organisation (dialogd keys create --role editor --org ID)");
  if (!allowed(access, found->role))
    throw Problem(403, "forbidden", "Forbidden",
                  "a key with the role '" + found->role + "' may not do this");
}

}  // namespace dialogd::http
