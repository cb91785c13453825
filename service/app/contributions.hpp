#pragma once
// Citizen contributions: submitting one (the hot write path), reading them, and an official's
// disposition of one that fed no need.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/external_ref.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "store/contribution_repository.hpp"

namespace dialogd::app {

using Contribution = store::ContributionRecord;
using ContributionFilter = store::ContributionFilter;

struct Disposition {
  std::string value;  // need | out_of_scope | already_handled | ... (domain::disposition_keys)
  std::optional<std::string> reason;
};

// A contribution with what became of it so far: the needs citing it and its disposition (`need`
// whenever a need cites it, otherwise what an official recorded).
struct ContributionView {
  Contribution record;
  std::vector<std::string> need_ids;
  std::optional<Disposition> disposition;
};

struct ContactInput {
  std::string email;
  std::optional<std::string> name;
  std::optional<bool> consent;
};

struct ContributionInput {
  std::string dialogue_id;
  std::string text;
  std::optional<std::string> activity_id;
  std::optional<std::string> channel;  // defaults to "activity" with an activity_id
  std::vector<std::string> themes;
  std::vector<std::string> groups;      // keys of the plan's target groups
  std::optional<std::string> language;  // defaults to sv
  std::optional<ContactInput> contact;
  std::optional<ExternalRef> source;  // set when imported from a participation platform
  codec::FieldErrors read_errors;     // what the caller found while reading its input
};

Result<ContributionView> submit_contribution(Context& ctx, ContributionInput in);

// submit_contribution() in two steps, for the group commit (http/group_commit.hpp): everything that
// reads and checks runs beforehand on a database thread, outside the write transaction, so that the
// one thread that writes does only the writing.
struct PreparedContribution {
  Contribution record;  // id, receipt (checked again where it is written), document
  std::optional<store::Contact> contact;
  std::int64_t dialogue_version = 0;  // the dialogue as it was checked against
  ContributionInput input;            // to check again if the dialogue changed since
};
Result<PreparedContribution> prepare_contribution(Context& ctx, ContributionInput in);
// Inside the write transaction: stores what was prepared if the dialogue is still at the version
// it was checked against (one indexed read), and checks everything again if it is not (it was
// closed, edited or deleted in between: the answer is then the one it gives now).
Result<ContributionView> store_contribution(Context& ctx, PreparedContribution p);

// A contribution imported from a platform whose text changed there (an author's edit, read by the
// next sync): its text and source are replaced and its version bumped, while the dialogue is
// in_dialogue. Contributions written in dialogd itself are never rewritten.
Result<ContributionView> revise_imported_contribution(Context& ctx, const std::string& id,
                                                      const std::string& text,
                                                      const ExternalRef& source);

ContributionView view_of(Context& ctx, Contribution c);
Result<ContributionView> find_contribution(Context& ctx, const std::string& id);
Result<std::vector<ContributionView>> list_contributions(Context& ctx,
                                                         const std::string& dialogue_id,
                                                         const ContributionFilter& filter,
                                                         const Page& page);

struct DispositionInput {
  std::string contribution_id;
  std::optional<std::string> value;
  std::optional<std::string> reason;
  codec::FieldErrors read_errors;
};
// How many contributions the dialogue received, by channel, theme and target group (never a text).
struct ContributionCounts {
  std::vector<std::pair<std::string, long long>> by_channel, by_theme, by_group;
};
Result<ContributionCounts> count_contributions(Context& ctx, const std::string& dialogue_id);

Result<ContributionView> record_disposition(Context& ctx, const Precondition& pre,
                                            DispositionInput in);

}  // namespace dialogd::app
