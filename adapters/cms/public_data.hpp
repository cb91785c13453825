#pragma once
// The public view of a dialogue, as plain structs: everything the CMS adapter renders (oEmbed,
// Atom feeds, open data, the DCAT-AP-SE catalogue) comes from these and nothing else.
//
// The privacy guarantee is by construction: there is no field here for a contribution's text, for
// contact details, for an activity's internal documentation, for an actor's name or any other
// internal note. A renderer cannot leak what it is never given. `mapping.hpp` builds these structs
// from internal records and is the one place that decides what is public.
//
// Conventions: ids are opaque strings; instants are RFC 3339 UTC strings
// ("2027-01-15T09:30:00.123Z"); dates are "YYYY-MM-DD"; enumerations are the API's wire keys
// (openapi/openapi.yaml). Swedish is the primary language; `_en` fields are optional translations.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialogd::cms {

// A tenant: the region or municipality that owns dialogues.
struct PublicOrganisation {
  std::string id;
  std::string name;                    // Swedish, e.g. "Region Norrbotten"
  std::optional<std::string> name_en;  // "Norrbotten Region"
  std::optional<std::string> url;      // the organisation's own website
};

struct PublicTargetGroup {
  std::string key;                       // "unga"
  std::string label;                     // "Unga 16-25 år"
  std::optional<double> expected_share;  // 0..1
};

struct PublicDialogue {
  std::string id;
  std::string organisation_id;
  std::string title;
  std::string state;                              // draft | planned | ... | closed | cancelled
  std::optional<int> declared_level;              // the plan's declared ladder step, 1..5
  std::string created_at;                         // RFC 3339
  std::string updated_at;                         // RFC 3339
  std::optional<std::string> last_transition_at;  // RFC 3339
  std::optional<std::string> body;                // the commissioning body
  std::optional<std::string> case_number;         // diarienummer, "383-2018"
  std::optional<std::string> purpose;
  std::vector<std::string> question_areas;
  std::vector<PublicTargetGroup> target_groups;
  std::string public_url;  // the public page, "{base}/d/{id}"
};

// One accepted transition of the dialogue's timeline (never rewritten, so `seq` is stable).
struct PublicTransition {
  std::string dialogue_id;
  std::int64_t seq = 0;             // 1, 2, ... in timeline order
  std::string from;                 // state key
  std::string to;                   // state key
  std::string at;                   // RFC 3339
  std::optional<std::string> note;  // the public note (e.g. a cancellation's reason)
};

enum class StageKind { report, answer, decision, follow_up };

// A published stage document: the report, the board's answer, the council's decision, the
// follow-up. A correction rewrites the same document, so it keeps its feed entry and bumps
// `written_at`.
struct PublicStageDocument {
  std::string dialogue_id;
  StageKind kind = StageKind::report;
  std::string written_at;            // RFC 3339: the latest write
  std::optional<std::string> title;  // e.g. the report's title
  std::string summary;               // Swedish text shown to citizens
  std::optional<std::string> url;    // the full document, if published elsewhere
};

struct PublicFeedbackEntry {
  std::string id;
  std::string dialogue_id;
  std::string moment;        // report | decision | follow_up | cancellation
  std::string date;          // YYYY-MM-DD: the day the moment happened
  std::string published_at;  // RFC 3339
  std::string text_sv;
  std::optional<std::string> text_en;
};

struct PublicActivity {
  std::string id;
  std::string dialogue_id;
  std::string title;  // e.g. "Dialogkafé, Luleå"
  std::string date;   // YYYY-MM-DD: held on
  std::optional<std::string> place;
  std::optional<std::string> municipality;
  std::string method;                        // method key, "dialogue_cafe"
  std::optional<std::int64_t> participants;  // total reached
  std::optional<std::string> documentation;  // the PUBLIC part only
  std::string updated_at;                    // RFC 3339
};

struct PublicNeed {
  std::string id;
  std::string dialogue_id;
  std::string title;
  std::optional<std::string> description;
  std::int64_t contribution_count = 0;  // how many contributions back it (never their texts)
  std::string created_at;               // RFC 3339
  std::string updated_at;               // RFC 3339
};

struct PublicMeasure {
  std::string id;
  std::string dialogue_id;
  std::string need_id;
  std::string title;
  std::string decision;                   // proposed | adopted | rejected
  std::optional<std::string> decided_on;  // YYYY-MM-DD, the council's decision
  std::optional<std::string> status;      // planned | in_progress | done | not_done | cancelled
  std::optional<int> progress;            // 0..100
  std::string updated_at;                 // RFC 3339
};

enum class CountDimension { group, channel, theme };

// How many contributions a dialogue received per target group, channel or theme. Counts only.
struct ContributionCount {
  std::string dialogue_id;
  CountDimension dimension = CountDimension::group;
  std::string key;  // group key, channel key or theme
  std::int64_t count = 0;
};

std::string_view to_string(StageKind k);
std::string_view to_string(CountDimension d);

}  // namespace dialogd::cms
