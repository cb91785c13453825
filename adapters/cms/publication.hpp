#pragma once
// What the CMS routes publish, gathered through the use cases (never the store directly) and
// passed through mapping.hpp's to_public, so nothing private has a field to travel in. An anonymous
// actor reads it: exactly what any citizen may see.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "cms/public_data.hpp"

namespace dialogd::cms {

struct DialogueHistory {
  PublicDialogue dialogue;
  std::vector<PublicTransition> transitions;
  std::vector<PublicStageDocument> documents;
  std::vector<PublicFeedbackEntry> feedback;
};

app::Result<PublicOrganisation> organisation(app::Context& ctx, const std::string& id);
app::Result<PublicDialogue> dialogue(app::Context& ctx, const std::string& id);
// The organisation's dialogues past draft, newest first.
std::vector<PublicDialogue> dialogues(app::Context& ctx, const std::string& organisation_id);
app::Result<DialogueHistory> history(app::Context& ctx, const std::string& dialogue_id);

// One dialogue's records, for exports that stream: activities and needs a page at a time (up to
// page.limit + 1 records after the id page.after; the extra one only says there are more), the
// smaller sets whole.
std::vector<PublicActivity> activities_of(app::Context& ctx, const PublicDialogue& d,
                                          const app::Page& page);
std::vector<PublicNeed> needs_of(app::Context& ctx, const PublicDialogue& d, const app::Page& page);
std::vector<PublicMeasure> measures_of(app::Context& ctx, const PublicDialogue& d);
std::vector<PublicFeedbackEntry> feedback_of(app::Context& ctx, const PublicDialogue& d);
std::vector<ContributionCount> contribution_counts_of(app::Context& ctx, const PublicDialogue& d);

// The same for a set of dialogues, whole (pages, small sets).
std::vector<PublicActivity> activities(app::Context& ctx, const std::vector<PublicDialogue>& ds);
std::vector<PublicNeed> needs(app::Context& ctx, const std::vector<PublicDialogue>& ds);
std::vector<PublicMeasure> measures(app::Context& ctx, const std::vector<PublicDialogue>& ds);
std::vector<PublicFeedbackEntry> feedback(app::Context& ctx, const std::vector<PublicDialogue>& ds);
std::vector<ContributionCount> contribution_counts(app::Context& ctx,
                                                   const std::vector<PublicDialogue>& ds);

}  // namespace dialogd::cms
