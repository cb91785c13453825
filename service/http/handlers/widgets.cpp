// The web components a webmaster embeds (/widgets/v1/dialogd.js), one page per widget for CMSs that
// allow only iframes (/embed/{widget}/{id}) and the gallery (/widgets). The sources live in
// plugin-glue/widgets/ and are compiled into the binary.
#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "cms/http_cache.hpp"
#include "cms/oembed.hpp"
#include "http/handlers/handlers.hpp"
#include "http/problem.hpp"
#include "support/gzip.hpp"
#include "support/html.hpp"
#include "support/ids.hpp"

namespace dialogd::embedded {
std::string_view find(std::string_view path);
}

namespace dialogd::http::handlers {
namespace {

// Each asset in two representations: as it is, and gzipped once at start for the clients that
// accept it (every browser), a third of the bytes on the wire. Strong ETags differ between them.
struct Asset {
  std::string_view body;
  std::string etag;  // strong: a hash of the content
  std::string gzipped;
  std::string gzip_etag;
};

const Asset& asset(std::string_view path) {
  static const std::map<std::string_view, Asset, std::less<>> assets = [] {
    std::map<std::string_view, Asset, std::less<>> m;
    for (std::string_view p : {"plugin-glue/widgets/dialogd.js", "plugin-glue/widgets/gallery.html",
                               "plugin-glue/widgets/gallery.js", "plugin-glue/widgets/page.css",
                               "openapi/docs-a11y.js"}) {
      const std::string_view body = embedded::find(p);
      const std::string hash = support::sha256_hex(body).substr(0, 32);
      m.emplace(p, Asset{body, '"' + hash + '"', support::gzip(body), "\"" + hash + "-gzip\""});
    }
    return m;
  }();
  return assets.find(path)->second;
}

// Pages dialogd serves run no inline script and load nothing from elsewhere.
std::string page_policy(std::string_view frame_ancestors) {
  return "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
         "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors " +
         std::string(frame_ancestors);
}

Response serve(const RequestContext& ctx, std::string_view path, std::string_view type,
               std::string_view cache_control) {
  const Asset& a = asset(path);
  const auto ae = ctx.req.find(bhttp::field::accept_encoding);
  const bool gz = ae != ctx.req.end() && support::accepts_gzip(ae->value());
  const std::string& etag = gz ? a.gzip_etag : a.etag;
  const auto inm = ctx.req.find(bhttp::field::if_none_match);
  const bool fresh = inm != ctx.req.end() && cms::not_modified({etag, ""}, inm->value(), {});
  Response res{fresh ? bhttp::status::not_modified : bhttp::status::ok, ctx.req.version()};
  res.set(bhttp::field::etag, etag);
  res.set(bhttp::field::cache_control, cache_control);
  res.set(bhttp::field::vary, "Accept-Encoding");
  res.set("X-Content-Type-Options", "nosniff");
  res.keep_alive(ctx.req.keep_alive());
  if (fresh) return res;  // 304: no body and no Content-Length (it would name the 200's)
  res.set(bhttp::field::content_type, type);
  if (gz) {
    res.set(bhttp::field::content_encoding, "gzip");
    res.body() = a.gzipped;
  } else {
    res.body() = std::string(a.body);
  }
  res.prepare_payload();
  return res;
}

std::string escape(std::string_view s) {
  return support::html_escape(s);
}

struct Widget {
  std::string_view name, sv, en;
};
constexpr std::array<Widget, 6> widgets{{
    {"status", "Dialogens läge", "Where the dialogue stands"},
    {"ladder", "Delaktighetstrappan", "The participation ladder"},
    {"contribute", "Lämna synpunkter", "Contribute"},
    {"receipt", "Följ ditt bidrag", "Follow your contribution"},
    {"feedback", "Återkoppling", "Feedback"},
    {"representation", "Vilka har vi nått?", "Who has been reached?"},
}};

}  // namespace

Response widgets_script(RequestContext& ctx) {
  // Versioned URL: a change of the widgets is a new /widgets/vN/, so this one may be kept a year.
  return serve(ctx, "plugin-glue/widgets/dialogd.js", "text/javascript; charset=utf-8",
               "public, max-age=31536000, immutable");
}

Response widgets_gallery(RequestContext& ctx) {
  Response res = serve(ctx, "plugin-glue/widgets/gallery.html", "text/html; charset=utf-8",
                       "public, max-age=300");
  res.set("Content-Security-Policy", page_policy("'self'"));
  return res;
}

Response widgets_gallery_script(RequestContext& ctx) {
  return serve(ctx, "plugin-glue/widgets/gallery.js", "text/javascript; charset=utf-8",
               "public, max-age=300");
}

Response widgets_page_css(RequestContext& ctx) {
  return serve(ctx, "plugin-glue/widgets/page.css", "text/css; charset=utf-8",
               "public, max-age=300");
}

Response docs_a11y_script(RequestContext& ctx) {
  return serve(ctx, "openapi/docs-a11y.js", "text/javascript; charset=utf-8",
               "public, max-age=300");
}

Response embed_page(RequestContext& ctx) {
  const std::string_view name = ctx.param("widget");
  const auto* w =
      std::find_if(widgets.begin(), widgets.end(), [&](const Widget& x) { return x.name == name; });
  if (w == widgets.end())
    throw Problem(404, "not-found", "Not found",
                  "there is no widget '" + std::string(name) +
                      "'; use status, ladder, contribute, receipt, feedback or representation");
  const auto lang_param = ctx.query_param("lang");
  const std::string lang = lang_param && *lang_param == "en" ? "en" : "sv";
  const std::string id = escape(ctx.param("id"));
  std::string attributes;
  // For the receipt widget {id} is a receipt code to look up at once ("-" for none).
  if (w->name == "receipt") {
    if (id != "-") attributes = " code=\"" + escape(id) + "\"";
  } else {
    attributes = " dialogue=\"" + escape(id) + "\"";
  }
  if (const auto key = ctx.query_param("key"); key && w->name == "contribute")
    attributes += " key=\"" + escape(*key) + "\"";
  const std::string title = std::string(lang == "en" ? w->en : w->sv) + " – dialogd";
  Response res{bhttp::status::ok, ctx.req.version()};
  res.set(bhttp::field::content_type, "text/html; charset=utf-8");
  res.set(bhttp::field::cache_control, "public, max-age=300");
  res.set("Content-Security-Policy", page_policy("*"));
  res.body() =
      "<!doctype html>\n<html lang=\"" + lang +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape(title) + "</title>\n<link rel=\"stylesheet\" href=\"/widgets/page.css\">\n" +
      (w->name == "receipt" ? std::string()
                            : cms::oembed::discovery_link(
                                  ctx.services.config.public_url,
                                  ctx.services.config.public_url + std::string(ctx.path), title) +
                                  "\n") +
      "<script type=\"module\" src=\"/widgets/v1/dialogd.js\"></script>\n</head>\n"
      "<body class=\"embed\">\n<main>\n<dialogd-" +
      std::string(w->name) + attributes + "></dialogd-" + std::string(w->name) +
      ">\n</main>\n</body>\n</html>\n";
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

}  // namespace dialogd::http::handlers
