#pragma once
// oEmbed 1.0 provider (https://oembed.com/): turns a URL of one of our public pages into a "rich"
// embed of the matching widget, inside an iframe. Pure: the caller answers the HTTP request with
// `status`, `content_type` and `body`, and supplies a lookup that says whether a dialogue is
// public.
//
// Recognised URLs (query and fragment ignored, a trailing slash allowed):
//   {base}/d/{id}                the public page: embeds the `status` widget
//   {base}/embed/{widget}/{id}   widget in status, ladder, contribute, receipt, feedback,
//                                representation
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dialogd::cms::oembed {

struct Config {
  std::string base_url;  // "https://dialog.example.se", no trailing slash
  std::string provider_name = "dialogd";
  std::string provider_url;  // defaults to base_url when empty
  int cache_age = 3600;      // seconds, also used for Cache-Control by the caller
};

// The query parameters of GET /oembed, as received (already percent-decoded by the router, or
// not: `url` is accepted either way).
struct Query {
  std::optional<std::string> url;
  std::optional<std::string> maxwidth;
  std::optional<std::string> maxheight;
  std::optional<std::string> format;  // json (default) | xml -> 501
};

// The public title of a dialogue when it exists and is public, nullopt otherwise (-> 404).
using PublicTitleLookup = std::function<std::optional<std::string>(std::string_view dialogue_id)>;

struct Result {
  int status = 200;          // 200, 400, 404 or 501
  std::string content_type;  // application/json or application/problem+json
  std::string body;
};

struct Size {
  int width, height;
};

inline constexpr std::string_view widgets[] = {"status",  "ladder",   "contribute",
                                               "receipt", "feedback", "representation"};
// The default size of a widget's iframe; nullopt for an unknown widget.
std::optional<Size> default_size(std::string_view widget);

struct Target {
  std::string widget;  // the widget embedded
  std::string dialogue_id;
};
// Recognises one of our public URLs; nullopt when the URL is not ours.
std::optional<Target> match(std::string_view url, std::string_view base_url);

Result resolve(const Query& query, const Config& config, const PublicTitleLookup& lookup);

// Convenience for the brief's signature: url, base url, max sizes, format.
Result resolve(std::string_view url, std::string_view base_url, std::optional<int> maxwidth,
               std::optional<int> maxheight, std::string_view format,
               const PublicTitleLookup& lookup);

// The discovery tag for the <head> of a public page:
// <link rel="alternate" type="application/json+oembed" href="{base}/oembed?url=...&amp;format=json"
//  title="...">
std::string discovery_link(std::string_view base_url, std::string_view page_url,
                           std::string_view title);

}  // namespace dialogd::cms::oembed
