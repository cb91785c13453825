#pragma once
// Links between a dialogue and a participation platform's process (a Decidim participatory
// process): where its meetings and proposals are read from, and where outcomes are written back.
// The import and sync themselves belong to the Decidim adapter (adapters/decidim).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/result.hpp"
#include "store/source_repository.hpp"

namespace dialogd::app {

using Source = store::SourceRecord;

struct SourceCredentials {
  std::string api_key, api_secret;  // Decidim 0.31's API user, exchanged at /api/sign_in
};

struct SourceInput {
  std::string kind;  // decidim
  std::string base_url;
  std::string process_id;
  std::vector<std::string> components;  // empty: every component of the process
  std::optional<SourceCredentials> credentials;
  bool allow_private = false;  // the operator's --allow-private-webhooks
  codec::FieldErrors read_errors;
};

Result<Source> link_source(Context& ctx, const std::string& dialogue_id, SourceInput in);
Result<std::vector<Source>> list_sources(Context& ctx, const std::string& dialogue_id);
Result<Source> find_source(Context& ctx, const std::string& dialogue_id,
                           const std::string& source_id);
// Every source the actor may sync (the service itself: all of them), least recently synced first.
std::vector<Source> syncable_sources(Context& ctx);

// --- for the sync (adapters/decidim): what it read and did, per source ------------------------
using SourceItem = store::SourceItem;
std::optional<SourceCredentials> credentials_of(Context& ctx, const Source& s);
void record_sync(Context& ctx, const Source& s, const std::string& counts_json,
                 const std::optional<std::string>& error,
                 const std::optional<std::string>& process_json);
void record_write_back(Context& ctx, const Source& s);
// Claims the source for one sync (each in a transaction of its own); a conflict "sync-running"
// when another sync of it started less than `stale_minutes` ago.
Result<Done> claim_sync(Context& ctx, const Source& s, int stale_minutes = 30);
void release_sync(Context& ctx, const Source& s);
std::map<std::string, std::string> imported_hashes(Context& ctx, const Source& s);
std::optional<SourceItem> source_item(Context& ctx, const Source& s,
                                      const std::string& external_id);
std::vector<SourceItem> source_items(Context& ctx, const Source& s, const std::string& kind);
// How many items of `kind` the source has brought in (the counts of a sync).
long long count_source_items(Context& ctx, const Source& s, const std::string& kind);
void remember_item(Context& ctx, const Source& s, const SourceItem& item);
void mark_sent(Context& ctx, const Source& s, const std::string& external_id,
               const std::string& sent_hash);

}  // namespace dialogd::app
