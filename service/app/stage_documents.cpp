#include "app/stage_documents.hpp"

#include <boost/json/serialize.hpp>

#include "app/dialogues.hpp"
#include "domain/date.hpp"
#include "store/measure_repository.hpp"
#include "store/need_repository.hpp"
#include "store/timeline_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

json::value nullable(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

bool plausible_url(std::string_view u) {
  return (u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0) && u.size() > 10 &&
         u.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

bool contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::vector<std::string> need_ids_of(store::Connection& db, const std::string& dialogue_id) {
  std::vector<std::string> ids;
  for (const auto& n : store::NeedRepository(db).all(dialogue_id)) ids.push_back(n.id);
  return ids;
}

// Writes the document of `kind` while the dialogue is in `stage`: created the first time, a
// correction in the timeline after that.
Result<Written> put(Context& ctx, const domain::Dialogue& d, const char* kind, domain::State stage,
                    const Precondition& pre, const json::object& document) {
  if (d.state != stage)
    return wrong_state(std::string("the ") + kind + " is written while the dialogue is " +
                       std::string(domain::to_string(stage)) + "; it is " +
                       std::string(domain::to_string(d.state)));
  store::StageDocumentRepository docs(ctx.db);
  const std::string now = ctx.clock.now_rfc3339();
  if (auto existing = docs.find(d.id, kind))
    if (auto f = check(pre, existing->version)) return *f;
  auto stored = docs.put(d.id, kind, json::serialize(document), now);
  const bool created = stored.version == 1;
  if (!created)
    store::TimelineRepository(ctx.db).append({support::new_id(), d.id, now, "correction",
                                              std::nullopt, std::nullopt, std::nullopt,
                                              std::string(kind), ctx.actor.name, ctx.actor.role});
  return Written{std::move(stored), created};
}

}  // namespace

Result<Written> write_report(Context& ctx, const std::string& dialogue_id, const Precondition& pre,
                             ReportInput in) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  auto& errors = in.read_errors;
  if (in.url && !plausible_url(*in.url))
    errors.add("url", "invalid_value", "'" + *in.url + "' is not an http(s) address");
  const auto known = need_ids_of(ctx.db, d->id);
  json::array need_ids;
  for (std::size_t i = 0; i < in.need_ids.size(); ++i) {
    if (!contains(known, in.need_ids[i]))
      errors.add(codec::path_index("need_ids", i), "invalid_value",
                 "'" + in.need_ids[i] + "' is not a need of this dialogue");
    else
      need_ids.emplace_back(in.need_ids[i]);
  }
  if (!errors.empty()) return invalid(errors);
  return put(ctx, *d, "report", domain::State::analysing, pre,
             {{"title", in.title},
              {"summary", nullable(in.summary)},
              {"presented_on", in.presented_on},
              {"need_ids", std::move(need_ids)},
              {"url", nullable(in.url)}});
}

Result<Written> write_answer(Context& ctx, const std::string& dialogue_id, const Precondition& pre,
                             AnswerInput in) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  auto& errors = in.read_errors;
  const auto known = need_ids_of(ctx.db, d->id);
  const std::string now = ctx.clock.now_rfc3339();
  std::vector<std::string> seen;
  std::vector<store::MeasureRecord> measures;
  json::array responses;
  for (std::size_t i = 0; i < in.responses.size(); ++i) {
    const auto& r = in.responses[i];
    const std::string path = codec::path_index("responses", i) + ".need_id";
    if (!r.need_id.empty() && !contains(known, r.need_id))
      errors.add(path, "invalid_value", "'" + r.need_id + "' is not a need of this dialogue");
    else if (!r.need_id.empty() && contains(seen, r.need_id))
      errors.add(path, "duplicate", "need '" + r.need_id + "' is answered twice");
    else if (!r.need_id.empty())
      seen.push_back(r.need_id);
    json::array ms;
    for (const auto& pm : r.measures) {
      store::MeasureRecord m;
      m.id = support::new_id();
      m.dialogue_id = d->id;
      m.need_id = r.need_id;
      m.title = pm.title;
      m.description = pm.description;
      m.responsible = pm.responsible;
      m.created_at = now;
      ms.push_back(json::object{{"id", m.id},
                                {"title", m.title},
                                {"description", nullable(m.description)},
                                {"responsible", nullable(m.responsible)}});
      measures.push_back(std::move(m));
    }
    responses.push_back(json::object{{"need_id", r.need_id},
                                     {"measures", std::move(ms)},
                                     {"no_measure_reason", nullable(r.no_measure_reason)}});
  }
  if (!errors.empty()) return invalid(errors);
  if (d->state == domain::State::reported)
    store::MeasureRepository(ctx.db).replace_proposals(d->id, measures);
  return put(ctx, *d, "answer", domain::State::reported, pre,
             {{"answered_on", in.answered_on}, {"responses", std::move(responses)}});
}

Result<Written> write_decision(Context& ctx, const std::string& dialogue_id,
                               const Precondition& pre, DecisionInput in) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  auto& errors = in.read_errors;
  store::MeasureRepository measures(ctx.db);
  std::vector<std::string> proposed, decided;
  for (const auto& m : measures.for_dialogue(d->id)) proposed.push_back(m.id);
  json::array adopted_json, rejected_json;
  for (std::size_t i = 0; i < in.adopted.size(); ++i) {
    const std::string path = codec::path_index("adopted", i);
    const auto& id = in.adopted[i];
    if (!contains(proposed, id))
      errors.add(path, "invalid_value", "'" + id + "' is not a measure proposed for this dialogue");
    else if (contains(decided, id))
      errors.add(path, "duplicate", "measure '" + id + "' is decided twice");
    else {
      decided.push_back(id);
      adopted_json.emplace_back(id);
    }
  }
  std::vector<std::pair<std::string, std::string>> rejected;
  for (std::size_t i = 0; i < in.rejected.size(); ++i) {
    const auto& [id, reason] = in.rejected[i];
    const std::string path = codec::path_index("rejected", i) + ".measure_id";
    if (!contains(proposed, id))
      errors.add(path, "invalid_value", "'" + id + "' is not a measure proposed for this dialogue");
    else if (contains(decided, id))
      errors.add(path, "duplicate", "measure '" + id + "' is both adopted and rejected");
    else {
      decided.push_back(id);
      rejected.emplace_back(id, reason);
      rejected_json.push_back(json::object{{"measure_id", id}, {"reason", reason}});
    }
  }
  const auto decided_on = domain::Date::parse(in.decided_on);
  if (!decided_on && errors.empty())
    errors.add("decided_on", "invalid_value", "'" + in.decided_on + "' is not a date");
  if (!errors.empty()) return invalid(errors);
  if (d->state == domain::State::answered) {
    measures.reset_decisions(d->id);
    for (const auto& id : in.adopted) measures.set_decision(id, "adopted", std::nullopt);
    for (const auto& [id, reason] : rejected) measures.set_decision(id, "rejected", reason);
  }
  return put(ctx, *d, "decision", domain::State::answered, pre,
             {{"decided_on", in.decided_on},
              {"reference", in.reference},
              {"adopted", std::move(adopted_json)},
              {"rejected", std::move(rejected_json)},
              {"follow_up_months", in.follow_up_months},
              {"follow_up_due_on", decided_on->add_months(in.follow_up_months).to_string()}});
}

Result<Written> write_follow_up(Context& ctx, const std::string& dialogue_id,
                                const Precondition& pre, FollowUpInput in) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  if (!in.read_errors.empty()) return invalid(in.read_errors);
  return put(ctx, *d, "follow_up", domain::State::decided, pre,
             {{"held_on", in.held_on}, {"summary", in.summary}});
}

Result<StageDocument> read_stage_document(Context& ctx, const std::string& dialogue_id,
                                          const std::string& kind) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  auto doc = store::StageDocumentRepository(ctx.db).find(d->id, kind);
  if (!doc) return not_found("the " + kind + " of dialogue '" + d->id + "'");
  return std::move(*doc);
}

}  // namespace dialogd::app
