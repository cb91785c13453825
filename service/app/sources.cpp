#include "app/sources.hpp"

#include <boost/json/parse.hpp>
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

Result<Source> find_source(Context& ctx, const std::string& dialogue_id,
                           const std::string& source_id) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  auto s = store::SourceRepository(ctx.db).find(source_id);
  if (!s || s->dialogue_id != d->id)
    return not_found("source '" + source_id + "' of dialogue '" + dialogue_id + "'");
  return std::move(*s);
}

std::vector<Source> syncable_sources(Context& ctx) {
  std::vector<Source> out;
  for (auto& s : store::SourceRepository(ctx.db).all())
    if (find_dialogue(ctx, s.dialogue_id)) out.push_back(std::move(s));
  return out;
}

std::optional<SourceCredentials> credentials_of(Context& ctx, const Source& s) {
  const auto stored = store::SourceRepository(ctx.db).credentials(s.id);
  if (!stored) return std::nullopt;
  boost::system::error_code ec;
  const json::value v = json::parse(*stored, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto* key = v.as_object().if_contains("api_key");
  const auto* secret = v.as_object().if_contains("api_secret");
  if (!key || !secret || !key->is_string() || !secret->is_string()) return std::nullopt;
  return SourceCredentials{std::string(key->as_string()), std::string(secret->as_string())};
}

void record_sync(Context& ctx, const Source& s, const std::string& counts_json,
                 const std::optional<std::string>& error,
                 const std::optional<std::string>& process_json) {
  store::SourceRepository(ctx.db).record_sync(s.id, ctx.clock.now_rfc3339(), counts_json, error,
                                              process_json);
}

void record_write_back(Context& ctx, const Source& s) {
  store::SourceRepository(ctx.db).record_write_back(s.id, ctx.clock.now_rfc3339());
}

Result<Done> claim_sync(Context& ctx, const Source& s, int stale_minutes) {
  const auto now = std::chrono::system_clock::now();
  const auto stale = now - std::chrono::minutes(stale_minutes);
  ctx.db.begin_write();
  bool claimed = false;
  try {
    claimed = store::SourceRepository(ctx.db).claim_sync(s.id, support::rfc3339(now),
                                                         support::rfc3339(stale));
    ctx.db.commit();
  } catch (...) {
    ctx.db.rollback();
    throw;
  }
  if (!claimed)
    return conflict("sync-running", "A sync of this source is running",
                    "another sync of source '" + s.id + "' started less than " +
                        std::to_string(stale_minutes) + " minutes ago; try again when it is done");
  return Done{};
}

void release_sync(Context& ctx, const Source& s) {
  ctx.db.begin_write();
  try {
    store::SourceRepository(ctx.db).release_sync(s.id);
    ctx.db.commit();
  } catch (...) {
    ctx.db.rollback();
    throw;
  }
}

std::map<std::string, std::string> imported_hashes(Context& ctx, const Source& s) {
  return store::SourceRepository(ctx.db).known_hashes(s.id);
}

std::optional<SourceItem> source_item(Context& ctx, const Source& s,
                                      const std::string& external_id) {
  return store::SourceRepository(ctx.db).item(s.id, external_id);
}

std::vector<SourceItem> source_items(Context& ctx, const Source& s, const std::string& kind) {
  return store::SourceRepository(ctx.db).items(s.id, kind);
}

long long count_source_items(Context& ctx, const Source& s, const std::string& kind) {
  return store::SourceRepository(ctx.db).count_items(s.id, kind);
}

void remember_item(Context& ctx, const Source& s, const SourceItem& item) {
  store::SourceRepository(ctx.db).upsert_item(s.id, item);
}

void mark_sent(Context& ctx, const Source& s, const std::string& external_id,
               const std::string& sent_hash) {
  store::SourceRepository(ctx.db).mark_sent(s.id, external_id, sent_hash);
}

}  // namespace dialogd::app
