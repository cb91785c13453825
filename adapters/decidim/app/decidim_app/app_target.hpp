#pragma once
// The sync engine's SyncTarget over dialogd's use cases: a Decidim meeting becomes an activity, a
// proposal a contribution (channel decidim), each page in one transaction of its own, each item
// remembered by Decidim's id so that the next sync creates nothing twice.
#include <string>

#include "app/context.hpp"
#include "app/sources.hpp"
#include "decidim/sync.hpp"

namespace dialogd::decidim_app {

class AppSyncTarget final : public decidim::SyncTarget {
 public:
  AppSyncTarget(app::Context& ctx, app::Source source) : ctx_(ctx), source_(std::move(source)) {}

  std::map<std::string, std::string> known_items() override;
  void begin_page() override;
  void upsert_activity(const decidim::ImportedActivity& a, decidim::SyncAction action) override;
  void upsert_contribution(const decidim::ImportedContribution& c,
                           decidim::SyncAction action) override;
  void commit_page() override;
  void rollback_page() override;
  void record_outcome(const decidim::SyncOutcome& outcome) override;
  void record_process(const decidim::DecidimProcess& process) override;

  // What record_process kept, as the JSON stored on the source.
  const std::optional<std::string>& process_json() const { return process_json_; }
  const decidim::SyncOutcome& outcome() const { return outcome_; }

 private:
  app::Context& ctx_;
  app::Source source_;
  std::optional<std::string> process_json_;
  decidim::SyncOutcome outcome_;
};

// A use case's refusal as one line, for the sync's last_error.
std::string describe(const app::Failure& f);

}  // namespace dialogd::decidim_app
