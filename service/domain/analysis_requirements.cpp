// From analysis to follow-up: what each stage must have produced before the dialogue moves on.
#include <algorithm>

#include "domain/requirements.hpp"

namespace dialogd::domain {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// analysing -> reported: needs backed by contributions, every contribution disposed of, and a
// report that covers every need.
void analysis_done(const TransitionRequest& r, Unmet& unmet) {
  const StageFacts& f = r.facts;
  if (f.need_ids.empty()) unmet.emplace_back("needs_missing");
  if (!f.needs_without_contributions.empty()) unmet.emplace_back("need_without_contributions");
  if (f.unprocessed_contributions > 0) unmet.emplace_back("contributions_unprocessed");
  if (!f.has_report) {
    unmet.emplace_back("report_missing");
  } else if (std::any_of(f.need_ids.begin(), f.need_ids.end(),
                         [&](const std::string& n) { return !contains(f.report_need_ids, n); })) {
    unmet.emplace_back("report_needs_incomplete");
  }
}

// reported -> answered: the board answers every need, with measures or with a reason for none.
void board_answered(const TransitionRequest& r, Unmet& unmet) {
  const StageFacts& f = r.facts;
  if (std::any_of(f.need_ids.begin(), f.need_ids.end(),
                  [&](const std::string& n) { return !contains(f.answered_need_ids, n); }))
    unmet.emplace_back("need_unanswered");
}

// answered -> decided: the council decides on every proposed measure.
void council_decided(const TransitionRequest& r, Unmet& unmet) {
  if (!r.facts.has_decision) unmet.emplace_back("decision_missing");
  if (r.facts.undecided_measures > 0) unmet.emplace_back("measure_undecided");
}

// decided -> followed_up: the follow-up day was held and every adopted measure has a status.
void followed_up(const TransitionRequest& r, Unmet& unmet) {
  if (!r.facts.has_follow_up) unmet.emplace_back("follow_up_missing");
  if (r.facts.adopted_without_status > 0) unmet.emplace_back("measure_status_missing");
}

}  // namespace

void register_analysis_requirements(RequirementRegistry& r) {
  r.on_edge(State::analysing, State::reported, analysis_done);
  r.on_edge(State::reported, State::answered, board_answered);
  r.on_edge(State::answered, State::decided, council_decided);
  r.on_edge(State::decided, State::followed_up, followed_up);
}

}  // namespace dialogd::domain
