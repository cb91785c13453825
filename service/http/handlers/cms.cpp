// What a CMS takes without running our code: oEmbed for pasted links, Atom feeds to subscribe to,
// and open data (JSON, CSV, a DCAT-AP-SE catalogue) to harvest. All public and read-only, rendered
// by adapters/cms from data gathered through the use cases as an anonymous reader.
#include <string_view>

#include "cms/atom.hpp"
#include "cms/dcat.hpp"
#include "cms/http_cache.hpp"
#include "cms/oembed.hpp"
#include "cms/open_data.hpp"
#include "cms/publication.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {

namespace {

// A public read answered with the document's validators; 304 when the client holds it.
Response document(const RequestContext& ctx, std::string body, std::string_view content_type,
                  std::string_view newest) {
  const auto v = cms::validators(body, newest);
  const auto inm = ctx.req.find(bhttp::field::if_none_match);
  const auto ims = ctx.req.find(bhttp::field::if_modified_since);
  const bool fresh = cms::not_modified(
      v, inm == ctx.req.end() ? std::nullopt : std::optional<std::string_view>(inm->value()),
      ims == ctx.req.end() ? std::nullopt : std::optional<std::string_view>(ims->value()));
  Response res{fresh ? bhttp::status::not_modified : bhttp::status::ok, ctx.req.version()};
  res.set(bhttp::field::etag, v.etag);
  if (!v.last_modified.empty()) res.set(bhttp::field::last_modified, v.last_modified);
  res.set(bhttp::field::cache_control, "public, max-age=300");
  if (!fresh) {
    res.set(bhttp::field::content_type, content_type);
    res.body() = std::move(body);
  }
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

// Anonymous: exactly what any citizen may see.
app::Context reader(const RequestContext& ctx) {
  app::Context app = app_context(ctx);
  app.actor = app::Actor::anonymous();
  return app;
}

cms::atom::Config atom_config(const RequestContext& ctx) {
  cms::atom::Config c;
  c.base_url = ctx.services.config.public_url;
  return c;
}

std::string lang_of(const RequestContext& ctx) {
  const auto l = ctx.query_param("lang");
  return l ? std::string(*l) : std::string();
}

// The route's {resource} and the format its path ends in.
std::pair<cms::open_data::Resource, cms::open_data::Format> resource_of(const RequestContext& ctx) {
  const std::string_view route = ctx.match.route->path;
  const auto format = cms::open_data::parse_format(route.substr(route.rfind('.') + 1));
  if (auto r = cms::open_data::parse_resource(ctx.param("resource")); r && format)
    return {*r, *format};
  throw not_found("open data '" + std::string(ctx.param("resource")) + "'");
}

}  // namespace

Response oembed(RequestContext& ctx) {
  auto app = reader(ctx);
  cms::oembed::Query q;
  const auto param = [&](std::string_view name) -> std::optional<std::string> {
    if (auto v = ctx.query_param(name)) return std::string(*v);
    return std::nullopt;
  };
  q.url = param("url");
  q.maxwidth = param("maxwidth");
  q.maxheight = param("maxheight");
  q.format = param("format");
  cms::oembed::Config config;
  config.base_url = ctx.services.config.public_url;
  const auto result =
      cms::oembed::resolve(q, config, [&](std::string_view id) -> std::optional<std::string> {
        auto d = cms::dialogue(app, std::string(id));
        if (!d || d->state == "draft") return std::nullopt;
        return d->title;
      });
  Response res{static_cast<bhttp::status>(result.status), ctx.req.version()};
  res.set(bhttp::field::content_type, result.content_type);
  if (result.status == 200)
    res.set(bhttp::field::cache_control, "public, max-age=" + std::to_string(config.cache_age));
  res.body() = result.body;
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

Response organisation_feed(RequestContext& ctx) {
  auto app = reader(ctx);
  const auto org = unwrap(cms::organisation(app, std::string(ctx.param("org_id"))));
  const auto feed = cms::atom::organisation_feed(org, cms::dialogues(app, org.id), atom_config(ctx),
                                                 cms::atom::parse_language(lang_of(ctx)));
  return document(ctx, feed.xml, "application/atom+xml; charset=utf-8", feed.updated);
}

Response dialogue_feed(RequestContext& ctx) {
  auto app = reader(ctx);
  const std::string id(ctx.param("id"));
  const auto h = unwrap(cms::history(app, id));
  const auto org = unwrap(cms::organisation(app, h.dialogue.organisation_id));
  const auto feed =
      cms::atom::dialogue_feed(org, h.dialogue, h.transitions, h.documents, h.feedback,
                               atom_config(ctx), cms::atom::parse_language(lang_of(ctx)));
  return document(ctx, feed.xml, "application/atom+xml; charset=utf-8", feed.updated);
}

Response open_data(RequestContext& ctx) {
  auto app = reader(ctx);
  const auto org = unwrap(cms::organisation(app, std::string(ctx.param("org_id"))));
  const auto [resource, format] = resource_of(ctx);
  const auto dialogues = cms::dialogues(app, org.id);
  std::string body, newest;
  for (const auto& d : dialogues) newest = std::max(newest, d.updated_at);
  // Rendered in 16 KiB chunks into one body: the sets are an organisation's public records.
  cms::open_data::ResourceStream out(resource, format, [&](std::string_view c) { body.append(c); });
  using R = cms::open_data::Resource;
  switch (resource) {
    case R::dialogues:
      for (const auto& d : dialogues) out.add(d);
      break;
    case R::activities:
      for (const auto& a : cms::activities(app, dialogues)) out.add(a);
      break;
    case R::needs:
      for (const auto& n : cms::needs(app, dialogues)) out.add(n);
      break;
    case R::measures:
      for (const auto& m : cms::measures(app, dialogues)) out.add(m);
      break;
    case R::feedback:
      for (const auto& f : cms::feedback(app, dialogues)) out.add(f);
      break;
    case R::contribution_counts:
      for (const auto& c : cms::contribution_counts(app, dialogues)) out.add(c);
      break;
  }
  out.finish();
  Response res = document(ctx, std::move(body), cms::open_data::media_type(format), newest);
  res.set(bhttp::field::content_disposition,
          "inline; filename=\"" + cms::open_data::file_name(resource, format) + "\"");
  return res;
}

Response open_data_catalog(RequestContext& ctx) {
  auto app = reader(ctx);
  const auto org = unwrap(cms::organisation(app, std::string(ctx.param("org_id"))));
  cms::dcat::Config c;
  c.base_url = ctx.services.config.public_url;
  c.license = ctx.services.config.open_data_licence;
  c.contact_name = org.name;
  c.contact_email = ctx.services.config.open_data_contact;
  c.contact_url = org.url;
  std::string newest;
  for (const auto& d : cms::dialogues(app, org.id)) newest = std::max(newest, d.updated_at);
  if (!newest.empty()) c.modified = newest;
  return document(ctx, cms::dcat::catalog_jsonld(org, c), "application/ld+json", newest);
}

}  // namespace dialogd::http::handlers
