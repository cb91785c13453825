#include "http/analysis_view.hpp"

#include "http/json_io.hpp"

namespace dialogd::http {
namespace json = boost::json;

json::object need_json(const app::Need& n) {
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

json::object contribution_json(const app::ContributionView& v) {
  const auto& c = v.record;
  json::object o{{"id", c.id}, {"dialogue_id", c.dialogue_id}, {"receipt", c.receipt}};
  o["activity_id"] = nullable(c.activity_id);
  append_document(o, c.document);
  o["created_at"] = c.created_at;
  o["disposition"] = v.disposition ? json::value(v.disposition->value) : json::value(nullptr);
  o["reason"] = v.disposition ? nullable(v.disposition->reason) : json::value(nullptr);
  json::array need_ids;
  for (const auto& n : v.need_ids) need_ids.emplace_back(n);
  o["need_ids"] = std::move(need_ids);
  o["version"] = c.version;
  return o;
}

json::object measure_json(const app::Measure& m, bool with_history) {
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

json::object trace_json(const app::Trace& t) {
  json::object out;
  out["receipt"] = t.receipt;
  json::value next = nullptr;
  if (t.dialogue.next_step)
    next = json::object{{"state", t.dialogue.next_step->state},
                        {"due_on", nullable(t.dialogue.next_step->due_on)}};
  out["dialogue"] = json::object{{"id", t.dialogue.id},
                                 {"title", t.dialogue.title},
                                 {"state", t.dialogue.state},
                                 {"next_step", next}};
  out["contribution"] = json::object{{"text", t.contribution.text},
                                     {"channel", t.contribution.channel},
                                     {"submitted_on", t.contribution.submitted_on}};
  out["disposition"] = t.disposition
                           ? json::value(json::object{{"value", t.disposition->value},
                                                      {"reason", nullable(t.disposition->reason)}})
                           : json::value(nullptr);
  json::array needs;
  for (const auto& n : t.needs) {
    json::value board = nullptr;
    if (n.board_answer) {
      json::array ms;
      for (const auto& m : n.board_answer->measures)
        ms.push_back(json::object{
            {"id", m.id},
            {"title", m.title},
            {"decision", m.decision},
            {"rejection_reason", nullable(m.rejection_reason)},
            {"status", nullable(m.status)},
            {"progress", m.progress ? json::value(*m.progress) : json::value(nullptr)}});
      board = json::object{{"measures", std::move(ms)},
                           {"no_measure_reason", nullable(n.board_answer->no_measure_reason)}};
    }
    needs.push_back(json::object{
        {"id", n.id}, {"title", n.title}, {"in_report", n.in_report}, {"board_answer", board}});
  }
  out["needs"] = std::move(needs);
  out["report"] = t.report ? json::value(json::object{{"title", t.report->title},
                                                      {"presented_on", t.report->presented_on},
                                                      {"url", nullable(t.report->url)}})
                           : json::value(nullptr);
  out["decision"] =
      t.decision ? json::value(json::object{{"decided_on", t.decision->decided_on},
                                            {"reference", t.decision->reference},
                                            {"follow_up_due_on", t.decision->follow_up_due_on}})
                 : json::value(nullptr);
  out["follow_up"] = t.follow_up ? json::value(json::object{{"held_on", t.follow_up->held_on},
                                                            {"summary", t.follow_up->summary}})
                                 : json::value(nullptr);
  return out;
}

}  // namespace dialogd::http
