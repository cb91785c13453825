#include "cms/publication.hpp"

#include <boost/json/parse.hpp>

#include <iterator>

#include "app/activities.hpp"
#include "app/contributions.hpp"
#include "app/dialogues.hpp"
#include "app/feedback.hpp"
#include "app/measures.hpp"
#include "app/needs.hpp"
#include "app/organisations.hpp"
#include "app/stage_documents.hpp"
#include "app/timeline.hpp"
#include "cms/mapping.hpp"

namespace dialogd::cms {
namespace json = boost::json;

namespace {

std::optional<std::string> text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v && v->is_string()) return std::string(v->as_string());
  return std::nullopt;
}

InternalDialogue internal(const domain::Dialogue& d) {
  InternalDialogue i;
  i.id = d.id;
  i.organisation_id = d.organisation_id;
  i.title = d.plan.title;
  i.state = domain::to_string(d.state);
  i.declared_level = d.plan.declared_level;
  i.created_at = d.created_at;
  i.updated_at = d.updated_at;
  i.body = d.plan.body;
  i.case_number = d.plan.case_number;
  i.purpose = d.plan.purpose;
  i.question_areas = d.plan.question_areas;
  for (const auto& g : d.plan.target_groups)
    i.target_groups.push_back({g.key, g.label, g.expected_share});
  i.informs_decision = d.plan.informs_decision;
  return i;
}

// A public feedback entry's words: what became of each need, in Swedish and English.
PublicFeedbackEntry feedback_entry(const app::PublicEntry& e, std::size_t index) {
  PublicFeedbackEntry f;
  f.id = e.moment + "-" + std::to_string(index);
  f.dialogue_id = e.dialogue_id;
  f.moment = e.moment;
  f.published_at = e.published_at;
  const json::value doc = json::parse(e.document);
  const auto& o = doc.as_object();
  f.date = text_of(o, "date").value_or(e.published_at.substr(0, 10));
  std::string sv, en;
  if (auto note = text_of(o, "note")) sv = en = *note;
  if (const auto* needs = o.if_contains("needs"); needs && needs->is_array())
    for (const auto& n : needs->as_array()) {
      const auto& no = n.as_object();
      const std::string title = text_of(no, "title").value_or("");
      const auto& outcome = no.at("outcome").as_object();
      sv += (sv.empty() ? "" : "\n") + title + ": " + text_of(outcome, "sv").value_or("");
      en += (en.empty() ? "" : "\n") + title + ": " + text_of(outcome, "en").value_or("");
    }
  f.text_sv = sv;
  f.text_en = en;
  return f;
}

}  // namespace

app::Result<PublicOrganisation> organisation(app::Context& ctx, const std::string& id) {
  auto o = app::find_organisation(ctx, id);
  if (!o) return o.failure();
  return PublicOrganisation{o->id, o->name, o->name_en, o->url};
}

app::Result<PublicDialogue> dialogue(app::Context& ctx, const std::string& id) {
  auto d = app::find_dialogue(ctx, id);
  if (!d) return d.failure();
  return to_public(internal(*d), ctx.public_url);
}

std::vector<PublicDialogue> dialogues(app::Context& ctx, const std::string& organisation_id) {
  app::DialogueFilter filter;
  filter.organisation_id = organisation_id;
  std::vector<PublicDialogue> out;
  for (const auto& v : app::list_dialogues(ctx, filter, app::Page{10'000, std::nullopt}))
    if (v.dialogue.state != domain::State::draft)
      out.push_back(to_public(internal(v.dialogue), ctx.public_url));
  return out;
}

app::Result<DialogueHistory> history(app::Context& ctx, const std::string& dialogue_id) {
  auto d = dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  DialogueHistory h;
  h.dialogue = std::move(d).value();
  std::int64_t seq = 0;
  const auto timeline = app::timeline_of(ctx, dialogue_id, app::Page{10'000, std::nullopt});
  for (const auto& e : timeline.value())
    if (e.kind == "transition")
      h.transitions.push_back(
          to_public(InternalTransition{dialogue_id, ++seq, e.from_state.value_or(""),
                                       e.to_state.value_or(""), e.at, e.note, e.actor_name}));
  const std::pair<const char*, StageKind> kinds[] = {{"report", StageKind::report},
                                                     {"answer", StageKind::answer},
                                                     {"decision", StageKind::decision},
                                                     {"follow_up", StageKind::follow_up}};
  for (const auto& [kind, stage] : kinds) {
    auto doc = app::read_stage_document(ctx, dialogue_id, kind);
    if (!doc) continue;
    const json::value v = json::parse(doc->document);
    const auto& o = v.as_object();
    PublicStageDocument p;
    p.dialogue_id = dialogue_id;
    p.kind = stage;
    p.written_at = doc->updated_at;
    p.title = text_of(o, "title");
    p.url = text_of(o, "url");
    if (stage == StageKind::decision)
      p.summary = "Beslut " + text_of(o, "reference").value_or("") + ", " +
                  text_of(o, "decided_on").value_or("");
    else if (stage == StageKind::answer)
      p.summary = "Styrelsens svar " + text_of(o, "answered_on").value_or("");
    else
      p.summary = text_of(o, "summary").value_or(p.title.value_or(""));
    h.documents.push_back(std::move(p));
  }
  auto entries = app::public_feedback(ctx, dialogue_id);
  if (entries)
    for (std::size_t i = 0; i < entries->size(); ++i)
      h.feedback.push_back(feedback_entry((*entries)[i], i + 1));
  return h;
}

std::vector<PublicActivity> activities_of(app::Context& ctx, const PublicDialogue& d,
                                          const app::Page& page) {
  std::vector<PublicActivity> out;
  auto list = app::list_activities(ctx, d.id, page);
  if (!list) return out;
  for (const auto& a : *list) {
    const json::value v = json::parse(a.document);
    const auto& o = v.as_object();
    InternalActivity i;
    i.id = a.id;
    i.dialogue_id = a.dialogue_id;
    i.method = a.method;
    i.held_on = text_of(o, "held_on").value_or("");
    i.updated_at = a.updated_at;
    i.place = text_of(o, "place");
    i.municipality = text_of(o, "municipality");
    i.participants_total = a.participants_total;
    if (const auto* doc = o.if_contains("documentation"); doc && doc->is_object())
      i.documentation_public = text_of(doc->as_object(), "public");
    out.push_back(to_public(i));
  }
  return out;
}

std::vector<PublicNeed> needs_of(app::Context& ctx, const PublicDialogue& d,
                                 const app::Page& page) {
  std::vector<PublicNeed> out;
  auto list = app::list_needs(ctx, d.id, page);
  if (!list) return out;
  for (const auto& n : *list) {
    const json::value v = json::parse(n.document);
    out.push_back(to_public(InternalNeed{
        n.id, n.dialogue_id, text_of(v.as_object(), "title").value_or(""), n.created_at,
        n.updated_at, text_of(v.as_object(), "description"), n.contribution_ids}));
  }
  return out;
}

std::vector<PublicMeasure> measures_of(app::Context& ctx, const PublicDialogue& d) {
  std::vector<PublicMeasure> out;
  auto list = app::list_measures(ctx, d.id);
  if (!list) return out;
  std::optional<std::string> decided_on;
  if (auto decision = app::read_stage_document(ctx, d.id, "decision"))
    decided_on = text_of(json::parse(decision->document).as_object(), "decided_on");
  for (const auto& m : *list) {
    InternalMeasure i;
    i.id = m.id;
    i.dialogue_id = m.dialogue_id;
    i.need_id = m.need_id;
    i.title = m.title;
    i.decision = m.decision;
    i.updated_at = m.updates.empty() ? m.created_at : m.updates.back().created_at;
    if (m.decision != "proposed") i.decided_on = decided_on;
    if (!m.updates.empty()) {
      i.status = m.updates.back().status;
      i.progress = static_cast<int>(m.updates.back().progress);
    }
    out.push_back(to_public(i));
  }
  return out;
}

std::vector<PublicFeedbackEntry> feedback_of(app::Context& ctx, const PublicDialogue& d) {
  std::vector<PublicFeedbackEntry> out;
  auto entries = app::public_feedback(ctx, d.id);
  if (!entries) return out;
  for (std::size_t i = 0; i < entries->size(); ++i)
    out.push_back(feedback_entry((*entries)[i], i + 1));
  return out;
}

std::vector<ContributionCount> contribution_counts_of(app::Context& ctx, const PublicDialogue& d) {
  std::vector<ContributionCount> out;
  auto c = app::count_contributions(ctx, d.id);
  if (!c) return out;
  for (const auto& [key, n] : c->by_group) out.push_back({d.id, CountDimension::group, key, n});
  for (const auto& [key, n] : c->by_channel) out.push_back({d.id, CountDimension::channel, key, n});
  for (const auto& [key, n] : c->by_theme) out.push_back({d.id, CountDimension::theme, key, n});
  return out;
}

namespace {

// Every record of every dialogue, for the whole-set functions.
template <typename T, typename Of>
std::vector<T> all_of(const std::vector<PublicDialogue>& ds, Of&& of) {
  std::vector<T> out;
  for (const auto& d : ds) {
    auto part = of(d);
    std::move(part.begin(), part.end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace

std::vector<PublicActivity> activities(app::Context& ctx, const std::vector<PublicDialogue>& ds) {
  return all_of<PublicActivity>(ds, [&](const auto& d) {
    return activities_of(ctx, d, app::Page{10'000, std::nullopt});
  });
}

std::vector<PublicNeed> needs(app::Context& ctx, const std::vector<PublicDialogue>& ds) {
  return all_of<PublicNeed>(ds, [&](const auto& d) {
    return needs_of(ctx, d, app::Page{10'000, std::nullopt});
  });
}

std::vector<PublicMeasure> measures(app::Context& ctx, const std::vector<PublicDialogue>& ds) {
  return all_of<PublicMeasure>(ds, [&](const auto& d) { return measures_of(ctx, d); });
}

std::vector<PublicFeedbackEntry> feedback(app::Context& ctx,
                                          const std::vector<PublicDialogue>& ds) {
  return all_of<PublicFeedbackEntry>(ds, [&](const auto& d) { return feedback_of(ctx, d); });
}

std::vector<ContributionCount> contribution_counts(app::Context& ctx,
                                                   const std::vector<PublicDialogue>& ds) {
  return all_of<ContributionCount>(ds,
                                   [&](const auto& d) { return contribution_counts_of(ctx, d); });
}

}  // namespace dialogd::cms
