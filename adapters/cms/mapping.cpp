#include "mapping.hpp"

#include "text.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace dialogd::cms {

namespace {

struct Label {
  std::string_view key, sv, en;
};

constexpr Label state_labels[] = {
    {"draft", "Förslag", "Draft"},
    {"planned", "Planerad", "Planned"},
    {"preparing", "Kunskapsuppbyggnad", "Preparing"},
    {"in_dialogue", "Dialoger genomförs", "In dialogue"},
    {"analysing", "Analys", "Analysing"},
    {"reported", "Rapporterad till fullmäktige", "Reported to the council"},
    {"answered", "Styrelsen har svarat", "Answered by the board"},
    {"decided", "Fullmäktige har beslutat", "Decided by the council"},
    {"followed_up", "Återförd", "Followed up"},
    {"closed", "Avslutad", "Closed"},
    {"cancelled", "Avbruten", "Cancelled"},
};

constexpr Label method_labels[] = {
    {"information_meeting", "Informationsmöte", "Information meeting"},
    {"exhibition", "Utställning", "Exhibition"},
    {"web_information", "Information på webben", "Web information"},
    {"survey", "Enkät", "Survey"},
    {"e_panel", "E-panel", "E-panel"},
    {"open_meeting", "Öppet möte", "Open meeting"},
    {"dialogue_cafe", "Dialogkafé", "Dialogue café"},
    {"association_visit", "Föreningsbesök", "Association visit"},
    {"workplace_visit", "Arbetsplatsbesök", "Workplace visit"},
    {"public_place", "Dialog på offentlig plats", "Dialogue in a public place"},
    {"focus_group", "Fokusgrupp", "Focus group"},
    {"citizen_council", "Medborgarråd", "Citizen council"},
    {"co_creation_workshop", "Samskapande workshop", "Co-creation workshop"},
    {"citizens_assembly", "Medborgarförsamling", "Citizens' assembly"},
    {"participatory_budgeting", "Medborgarbudget", "Participatory budgeting"},
};

constexpr Label moment_labels[] = {
    {"report", "Återkoppling: rapporten", "Feedback: the report"},
    {"decision", "Återkoppling: beslutet", "Feedback: the decision"},
    {"follow_up", "Återkoppling: uppföljningen", "Feedback: the follow-up"},
    {"cancellation", "Återkoppling: dialogen avbröts", "Feedback: the dialogue was cancelled"},
};

template <std::size_t N>
std::string_view find_label(const Label (&labels)[N], std::string_view key, bool english) {
  for (const auto& l : labels)
    if (l.key == key) return english ? l.en : l.sv;
  return key;
}

}  // namespace

std::string_view to_string(StageKind k) {
  switch (k) {
    case StageKind::report:
      return "report";
    case StageKind::answer:
      return "answer";
    case StageKind::decision:
      return "decision";
    case StageKind::follow_up:
      return "follow_up";
  }
  return "report";
}

std::string_view to_string(CountDimension d) {
  switch (d) {
    case CountDimension::group:
      return "group";
    case CountDimension::channel:
      return "channel";
    case CountDimension::theme:
      return "theme";
  }
  return "group";
}

std::string_view state_label(std::string_view state, bool english) {
  return find_label(state_labels, state, english);
}
std::string_view method_label(std::string_view method, bool english) {
  return find_label(method_labels, method, english);
}
std::string_view moment_label(std::string_view moment, bool english) {
  return find_label(moment_labels, moment, english);
}
std::string_view stage_label(StageKind kind, bool english) {
  switch (kind) {
    case StageKind::report:
      return english ? "Report to the council" : "Rapport till fullmäktige";
    case StageKind::answer:
      return english ? "The board's answer" : "Styrelsens svar";
    case StageKind::decision:
      return english ? "The council's decision" : "Fullmäktiges beslut";
    case StageKind::follow_up:
      return english ? "Follow-up" : "Återföring";
  }
  return "";
}

std::string public_page_url(std::string_view base_url, std::string_view dialogue_id) {
  std::string url(base_url);
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += "/d/";
  url += text::percent_encode(dialogue_id);
  return url;
}

PublicDialogue to_public(const InternalDialogue& d, std::string_view base_url) {
  PublicDialogue p;
  p.id = d.id;
  p.organisation_id = d.organisation_id;
  p.title = d.title;
  p.state = d.state;
  p.declared_level = d.declared_level;
  p.created_at = d.created_at;
  p.updated_at = d.updated_at;
  p.last_transition_at = d.last_transition_at;
  p.body = d.body;
  p.case_number = d.case_number;
  p.purpose = d.purpose;
  p.question_areas = d.question_areas;
  p.target_groups = d.target_groups;
  p.public_url = public_page_url(base_url, d.id);
  return p;
}

PublicTransition to_public(const InternalTransition& t) {
  return {t.dialogue_id, t.seq, t.from, t.to, t.at, t.note};
}

PublicActivity to_public(const InternalActivity& a) {
  PublicActivity p;
  p.id = a.id;
  p.dialogue_id = a.dialogue_id;
  p.title = std::string(method_label(a.method, false));
  if (a.place && !a.place->empty()) p.title += ", " + *a.place;
  p.date = a.held_on;
  p.place = a.place;
  p.municipality = a.municipality;
  p.method = a.method;
  p.participants = a.participants_total;
  p.documentation = a.documentation_public;
  p.updated_at = a.updated_at;
  return p;
}

PublicNeed to_public(const InternalNeed& n) {
  return {n.id,
          n.dialogue_id,
          n.title,
          n.description,
          static_cast<std::int64_t>(n.contribution_ids.size()),
          n.created_at,
          n.updated_at};
}

PublicMeasure to_public(const InternalMeasure& m) {
  return {m.id,         m.dialogue_id, m.need_id,  m.title,     m.decision,
          m.decided_on, m.status,      m.progress, m.updated_at};
}

std::vector<ContributionCount> count_contributions(const std::vector<InternalContribution>& cs,
                                                   std::int64_t min_count) {
  std::map<std::tuple<std::string, int, std::string>, std::int64_t> counts;
  for (const auto& c : cs) {
    // A contribution counts once per key, even if a key is listed twice.
    for (const auto& g : std::set<std::string>(c.groups.begin(), c.groups.end()))
      ++counts[{c.dialogue_id, 0, g}];
    ++counts[{c.dialogue_id, 1, c.channel}];
    for (const auto& t : std::set<std::string>(c.themes.begin(), c.themes.end()))
      ++counts[{c.dialogue_id, 2, t}];
  }
  std::vector<ContributionCount> out;
  for (const auto& [k, n] : counts) {
    if (n < min_count) continue;
    out.push_back({std::get<0>(k), static_cast<CountDimension>(std::get<1>(k)), std::get<2>(k), n});
  }
  return out;
}

}  // namespace dialogd::cms
