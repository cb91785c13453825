#include "http/app_bridge.hpp"

#include <charconv>

namespace dialogd::http {

app::Context app_context(const RequestContext& ctx) {
  app::Actor actor = app::Actor::anonymous();
  if (ctx.principal)
    actor = {ctx.principal->key_id, ctx.principal->name, ctx.principal->role,
             ctx.principal->organisation_id};
  return {ctx.store(), ctx.services.clock, std::move(actor), ctx.services.config.public_url};
}

app::Precondition precondition(const RequestContext& ctx, bool required) {
  app::Precondition p;
  p.required = required;
  const auto it = ctx.req.find(bhttp::field::if_match);
  if (it == ctx.req.end()) return p;
  p.given = true;
  std::string_view list = it->value();
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view tag = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag == "*") p.any = true;
    // Strong comparison: a weak tag (W/"3") never matches.
    if (tag.size() < 3 || tag.front() != '"' || tag.back() != '"') continue;
    std::int64_t v = 0;
    const auto digits = tag.substr(1, tag.size() - 2);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc() && end == digits.data() + digits.size()) p.versions.push_back(v);
  }
  return p;
}

Problem to_problem(const app::Failure& f) {
  using K = app::FailureKind;
  if (f.kind == K::validation) {
    codec::FieldErrors errors;
    for (const auto& e : f.errors) errors.add(e.field, e.code, e.message);
    return validation_failed(errors);
  }
  unsigned status = 409;
  switch (f.kind) {
    case K::not_found:
      status = 404;
      break;
    case K::precondition_failed:
      status = 412;
      break;
    case K::precondition_required:
      status = 428;
      break;
    case K::forbidden:
      status = 403;
      break;
    default:
      status = 409;
  }
  Problem p(status, f.slug, f.title, f.detail);
  for (const auto& [k, v] : f.texts) p.extra[k] = v;
  for (const auto& [k, list] : f.lists) {
    boost::json::array a;
    for (const auto& v : list) a.emplace_back(v);
    p.extra[k] = std::move(a);
  }
  if (!f.current_version.empty()) p.headers.emplace_back("ETag", "\"" + f.current_version + "\"");
  return p;
}

}  // namespace dialogd::http
