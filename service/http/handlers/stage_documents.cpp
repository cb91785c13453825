// The documents of the later stages: the report to the council, the board's answer, the council's
// decision and the follow-up. Each is written while its stage is current; a rewrite is a correction
// and goes into the timeline.
#include "app/stage_documents.hpp"

#include "codec/reader.hpp"
#include "domain/measure.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

// Members of every stage document that the service sets.
constexpr std::array<std::string_view, 4> stage_read_only{"dialogue_id", "version", "created_at",
                                                          "updated_at"};

json::object document_json(const app::StageDocument& doc) {
  json::object o{{"dialogue_id", doc.dialogue_id}};
  append_document(o, doc.document);
  o["version"] = doc.version;
  o["created_at"] = doc.created_at;
  o["updated_at"] = doc.updated_at;
  return o;
}

Response written_response(RequestContext& ctx, app::Result<app::Written>&& result) {
  const auto w = unwrap(std::move(result));
  Response res = json_response(ctx, w.created ? bhttp::status::created : bhttp::status::ok,
                               document_json(w.document));
  res.set(bhttp::field::etag, etag_for(w.document.version));
  if (w.created) res.set(bhttp::field::location, std::string(ctx.path));
  return res;
}

Response get_stage_document(RequestContext& ctx, const char* kind) {
  auto app = app_context(ctx);
  const auto doc = unwrap(app::read_stage_document(app, std::string(ctx.param("id")), kind));
  Response res = json_response(ctx, bhttp::status::ok, document_json(doc));
  res.set(bhttp::field::etag, etag_for(doc.version));
  return res;
}

}  // namespace

Response put_report(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::ReportInput in;
  codec::Reader r(body, "", in.read_errors, {"title", "summary", "presented_on", "need_ids", "url"},
                  stage_read_only);
  r.required("title");
  r.required("presented_on");
  in.title = r.text("title", 300).value_or("");
  in.summary = r.text("summary", 50000, false);
  if (auto on = r.date("presented_on")) in.presented_on = on->to_string();
  in.url = r.text("url", 2000);
  in.need_ids = r.text_list("need_ids", 1000, 64);
  auto app = app_context(ctx);
  return written_response(ctx, app::write_report(app, std::string(ctx.param("id")),
                                                 precondition(ctx, false), std::move(in)));
}

Response put_answer(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::AnswerInput in;
  auto& errors = in.read_errors;
  codec::Reader r(body, "", errors, {"answered_on", "responses"}, stage_read_only);
  r.required("answered_on");
  r.required("responses");
  if (auto on = r.date("answered_on")) in.answered_on = on->to_string();
  r.object_list("responses", [&](const json::object& ro, const std::string& path) {
    codec::Reader rr(ro, path, errors, {"need_id", "measures", "no_measure_reason"});
    rr.required("need_id");
    app::NeedResponse response;
    response.need_id = rr.text("need_id", 64).value_or("");
    response.no_measure_reason = rr.text("no_measure_reason", 5000);
    rr.object_list("measures", [&](const json::object& mo, const std::string& mpath) {
      codec::Reader mr(mo, mpath, errors, {"title", "description", "responsible"},
                       std::array<std::string_view, 1>{"id"});
      mr.required("title");
      response.measures.push_back({mr.text("title", 300).value_or(""), mr.text("description", 5000),
                                   mr.text("responsible", 300)});
    });
    in.responses.push_back(std::move(response));
  });
  auto app = app_context(ctx);
  return written_response(ctx, app::write_answer(app, std::string(ctx.param("id")),
                                                 precondition(ctx, false), std::move(in)));
}

Response put_decision(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::DecisionInput in;
  auto& errors = in.read_errors;
  codec::Reader r(body, "", errors,
                  {"decided_on", "reference", "adopted", "rejected", "follow_up_months"},
                  std::array<std::string_view, 5>{"dialogue_id", "version", "created_at",
                                                  "updated_at", "follow_up_due_on"});
  r.required("decided_on");
  r.required("reference");
  if (auto on = r.date("decided_on")) in.decided_on = on->to_string();
  in.reference = r.text("reference", 300).value_or("");
  in.follow_up_months = static_cast<int>(
      r.integer("follow_up_months", 1, 60).value_or(domain::default_follow_up_months));
  in.adopted = r.text_list("adopted", 1000, 64);
  r.object_list("rejected", [&](const json::object& ro, const std::string& path) {
    codec::Reader rr(ro, path, errors, {"measure_id", "reason"});
    rr.required("measure_id");
    rr.required("reason");
    const auto id = rr.text("measure_id", 64);
    const auto reason = rr.text("reason", 5000);
    if (id && reason) in.rejected.emplace_back(*id, *reason);
  });
  auto app = app_context(ctx);
  return written_response(ctx, app::write_decision(app, std::string(ctx.param("id")),
                                                   precondition(ctx, false), std::move(in)));
}

Response put_follow_up(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  app::FollowUpInput in;
  codec::Reader r(body, "", in.read_errors, {"held_on", "summary"}, stage_read_only);
  r.required("held_on");
  r.required("summary");
  if (auto on = r.date("held_on")) in.held_on = on->to_string();
  in.summary = r.text("summary", 50000).value_or("");
  auto app = app_context(ctx);
  return written_response(ctx, app::write_follow_up(app, std::string(ctx.param("id")),
                                                    precondition(ctx, false), std::move(in)));
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
