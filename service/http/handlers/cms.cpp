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
#include "http/body_stream.hpp"
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

namespace {

// An organisation's open-data file, read a page at a time: activities and needs in pages of
// `page_size` per dialogue, the smaller sets one dialogue at a time. Each piece holds at least one
// chunk of the renderer (16 KiB) or the end of the file, so every database visit is worth a write.
// Between pieces only the position is kept. The file is not one snapshot: a record written during
// the download may or may not be in it, but keyset paging never gives one twice.
class OpenDataBody : public BodyStream {
 public:
  static constexpr int page_size = 500;

  OpenDataBody(cms::open_data::Resource r, cms::open_data::Format f,
               std::vector<cms::PublicDialogue> dialogues)
      : resource_(r),
        dialogues_(std::move(dialogues)),
        out_(r, f, [this](std::string_view chunk) { rendered_.append(chunk); }) {}

  bool next(app::Context& app, std::string& out) override {
    bool more = true;
    while (rendered_.empty() && more) {
      if (index_ < dialogues_.size()) {
        read(app, dialogues_[index_]);
      } else {
        out_.finish();
        more = false;
      }
    }
    out.append(rendered_);
    rendered_.clear();
    return more;
  }

 private:
  void read(app::Context& app, const cms::PublicDialogue& d) {
    using R = cms::open_data::Resource;
    const app::Page page{page_size, after_};
    switch (resource_) {
      case R::dialogues:
        out_.add(d);
        break;
      case R::activities:
        return add_page(cms::activities_of(app, d, page));
      case R::needs:
        return add_page(cms::needs_of(app, d, page));
      case R::measures:
        for (const auto& m : cms::measures_of(app, d)) out_.add(m);
        break;
      case R::feedback:
        for (const auto& f : cms::feedback_of(app, d)) out_.add(f);
        break;
      case R::contribution_counts:
        for (const auto& c : cms::contribution_counts_of(app, d)) out_.add(c);
        break;
    }
    ++index_;
  }

  // A page answers page_size + 1 records when there are more; the extra one is read again next.
  template <typename T>
  void add_page(std::vector<T> rows) {
    const bool more = rows.size() > static_cast<std::size_t>(page_size);
    if (more) rows.pop_back();
    for (const auto& r : rows) out_.add(r);
    if (more) {
      after_ = rows.back().id;
    } else {
      after_.reset();
      ++index_;
    }
  }

  cms::open_data::Resource resource_;
  std::vector<cms::PublicDialogue> dialogues_;
  std::size_t index_ = 0;             // the dialogue being read
  std::optional<std::string> after_;  // and the last record read of it
  std::string rendered_;              // what the renderer handed on, not yet taken
  cms::open_data::ResourceStream out_;
};

}  // namespace

// Streamed (chunked): the headers go out at once and the rows follow as they are read, so the
// answer has no ETag (that would need the whole body first). Last-Modified is sent where it is
// exact, on the dialogues file (the newest dialogue's change); the other files change with records
// whose times are not known before they are read, and carry no validator (a client's copy is good
// for max-age, then fetched again).
Response open_data(RequestContext& ctx) {
  auto app = reader(ctx);
  const auto org = unwrap(cms::organisation(app, std::string(ctx.param("org_id"))));
  const auto [resource, format] = resource_of(ctx);
  auto dialogues = cms::dialogues(app, org.id);
  Response res{bhttp::status::ok, ctx.req.version()};
  res.keep_alive(ctx.req.keep_alive());
  res.set(bhttp::field::cache_control, "public, max-age=300");
  if (resource == cms::open_data::Resource::dialogues) {
    std::string newest;
    for (const auto& d : dialogues) newest = std::max(newest, d.updated_at);
    const auto v = cms::validators({}, newest);
    if (!v.last_modified.empty()) {
      res.set(bhttp::field::last_modified, v.last_modified);
      // Without an ETag, If-None-Match matches nothing; If-Modified-Since counts only without it.
      const auto ims = ctx.req.find(bhttp::field::if_modified_since);
      if (ctx.req.find(bhttp::field::if_none_match) == ctx.req.end() && ims != ctx.req.end() &&
          cms::not_modified({"", v.last_modified}, std::nullopt, ims->value())) {
        res.result(bhttp::status::not_modified);
        res.prepare_payload();
        return res;
      }
    }
  }
  res.set(bhttp::field::content_type, cms::open_data::media_type(format));
  res.set(bhttp::field::content_disposition,
          "inline; filename=\"" + cms::open_data::file_name(resource, format) + "\"");
  ctx.body = std::make_shared<OpenDataBody>(resource, format, std::move(dialogues));
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
