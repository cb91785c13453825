#pragma once
// From internal records to the public structs: the one place that decides what is public.
//
// The `Internal*` records mirror what the store holds, private parts included (contribution texts,
// contact details, internal documentation, actor names, editor notes), so that the integrator can
// fill them straight from a repository row and a test can plant private strings in them. Each
// `to_public` copies only the fields listed in public_data.hpp; the private ones have nowhere to
// go.
#include <optional>
#include <string>
#include <vector>

#include "public_data.hpp"

namespace dialogd::cms {

struct InternalDialogue {
  std::string id, organisation_id, title, state;
  std::optional<int> declared_level;
  std::string created_at, updated_at;
  std::optional<std::string> last_transition_at, body, case_number, purpose;
  std::vector<std::string> question_areas;
  std::vector<PublicTargetGroup> target_groups;
  std::optional<std::string> informs_decision;
  // Private:
  std::optional<std::string> editor_notes;
};

struct InternalTransition {
  std::string dialogue_id;
  std::int64_t seq = 0;
  std::string from, to, at;
  std::optional<std::string> note;
  // Private: the key's name that made the transition.
  std::string actor;
};

struct InternalActivity {
  std::string id, dialogue_id, method, held_on, updated_at;
  std::optional<std::string> place, municipality;
  std::optional<std::int64_t> participants_total;
  std::optional<std::string> documentation_public;
  // Private:
  std::optional<std::string> documentation_internal;
  std::vector<std::string> members_present;
};

struct InternalNeed {
  std::string id, dialogue_id, title, created_at, updated_at;
  std::optional<std::string> description;
  std::vector<std::string> contribution_ids;  // only their number is published
};

struct InternalMeasure {
  std::string id, dialogue_id, need_id, title, decision, updated_at;
  std::optional<std::string> decided_on, status;
  std::optional<int> progress;
  // Private: the status history's notes.
  std::vector<std::string> status_notes;
};

struct InternalContribution {
  std::string id, dialogue_id, channel;
  std::vector<std::string> themes, groups;
  // Private: never published, not even per row; only counted.
  std::string text;
  std::string receipt;
  std::optional<std::string> contact_email, contact_name;
};

// `base_url` without a trailing slash, e.g. "https://dialog.norrbotten.se".
PublicDialogue to_public(const InternalDialogue& d, std::string_view base_url);
PublicTransition to_public(const InternalTransition& t);
// The title is derived: the method's Swedish label and the place ("Dialogkafé, Luleå").
PublicActivity to_public(const InternalActivity& a);
PublicNeed to_public(const InternalNeed& n);
PublicMeasure to_public(const InternalMeasure& m);

// Counts per (dialogue, dimension, key), sorted by dialogue, dimension (group, channel, theme) and
// key. `min_count` suppresses small cells (a count below it is left out) when set above 1.
std::vector<ContributionCount> count_contributions(const std::vector<InternalContribution>& cs,
                                                   std::int64_t min_count = 1);

// The public page of a dialogue: "{base}/d/{id}".
std::string public_page_url(std::string_view base_url, std::string_view dialogue_id);

// Swedish and English labels of state, method and moment keys (the key itself when unknown).
std::string_view state_label(std::string_view state, bool english);
std::string_view method_label(std::string_view method, bool english);
std::string_view moment_label(std::string_view moment, bool english);
std::string_view stage_label(StageKind kind, bool english);

}  // namespace dialogd::cms
