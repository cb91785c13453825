#include "http/analysis_view.hpp"

#include <boost/json/parse.hpp>

#include "domain/date.hpp"
#include "domain/lifecycle.hpp"
#include "http/json_io.hpp"
#include "store/dialogue_repository.hpp"
#include "store/stage_document_repository.hpp"

namespace dialogd::http {
namespace json = boost::json;

namespace {

std::optional<json::object> stage_document(store::Connection& db, const std::string& dialogue_id,
                                           const char* kind) {
  auto doc = store::StageDocumentRepository(db).find(dialogue_id, kind);
  if (!doc) return std::nullopt;
  json::value v = json::parse(doc->document);
  return std::move(v.as_object());
}

}  // namespace

json::object need_json(const store::NeedRecord& n) {
  json::object o{{"id", n.id}, {"dialogue_id", n.dialogue_id}};
  append_document(o, n.document);
  json::array ids;
  for (const auto& c : n.contribution_ids) ids.emplace_back(c);
  o["contribution_ids"] = std::move(ids);
  o["version"] = n.version;
  o["created_at"] = n.created_at;
  o["updated_at"] = n.updated_at;
  return o;
}

json::object contribution_json(store::Connection& db, const store::ContributionRecord& c) {
  return contribution_json(c, store::NeedRepository(db).citing(c.id),
                           store::ContributionRepository(db).disposition(c.id));
}

json::object contribution_json(
    const store::ContributionRecord& c, const std::vector<store::NeedRecord>& citing,
    const std::optional<store::ContributionRepository::Disposition>& recorded) {
  json::object o{{"id", c.id}, {"dialogue_id", c.dialogue_id}, {"receipt", c.receipt}};
  o["activity_id"] = nullable(c.activity_id);
  append_document(o, c.document);
  o["created_at"] = c.created_at;
  json::array need_ids;
  for (const auto& n : citing) need_ids.emplace_back(n.id);
  if (!citing.empty()) {
    o["disposition"] = "need";
    o["reason"] =
        recorded && recorded->value == "need" ? nullable(recorded->reason) : json::value(nullptr);
  } else if (recorded && recorded->value != "need") {
    o["disposition"] = recorded->value;
    o["reason"] = nullable(recorded->reason);
  } else {
    o["disposition"] = nullptr;
    o["reason"] = nullptr;
  }
  o["need_ids"] = std::move(need_ids);
  o["version"] = c.version;
  return o;
}

json::object measure_json(const store::MeasureRecord& m, bool with_history) {
  json::object o{{"id", m.id},
                 {"dialogue_id", m.dialogue_id},
                 {"need_id", m.need_id},
                 {"title", m.title},
                 {"description", nullable(m.description)},
                 {"responsible", nullable(m.responsible)},
                 {"decision", m.decision},
                 {"rejection_reason", nullable(m.rejection_reason)}};
  if (m.updates.empty()) {
    o["status"] = nullptr;
    o["progress"] = nullptr;
  } else {
    o["status"] = m.updates.back().status;
    o["progress"] = m.updates.back().progress;
  }
  if (with_history) {
    json::array history;
    for (const auto& u : m.updates)
      history.push_back(json::object{{"on", u.on},
                                     {"status", u.status},
                                     {"progress", u.progress},
                                     {"note", nullable(u.note)},
                                     {"recorded_at", u.created_at}});
    o["history"] = std::move(history);
  }
  return o;
}

json::object trace_json(store::Connection& db, const store::ContributionRecord& c) {
  const auto d = store::DialogueRepository(db).find(c.dialogue_id);
  const json::object contribution = contribution_json(db, c);
  const auto report = stage_document(db, c.dialogue_id, "report");
  const auto answer = stage_document(db, c.dialogue_id, "answer");
  const auto decision = stage_document(db, c.dialogue_id, "decision");
  const auto follow_up = stage_document(db, c.dialogue_id, "follow_up");
  const auto measures = store::MeasureRepository(db).for_dialogue(c.dialogue_id);

  json::object out;
  out["receipt"] = c.receipt;
  // The next step and, when the process has fixed it, its due date.
  json::value next = nullptr;
  if (d->state == domain::State::decided)
    next = json::object{
        {"state", "followed_up"},
        {"due_on", decision ? decision->at("follow_up_due_on") : json::value(nullptr)}};
  else if (auto steps = domain::next_states(d->state);
           !steps.empty() && steps.front() != domain::State::cancelled)
    next = json::object{{"state", domain::to_string(steps.front())}, {"due_on", nullptr}};
  out["dialogue"] = json::object{{"id", d->id},
                                 {"title", d->plan.title},
                                 {"state", domain::to_string(d->state)},
                                 {"next_step", next}};
  out["contribution"] = json::object{{"text", contribution.at("text")},
                                     {"channel", contribution.at("channel")},
                                     {"submitted_on", c.created_at.substr(0, 10)}};
  out["disposition"] = contribution.at("disposition").is_null()
                           ? json::value(nullptr)
                           : json::value(json::object{{"value", contribution.at("disposition")},
                                                      {"reason", contribution.at("reason")}});
  json::array needs;
  for (const auto& need_id : contribution.at("need_ids").as_array()) {
    auto need = store::NeedRepository(db).find(std::string(need_id.as_string()));
    if (!need) continue;
    const json::object nj = need_json(*need);
    bool in_report = false;
    if (report)
      for (const auto& r : report->at("need_ids").as_array()) in_report = in_report || r == need_id;
    json::value board = nullptr;
    if (answer) {
      for (const auto& resp : answer->at("responses").as_array()) {
        if (resp.at("need_id") != need_id) continue;
        json::array ms;
        for (const auto& m : measures) {
          if (m.need_id != need->id) continue;
          json::object mj = measure_json(m, false);
          ms.push_back(json::object{{"id", mj["id"]},
                                    {"title", mj["title"]},
                                    {"decision", mj["decision"]},
                                    {"rejection_reason", mj["rejection_reason"]},
                                    {"status", mj["status"]},
                                    {"progress", mj["progress"]}});
        }
        const auto& ro = resp.as_object();
        board = json::object{
            {"measures", std::move(ms)},
            {"no_measure_reason",
             ro.contains("no_measure_reason") ? ro.at("no_measure_reason") : json::value(nullptr)}};
      }
    }
    needs.push_back(json::object{{"id", need->id},
                                 {"title", nj.at("title")},
                                 {"in_report", in_report},
                                 {"board_answer", board}});
  }
  out["needs"] = std::move(needs);
  out["report"] = report ? json::value(json::object{{"title", report->at("title")},
                                                    {"presented_on", report->at("presented_on")},
                                                    {"url", report->at("url")}})
                         : json::value(nullptr);
  out["decision"] =
      decision ? json::value(json::object{{"decided_on", decision->at("decided_on")},
                                          {"reference", decision->at("reference")},
                                          {"follow_up_due_on", decision->at("follow_up_due_on")}})
               : json::value(nullptr);
  out["follow_up"] = follow_up ? json::value(json::object{{"held_on", follow_up->at("held_on")},
                                                          {"summary", follow_up->at("summary")}})
                               : json::value(nullptr);
  return out;
}

}  // namespace dialogd::http
