#pragma once
// What became of a contribution: the chain from it to the council's decision and the follow-up,
// as a person holding its receipt may read it. Typed, so that feedback messages, the public
// receipt page, feeds and adapters all tell the same story.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/contributions.hpp"
#include "app/result.hpp"
#include "domain/feedback.hpp"

namespace dialogd::app {

struct TracedMeasure {
  std::string id, title, decision;
  std::optional<std::string> rejection_reason, status;
  std::optional<int> progress;
};

// The board's answer for one need: the measures it proposed, or why none.
struct BoardAnswer {
  std::vector<TracedMeasure> measures;
  std::optional<std::string> no_measure_reason;
};

struct TracedNeed {
  std::string id, title;
  bool in_report = false;
  std::optional<BoardAnswer> board_answer;
};

struct NextStep {
  std::string state;
  std::optional<std::string> due_on;
};

struct Trace {
  std::string receipt;
  struct {
    std::string id, title, state;
    std::optional<NextStep> next_step;
  } dialogue;
  struct {
    std::string id, text, channel, submitted_on;
  } contribution;
  std::optional<Disposition> disposition;  // as recorded; `need` when a need cites it
  std::vector<TracedNeed> needs;
  struct Report {
    std::string title, presented_on;
    std::optional<std::string> url;
  };
  std::optional<Report> report;
  struct Decision {
    std::string decided_on, reference, follow_up_due_on;
  };
  std::optional<Decision> decision;
  struct FollowUp {
    std::string held_on, summary;
  };
  std::optional<FollowUp> follow_up;
};

Trace trace_of(Context& ctx, const ContributionView& c);
Result<Trace> trace_contribution(Context& ctx, const std::string& contribution_id);
// The public receipt: the same answer for a malformed and an unknown code, so probing tells
// nothing.
Result<Trace> trace_receipt(Context& ctx, std::string_view typed_code);

// The trace as the domain's outcome of one contribution, for feedback wording and coverage.
domain::ContributionOutcome outcome_of(const Trace& t);

}  // namespace dialogd::app
