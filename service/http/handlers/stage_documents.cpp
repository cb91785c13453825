// The documents of the later stages: the report to the council, the board's answer, the council's
// decision and the follow-up. Each is written while its stage is current; a rewrite is a correction
// and goes into the timeline.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/reader.hpp"
#include "domain/measure.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/measure_repository.hpp"
#include "store/need_repository.hpp"
#include "store/stage_document_repository.hpp"
#include "store/timeline_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

// Members of every stage document that the service sets.
constexpr std::array<std::string_view, 4> stage_read_only{"dialogue_id", "version", "created_at",
                                                          "updated_at"};

bool plausible_url(std::string_view u) {
  return (u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0) && u.size() > 10 &&
         u.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

// Writes the document of `kind` while the dialogue is in `stage`: 201 the first time, 200 with a
// timeline correction after that.
Response put_stage_document(RequestContext& ctx, const domain::Dialogue& d, const char* kind,
                            domain::State stage, const json::object& document) {
  if (d.state != stage)
    throw wrong_state(std::string("the ") + kind + " is written while the dialogue is " +
                      std::string(domain::to_string(stage)) + "; it is " +
                      std::string(domain::to_string(d.state)));
  store::StageDocumentRepository docs(ctx.store());
  const std::string now = ctx.services.clock.now_rfc3339();
  if (auto existing = docs.find(d.id, kind)) check_if_match(ctx, existing->version, false);
  const auto stored = docs.put(d.id, kind, json::serialize(document), now);
  const bool created = stored.version == 1;
  if (!created)
    store::TimelineRepository(ctx.store())
        .append({support::new_id(), d.id, now, "correction", std::nullopt, std::nullopt,
                 std::nullopt, std::string(kind), ctx.principal->name, ctx.principal->role});
  json::object o{{"dialogue_id", d.id}};
  for (const auto& m : document) o[m.key()] = m.value();
  o["version"] = stored.version;
  o["created_at"] = stored.created_at;
  o["updated_at"] = stored.updated_at;
  Response res = json_response(ctx, created ? bhttp::status::created : bhttp::status::ok, o);
  res.set(bhttp::field::etag, etag_for(stored.version));
  if (created) res.set(bhttp::field::location, std::string(ctx.path));
  return res;
}

Response get_stage_document(RequestContext& ctx, const char* kind) {
  const domain::Dialogue d = load_dialogue(ctx);
  auto doc = store::StageDocumentRepository(ctx.store()).find(d.id, kind);
  if (!doc) throw not_found(std::string("the ") + kind + " of dialogue '" + d.id + "'");
  json::object o{{"dialogue_id", d.id}};
  append_document(o, doc->document);
  o["version"] = doc->version;
  o["created_at"] = doc->created_at;
  o["updated_at"] = doc->updated_at;
  Response res = json_response(ctx, bhttp::status::ok, o);
  res.set(bhttp::field::etag, etag_for(doc->version));
  return res;
}

std::vector<std::string> need_ids_of(store::Connection& db, const std::string& dialogue_id) {
  std::vector<std::string> ids;
  for (const auto& n : store::NeedRepository(db).all(dialogue_id)) ids.push_back(n.id);
  return ids;
}

bool contains(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

Response put_report(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors, {"title", "summary", "presented_on", "need_ids", "url"},
                  stage_read_only);
  r.required("title");
  r.required("presented_on");
  const auto title = r.text("title", 300);
  const auto summary = r.text("summary", 50000, false);
  const auto presented_on = r.date("presented_on");
  const auto url = r.text("url", 2000);
  if (url && !plausible_url(*url))
    errors.add("url", "invalid_value", "'" + *url + "' is not an http(s) address");
  const auto known = need_ids_of(ctx.store(), d.id);
  const auto ids = r.text_list("need_ids", 1000, 64);
  json::array need_ids;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!contains(known, ids[i]))
      errors.add(codec::path_index("need_ids", i), "invalid_value",
                 "'" + ids[i] + "' is not a need of this dialogue");
    else
      need_ids.emplace_back(ids[i]);
  }
  throw_if_invalid(errors);
  return put_stage_document(ctx, d, "report", domain::State::analysing,
                            {{"title", *title},
                             {"summary", nullable(summary)},
                             {"presented_on", presented_on->to_string()},
                             {"need_ids", std::move(need_ids)},
                             {"url", nullable(url)}});
}

Response put_answer(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors, {"answered_on", "responses"}, stage_read_only);
  r.required("answered_on");
  r.required("responses");
  const auto answered_on = r.date("answered_on");
  const auto known = need_ids_of(ctx.store(), d.id);
  const std::string now = ctx.services.clock.now_rfc3339();
  std::vector<std::string> seen;
  std::vector<store::MeasureRecord> measures;
  json::array responses;
  r.object_list("responses", [&](const json::object& ro, const std::string& path) {
    codec::Reader rr(ro, path, errors, {"need_id", "measures", "no_measure_reason"});
    rr.required("need_id");
    const auto need_id = rr.text("need_id", 64);
    if (need_id && !contains(known, *need_id))
      errors.add(rr.path("need_id"), "invalid_value",
                 "'" + *need_id + "' is not a need of this dialogue");
    else if (need_id && contains(seen, *need_id))
      errors.add(rr.path("need_id"), "duplicate", "need '" + *need_id + "' is answered twice");
    else if (need_id)
      seen.push_back(*need_id);
    const auto reason = rr.text("no_measure_reason", 5000);
    json::array ms;
    rr.object_list("measures", [&](const json::object& mo, const std::string& mpath) {
      codec::Reader mr(mo, mpath, errors, {"title", "description", "responsible"},
                       std::array<std::string_view, 1>{"id"});
      mr.required("title");
      store::MeasureRecord m;
      m.id = support::new_id();
      m.dialogue_id = d.id;
      m.need_id = need_id.value_or("");
      m.title = mr.text("title", 300).value_or("");
      m.description = mr.text("description", 5000);
      m.responsible = mr.text("responsible", 300);
      m.created_at = now;
      ms.push_back(json::object{{"id", m.id},
                                {"title", m.title},
                                {"description", nullable(m.description)},
                                {"responsible", nullable(m.responsible)}});
      measures.push_back(std::move(m));
    });
    responses.push_back(json::object{{"need_id", need_id.value_or("")},
                                     {"measures", std::move(ms)},
                                     {"no_measure_reason", nullable(reason)}});
  });
  throw_if_invalid(errors);
  if (d.state == domain::State::reported)
    store::MeasureRepository(ctx.store()).replace_proposals(d.id, measures);
  return put_stage_document(
      ctx, d, "answer", domain::State::reported,
      {{"answered_on", answered_on->to_string()}, {"responses", std::move(responses)}});
}

Response put_decision(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors,
                  {"decided_on", "reference", "adopted", "rejected", "follow_up_months"},
                  std::array<std::string_view, 5>{"dialogue_id", "version", "created_at",
                                                  "updated_at", "follow_up_due_on"});
  r.required("decided_on");
  r.required("reference");
  const auto decided_on = r.date("decided_on");
  const auto reference = r.text("reference", 300);
  const int months = static_cast<int>(
      r.integer("follow_up_months", 1, 60).value_or(domain::default_follow_up_months));
  store::MeasureRepository measures(ctx.store());
  std::vector<std::string> proposed, decided;
  for (const auto& m : measures.for_dialogue(d.id)) proposed.push_back(m.id);
  const auto adopted = r.text_list("adopted", 1000, 64);
  json::array adopted_json, rejected_json;
  for (std::size_t i = 0; i < adopted.size(); ++i) {
    const std::string path = codec::path_index("adopted", i);
    if (!contains(proposed, adopted[i]))
      errors.add(path, "invalid_value",
                 "'" + adopted[i] + "' is not a measure proposed for this dialogue");
    else if (contains(decided, adopted[i]))
      errors.add(path, "duplicate", "measure '" + adopted[i] + "' is decided twice");
    else {
      decided.push_back(adopted[i]);
      adopted_json.emplace_back(adopted[i]);
    }
  }
  std::vector<std::pair<std::string, std::string>> rejected;
  r.object_list("rejected", [&](const json::object& ro, const std::string& path) {
    codec::Reader rr(ro, path, errors, {"measure_id", "reason"});
    rr.required("measure_id");
    rr.required("reason");
    const auto id = rr.text("measure_id", 64);
    const auto reason = rr.text("reason", 5000);
    if (id && !contains(proposed, *id))
      errors.add(rr.path("measure_id"), "invalid_value",
                 "'" + *id + "' is not a measure proposed for this dialogue");
    else if (id && contains(decided, *id))
      errors.add(rr.path("measure_id"), "duplicate",
                 "measure '" + *id + "' is both adopted and rejected");
    else if (id && reason) {
      decided.push_back(*id);
      rejected.emplace_back(*id, *reason);
      rejected_json.push_back(json::object{{"measure_id", *id}, {"reason", *reason}});
    }
  });
  throw_if_invalid(errors);
  if (d.state == domain::State::answered) {
    measures.reset_decisions(d.id);
    for (const auto& id : adopted) measures.set_decision(id, "adopted", std::nullopt);
    for (const auto& [id, reason] : rejected) measures.set_decision(id, "rejected", reason);
  }
  return put_stage_document(ctx, d, "decision", domain::State::answered,
                            {{"decided_on", decided_on->to_string()},
                             {"reference", *reference},
                             {"adopted", std::move(adopted_json)},
                             {"rejected", std::move(rejected_json)},
                             {"follow_up_months", months},
                             {"follow_up_due_on", decided_on->add_months(months).to_string()}});
}

Response put_follow_up(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors, {"held_on", "summary"}, stage_read_only);
  r.required("held_on");
  r.required("summary");
  const auto held_on = r.date("held_on");
  const auto summary = r.text("summary", 50000);
  throw_if_invalid(errors);
  return put_stage_document(ctx, d, "follow_up", domain::State::decided,
                            {{"held_on", held_on->to_string()}, {"summary", *summary}});
}

Response get_report(RequestContext& ctx) {
  return get_stage_document(ctx, "report");
}
Response get_answer(RequestContext& ctx) {
  return get_stage_document(ctx, "answer");
}
Response get_decision(RequestContext& ctx) {
  return get_stage_document(ctx, "decision");
}
Response get_follow_up(RequestContext& ctx) {
  return get_stage_document(ctx, "follow_up");
}

}  // namespace dialogd::http::handlers
