#pragma once
// The use case "sync a dialogue's Decidim source": read the process, import its meetings and
// proposals (while the dialogue is in_dialogue), write outcomes back when the source has API
// credentials, and record what happened on the source. Called by the HTTP route, the CLI
// (`dialogd decidim sync`) and the scheduled sync alike. Opens its own transactions (one per page
// and one for the record), so the caller must not hold one: network waits never hold a lock.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "app/context.hpp"
#include "app/result.hpp"
#include "app/sources.hpp"
#include "decidim/sync.hpp"

namespace dialogd::decidim_app {

struct SyncOptions {
  bool allow_private = false;  // the operator's --allow-private-webhooks (tests, intranets)
  std::chrono::milliseconds total_timeout{30000};
  int requests_per_minute = 100;
  int page_size = 50;
  // How long to wait for another sync of the same source to end before answering sync-running.
  std::chrono::milliseconds claim_wait{0};
  std::function<void(std::chrono::milliseconds)> sleep;  // injectable pacing, for tests
};

struct WriteBackReport {
  bool attempted = false;
  int answers_sent = 0, answers_unchanged = 0;
  int results_created = 0, results_updated = 0, results_unchanged = 0;
  std::optional<std::string> error;
};

struct SyncReport {
  app::Source source;  // as recorded after the sync
  bool imported = false;
  std::optional<std::string> import_skipped;  // why nothing was imported, when so
  decidim::SyncOutcome import;
  WriteBackReport write_back;
  bool ok() const { return import.ok && !write_back.error; }
};

app::Result<SyncReport> sync_source(app::Context& ctx, const std::string& dialogue_id,
                                    const std::string& source_id, const SyncOptions& options);

// Every source the actor may sync (or only those never synced), one after another; `each` hears
// of every report. Answers how many failed; a source another sync holds is passed over.
int sync_all(app::Context& ctx, const SyncOptions& options,
             const std::function<void(const SyncReport&)>& each, bool every_source = true);

}  // namespace dialogd::decidim_app
