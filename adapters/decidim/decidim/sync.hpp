#pragma once
// The sync engine: process -> meetings pages -> proposals pages, through a SyncTarget.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "decidim/graphql_client.hpp"
#include "decidim/mapping.hpp"
#include "decidim/types.hpp"

namespace dialogd::decidim {

struct SyncOutcome {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int skipped = 0;  // withdrawn / hidden items
  int pages = 0;    // pages committed
  bool ok = true;
  std::string last_error;  // empty when ok; names the failing operation and reason
};

// What the sync writes into. The integrator implements this with the app layer (one transaction
// per page); tests use an in-memory one. Methods may throw: the engine catches, calls
// rollback_page() and stops, so a failure half-way commits nothing from the failed page onwards.
class SyncTarget {
 public:
  virtual ~SyncTarget() = default;
  // external_id -> content hash of what dialogd already holds for this source.
  virtual std::map<std::string, std::string> known_items() = 0;
  virtual void begin_page() = 0;
  virtual void upsert_activity(const ImportedActivity& activity, SyncAction action) = 0;
  virtual void upsert_contribution(const ImportedContribution& contribution, SyncAction action) = 0;
  virtual void commit_page() = 0;
  virtual void rollback_page() = 0;
  virtual void record_outcome(const SyncOutcome& outcome) = 0;
  // The process as read at the start of the sync (titles, steps, components).
  virtual void record_process(const DecidimProcess& process) { (void)process; }
};

struct SyncConfig {
  std::string base_url;    // for public URLs of meetings and proposals
  std::string process_id;  // participatoryProcess(id:)
  std::string locale = "sv";
  std::vector<std::string> components;  // component ids to read; empty: every one of the process
  int page_size = 50;                   // clamped to 1..50
  int max_pages = 1000;                 // per component, a guard against a server that never ends
};

// Runs one sync. Never throws; the outcome (also passed to record_outcome) says what happened.
SyncOutcome run_sync(GraphqlTransport& api, SyncTarget& target, const SyncConfig& config);

}  // namespace dialogd::decidim
