#pragma once
// Decidim's own admin import files, for instances without the write API (before 0.32): the
// accountability results (CSV) and the proposal answers (JSON), from the same plan as write-back.
#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/result.hpp"

namespace dialogd::decidim_app {

// `source_id` picks one of the dialogue's Decidim sources; without it, the first one linked.
app::Result<std::string> export_results_csv(app::Context& ctx, const std::string& dialogue_id,
                                            const std::optional<std::string>& source_id);
app::Result<std::string> export_proposal_answers_json(app::Context& ctx,
                                                      const std::string& dialogue_id,
                                                      const std::optional<std::string>& source_id);

}  // namespace dialogd::decidim_app
