#include "app/trace.hpp"

#include <boost/json/parse.hpp>

#include "app/dialogues.hpp"
#include "domain/lifecycle.hpp"
#include "domain/receipt.hpp"
#include "store/dialogue_repository.hpp"
#include "store/measure_repository.hpp"
#include "store/need_repository.hpp"
#include "store/stage_document_repository.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

std::optional<json::object> stage_document(store::Connection& db, const std::string& dialogue_id,
                                           const char* kind) {
  auto doc = store::StageDocumentRepository(db).find(dialogue_id, kind);
  if (!doc) return std::nullopt;
  json::value v = json::parse(doc->document);
  return std::move(v.as_object());
}

std::string text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::optional<std::string> optional_text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v && v->is_string()) return std::string(v->as_string());
  return std::nullopt;
}

}  // namespace

Trace trace_of(Context& ctx, const ContributionView& cv) {
  const auto& c = cv.record;
  const auto d = store::DialogueRepository(ctx.db).find(c.dialogue_id);
  const auto report = stage_document(ctx.db, c.dialogue_id, "report");
  const auto answer = stage_document(ctx.db, c.dialogue_id, "answer");
  const auto decision = stage_document(ctx.db, c.dialogue_id, "decision");
  const auto follow_up = stage_document(ctx.db, c.dialogue_id, "follow_up");

  Trace t;
  t.receipt = c.receipt;
  t.dialogue.id = d->id;
  t.dialogue.title = d->plan.title;
  t.dialogue.state = domain::to_string(d->state);
  // The next step and, when the process has fixed it, its due date.
  if (d->state == domain::State::decided)
    t.dialogue.next_step = NextStep{
        "followed_up", decision ? optional_text(*decision, "follow_up_due_on") : std::nullopt};
  else if (auto steps = domain::next_states(d->state);
           !steps.empty() && steps.front() != domain::State::cancelled)
    t.dialogue.next_step = NextStep{std::string(domain::to_string(steps.front())), std::nullopt};
  const json::value doc = json::parse(c.document);
  t.contribution.id = c.id;
  t.contribution.text = text(doc.as_object(), "text");
  t.contribution.channel = text(doc.as_object(), "channel");
  t.contribution.submitted_on = c.created_at.substr(0, 10);
  t.disposition = cv.disposition;

  std::vector<store::MeasureRecord> measures;
  if (answer && !cv.need_ids.empty())
    measures = store::MeasureRepository(ctx.db).for_dialogue(c.dialogue_id);
  store::NeedRepository needs(ctx.db);
  for (const auto& need_id : cv.need_ids) {
    auto need = needs.find_head(need_id);
    if (!need) continue;
    TracedNeed tn;
    tn.id = need->id;
    tn.title = text(json::parse(need->document).as_object(), "title");
    if (report)
      for (const auto& r : report->at("need_ids").as_array())
        tn.in_report = tn.in_report || r.as_string() == need_id;
    if (answer) {
      for (const auto& resp : answer->at("responses").as_array()) {
        const auto& ro = resp.as_object();
        if (text(ro, "need_id") != need_id) continue;
        BoardAnswer b;
        for (const auto& m : measures) {
          if (m.need_id != need->id) continue;
          TracedMeasure tm{m.id,         m.title,     m.decision, m.rejection_reason,
                           std::nullopt, std::nullopt};
          if (!m.updates.empty()) {
            tm.status = m.updates.back().status;
            tm.progress = static_cast<int>(m.updates.back().progress);
          }
          b.measures.push_back(std::move(tm));
        }
        b.no_measure_reason = optional_text(ro, "no_measure_reason");
        tn.board_answer = std::move(b);
      }
    }
    t.needs.push_back(std::move(tn));
  }
  if (report)
    t.report = Trace::Report{text(*report, "title"), text(*report, "presented_on"),
                             optional_text(*report, "url")};
  if (decision)
    t.decision = Trace::Decision{text(*decision, "decided_on"), text(*decision, "reference"),
                                 text(*decision, "follow_up_due_on")};
  if (follow_up)
    t.follow_up = Trace::FollowUp{text(*follow_up, "held_on"), text(*follow_up, "summary")};
  return t;
}

Result<Trace> trace_contribution(Context& ctx, const std::string& contribution_id) {
  auto c = find_contribution(ctx, contribution_id);
  if (!c) return c.failure();
  return trace_of(ctx, c.value());
}

Result<Trace> trace_receipt(Context& ctx, std::string_view typed_code) {
  const std::string code = domain::normalize_receipt(typed_code);
  std::optional<Contribution> c;
  if (!code.empty()) c = store::ContributionRepository(ctx.db).find_by_receipt(code);
  if (c && !find_dialogue(ctx, c->dialogue_id)) c.reset();
  if (!c) {
    Failure f = not_found("receipt");
    f.detail = "no contribution has this receipt; check the code and try again";
    return f;
  }
  return trace_of(ctx, view_of(ctx, std::move(*c)));
}

domain::ContributionOutcome outcome_of(const Trace& t) {
  domain::ContributionOutcome o;
  if (t.disposition) {
    o.disposition = t.disposition->value;
    o.reason = t.disposition->reason;
  }
  for (const auto& tn : t.needs) {
    domain::NeedOutcome n;
    n.title = tn.title;
    n.in_report = tn.in_report;
    if (tn.board_answer) {
      n.no_measure_reason = tn.board_answer->no_measure_reason;
      for (const auto& m : tn.board_answer->measures)
        n.measures.push_back({m.title, m.decision, m.rejection_reason, m.status, m.progress});
      n.answered = !n.measures.empty() || n.no_measure_reason.has_value();
    }
    o.needs.push_back(std::move(n));
  }
  return o;
}

}  // namespace dialogd::app
