#include "app/sources.hpp"

#include <boost/json/serialize.hpp>

#include "app/dialogues.hpp"
#include "support/ids.hpp"
#include "support/outbound.hpp"

namespace dialogd::app {
namespace json = boost::json;

Result<Source> link_source(Context& ctx, const std::string& dialogue_id, SourceInput in) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  auto& errors = in.read_errors;
  if (!in.kind.empty() && in.kind != "decidim")
    errors.add("kind", "invalid_value",
               "'" + in.kind + "' is not a platform dialogd reads: decidim");
  if (!in.base_url.empty()) {
    const auto url = support::parse_http_url(in.base_url);
    if (!url)
      errors.add("base_url", "invalid_value",
                 "'" + in.base_url + "' is not an http(s) address of a Decidim instance");
    // An address written as digits is checked now; a name is resolved and checked at each sync.
    else if (!in.allow_private &&
             url->host.find_first_not_of("0123456789.:[]abcdefABCDEF") == std::string::npos &&
             support::non_public_address(url->host))
      errors.add("base_url", "not_public",
                 "'" + in.base_url + "' names a loopback, private or link-local address");
  }
  if (!errors.empty()) return invalid(errors);
  Source s;
  s.id = support::new_id();
  s.dialogue_id = d->id;
  s.kind = in.kind;
  s.base_url = in.base_url;
  while (!s.base_url.empty() && s.base_url.back() == '/') s.base_url.pop_back();
  s.process_id = in.process_id;
  json::array components;
  for (const auto& c : in.components) components.emplace_back(c);
  s.components = json::serialize(components);
  s.has_credentials = in.credentials.has_value();
  s.counts = R"({"activities":0,"contributions":0})";
  s.created_at = ctx.clock.now_rfc3339();
  std::optional<std::string> credentials;
  if (in.credentials)
    credentials = json::serialize(json::object{{"api_key", in.credentials->api_key},
                                               {"api_secret", in.credentials->api_secret}});
  store::SourceRepository(ctx.db).insert(s, credentials);
  return s;
}

Result<std::vector<Source>> list_sources(Context& ctx, const std::string& dialogue_id) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  return store::SourceRepository(ctx.db).list(d->id);
}

}  // namespace dialogd::app
