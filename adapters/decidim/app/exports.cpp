#include "decidim_app/exports.hpp"

#include "app/sources.hpp"
#include "decidim/exports.hpp"
#include "decidim_app/write_back_plan.hpp"

namespace dialogd::decidim_app {

namespace {

app::Result<WriteBackPlan> plan_for(app::Context& ctx, const std::string& dialogue_id,
                                    const std::optional<std::string>& source_id) {
  if (source_id) {
    auto s = app::find_source(ctx, dialogue_id, *source_id);
    if (!s) return s.failure();
    return plan_write_back(ctx, *s);
  }
  auto sources = app::list_sources(ctx, dialogue_id);
  if (!sources) return sources.failure();
  for (const auto& s : *sources)
    if (s.kind == "decidim") return plan_write_back(ctx, s);
  return app::conflict("no-decidim-source", "The dialogue has no Decidim source",
                       "link the dialogue to a Decidim process (POST "
                       "/v1/dialogues/{id}/sources) and sync it before exporting its outcomes");
}

}  // namespace

app::Result<std::string> export_results_csv(app::Context& ctx, const std::string& dialogue_id,
                                            const std::optional<std::string>& source_id) {
  auto plan = plan_for(ctx, dialogue_id, source_id);
  if (!plan) return plan.failure();
  std::vector<decidim::MeasureResult> results;
  for (const auto& r : plan->results) results.push_back(r.result);
  return decidim::results_csv(results);
}

app::Result<std::string> export_proposal_answers_json(app::Context& ctx,
                                                      const std::string& dialogue_id,
                                                      const std::optional<std::string>& source_id) {
  auto plan = plan_for(ctx, dialogue_id, source_id);
  if (!plan) return plan.failure();
  std::vector<decidim::ProposalOutcome> outcomes;
  for (const auto& a : plan->answers) outcomes.push_back(a.outcome);
  auto json = decidim::proposal_answers_json(outcomes);
  if (!json)
    return app::conflict("export-failed", "The answers cannot be exported", json.failure().reason);
  return std::move(*json);
}

}  // namespace dialogd::decidim_app
