#pragma once
// Feedback (återkoppling): the moments at which participants are owed word of what became of their
// input, when each is due, and the words of the message. Pure: no addresses, no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/ladder.hpp"
#include "domain/state.hpp"

namespace dialogd::domain {

enum class Moment { report, decision, follow_up, cancellation };
std::string_view to_string(Moment m);
// The moment that reaching `state` makes owed, if any.
std::optional<Moment> moment_of(State reached);

// The feedback plan's days, applied to the date the moment happened (DOMAIN.md, issue 7).
Date due_on(Moment m, Date happened_on, int days_after_report, int days_after_decision);

// sv for Swedish and anything not English; en for English.
Language feedback_language(std::string_view contribution_language);

// What became of one contribution, as far as the process has come.
struct MeasureOutcome {
  std::string title, decision;  // proposed | adopted | rejected
  std::optional<std::string> rejection_reason, status;
  std::optional<int> progress;
};
struct NeedOutcome {
  std::string title;
  bool in_report = false;
  bool answered = false;
  std::vector<MeasureOutcome> measures;
  std::optional<std::string> no_measure_reason;
};
struct ContributionOutcome {
  std::optional<std::string> disposition, reason;
  std::vector<NeedOutcome> needs;
};

// A contribution is traced when its trace reaches an outcome the citizen can read: a disposition
// with a reason, or a need that got the board's response.
bool is_traced(const ContributionOutcome& o);
std::string describe_outcome(const ContributionOutcome& o, Language lang);

// One contribution's outcome as a sentence a citizen can read, already in the message's language.
struct OutcomeLine {
  std::string receipt;
  std::string excerpt;  // the start of the contribution's text
  std::string outcome;
};

struct Message {
  std::string subject;
  std::string body;
};

Message compose_message(Moment m, Language lang, std::string_view dialogue_title,
                        const std::vector<OutcomeLine>& lines, std::string_view receipt_url_base,
                        std::string_view note);

}  // namespace dialogd::domain
