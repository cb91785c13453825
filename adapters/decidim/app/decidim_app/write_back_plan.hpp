#pragma once
// What dialogd has to tell a Decidim process: each imported proposal's outcome as a proposal
// answer, and each measure the council adopted as an accountability result. The same plan feeds
// the write API (sync_source) and the import files for older instances (exports).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/result.hpp"
#include "app/sources.hpp"
#include "decidim/write_back.hpp"
#include "domain/feedback.hpp"
#include "domain/state.hpp"

namespace dialogd::decidim_app {

struct PlannedAnswer {
  std::string external_id;  // decidim:proposal:4701
  decidim::ProposalOutcome outcome;
  std::string hash;                      // of what would be sent
  std::optional<std::string> sent_hash;  // what was sent last
};

struct PlannedResult {
  std::string measure_id;
  std::string status;  // dialogd's measure status (planned, in_progress, done, ...) or empty
  decidim::MeasureResult result;
  std::string hash;
  std::optional<std::string> sent_hash;
};

struct WriteBackPlan {
  std::vector<PlannedAnswer> answers;
  std::vector<PlannedResult> results;
  std::optional<std::string> accountability_component;  // where results go, if the process has one
};

// accepted: a need it fed got an adopted measure; rejected: it went no further (a disposition
// other than need, or every measure of its needs rejected or none proposed once decided);
// evaluating: otherwise. Nothing before the dialogue is analysing (proposals are still coming in).
std::optional<std::string> answer_state(const domain::ContributionOutcome& o, domain::State s);

app::Result<WriteBackPlan> plan_write_back(app::Context& ctx, const app::Source& source);

}  // namespace dialogd::decidim_app
