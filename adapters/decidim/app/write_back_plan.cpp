#include "decidim_app/write_back_plan.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "app/contributions.hpp"
#include "app/dialogues.hpp"
#include "app/measures.hpp"
#include "app/needs.hpp"
#include "app/stage_documents.hpp"
#include "app/trace.hpp"

namespace dialogd::decidim_app {
namespace json = boost::json;

namespace {

// A stable digest of what a mutation would send, to send nothing twice.
std::string digest(const json::object& o) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char ch : json::serialize(o)) h = (h ^ ch) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string after_last_colon(const std::string& s) {
  return s.substr(s.rfind(':') + 1);
}

std::optional<std::string> accountability_component(const app::Source& source) {
  if (!source.process) return std::nullopt;
  boost::system::error_code ec;
  const json::value p = json::parse(*source.process, ec);
  if (ec || !p.is_object()) return std::nullopt;
  const auto* components = p.as_object().if_contains("components");
  if (!components || !components->is_array()) return std::nullopt;
  const json::value chosen = json::parse(source.components);
  for (const auto& c : components->as_array()) {
    const auto& o = c.as_object();
    if (o.at("type").as_string() != "Accountability") continue;
    const std::string id(o.at("id").as_string());
    bool wanted = chosen.as_array().empty();
    for (const auto& x : chosen.as_array()) wanted = wanted || x.as_string() == id;
    if (wanted) return id;
  }
  return std::nullopt;
}

std::optional<std::string> text_member(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

}  // namespace

std::optional<std::string> answer_state(const domain::ContributionOutcome& o, domain::State s) {
  if (s < domain::State::analysing || s == domain::State::cancelled) return std::nullopt;
  if (o.disposition && *o.disposition != "need") return "rejected";
  bool adopted = false, open = o.needs.empty();
  for (const auto& n : o.needs) {
    if (!n.answered) open = true;
    for (const auto& m : n.measures) {
      adopted = adopted || m.decision == "adopted";
      open = open || m.decision == "proposed";
    }
  }
  if (adopted) return "accepted";
  if (!open && s >= domain::State::decided) return "rejected";
  return "evaluating";
}

app::Result<WriteBackPlan> plan_write_back(app::Context& ctx, const app::Source& source) {
  auto dialogue = app::find_dialogue(ctx, source.dialogue_id);
  if (!dialogue) return dialogue.failure();
  WriteBackPlan plan;
  plan.accountability_component = accountability_component(source);

  // Proposals: each imported one that has an outcome to tell.
  std::map<std::string, int> proposal_of;  // local contribution id -> Decidim proposal id
  for (const auto& item : app::source_items(ctx, source, "contribution")) {
    const std::string proposal_id = after_last_colon(item.external_id);
    try {
      proposal_of[item.local_id] = std::stoi(proposal_id);
    } catch (...) {
    }
    auto c = app::find_contribution(ctx, item.local_id);
    if (!c) continue;  // erased since
    const auto outcome = app::outcome_of(app::trace_of(ctx, *c));
    const auto state = answer_state(outcome, dialogue->state);
    if (!state) continue;
    PlannedAnswer a;
    a.external_id = item.external_id;
    a.outcome.component_id = item.component_id;
    a.outcome.proposal_id = proposal_id;
    a.outcome.state = *state;
    a.outcome.answer_sv = domain::describe_outcome(outcome, domain::Language::sv);
    a.outcome.answer_en = domain::describe_outcome(outcome, domain::Language::en);
    a.hash = digest(
        {{"state", a.outcome.state}, {"sv", a.outcome.answer_sv}, {"en", a.outcome.answer_en}});
    a.sent_hash = item.sent_hash;
    plan.answers.push_back(std::move(a));
  }

  // Results: the measures the council adopted, with the proposals behind their needs.
  if (dialogue->state < domain::State::decided || dialogue->state == domain::State::cancelled)
    return plan;
  std::optional<std::string> decided_on, due_on;
  if (auto decision = app::read_stage_document(ctx, dialogue->id, "decision")) {
    boost::system::error_code ec;
    const json::value doc = json::parse(decision->document, ec);
    if (!ec && doc.is_object()) {
      decided_on = text_member(doc.as_object(), "decided_on");
      due_on = text_member(doc.as_object(), "follow_up_due_on");
    }
  }
  std::map<std::string, app::SourceItem> result_of;  // measure id -> its Decidim result
  for (auto& item : app::source_items(ctx, source, "result")) result_of[item.local_id] = item;
  auto measures = app::list_measures(ctx, dialogue->id);
  if (!measures) return measures.failure();
  for (const auto& m : *measures) {
    if (m.decision != "adopted") continue;
    PlannedResult r;
    r.measure_id = m.id;
    auto& res = r.result;
    res.component_id = plan.accountability_component.value_or("");
    res.title_sv = m.title;
    res.description_sv = m.description.value_or("");
    res.start_date = decided_on;
    res.end_date = due_on;
    res.external_id = m.id;
    if (!m.updates.empty()) {
      r.status = m.updates.back().status;
      res.progress = static_cast<double>(m.updates.back().progress);
    } else {
      res.progress = 0.0;
    }
    if (auto need = app::find_need(ctx, m.need_id))
      for (const auto& cid : need->contribution_ids)
        if (auto it = proposal_of.find(cid); it != proposal_of.end())
          res.proposal_ids.push_back(it->second);
    if (auto it = result_of.find(m.id); it != result_of.end()) {
      res.result_id = after_last_colon(it->second.external_id);
      r.sent_hash = it->second.sent_hash;
    }
    json::array proposals;
    for (int p : res.proposal_ids) proposals.emplace_back(p);
    r.hash = digest({{"title", res.title_sv},
                     {"description", res.description_sv},
                     {"start", res.start_date.value_or("")},
                     {"end", res.end_date.value_or("")},
                     {"progress", *res.progress},
                     {"status", r.status},
                     {"proposals", std::move(proposals)}});
    plan.results.push_back(std::move(r));
  }
  return plan;
}

}  // namespace dialogd::decidim_app
