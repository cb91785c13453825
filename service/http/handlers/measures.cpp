// Measures: proposed by the board, decided by the council, followed with append-only status
// updates.
#include "codec/reader.hpp"
#include "domain/measure.hpp"
#include "http/analysis_view.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/dialogue_repository.hpp"
#include "store/measure_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

Response list_measures(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  json::array items;
  for (const auto& m : store::MeasureRepository(ctx.store()).for_dialogue(d.id))
    items.push_back(measure_json(m, false));
  return json_response(ctx, bhttp::status::ok,
                       json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

Response get_measure(RequestContext& ctx) {
  auto m = store::MeasureRepository(ctx.store()).find(std::string(ctx.param("id")));
  if (!m) throw not_found("measure '" + std::string(ctx.param("id")) + "'");
  Response res = json_response(ctx, bhttp::status::ok, measure_json(*m, true));
  res.set(bhttp::field::etag, etag_for(static_cast<std::int64_t>(m->updates.size()) + 1));
  return res;
}

Response add_measure_update(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  store::MeasureRepository measures(ctx.store());
  auto m = measures.find(std::string(ctx.param("id")));
  if (!m) throw not_found("measure '" + std::string(ctx.param("id")) + "'");
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors, {"on", "status", "progress", "note"});
  r.required("on");
  r.required("status");
  const auto on = r.date("on");
  const auto status = r.choice("status", domain::measure_status_keys);
  auto progress = r.integer("progress", 0, 100);
  const auto note = r.text("note", 5000);
  if (status == "done" && !progress) progress = 100;
  if (status && progress && !domain::progress_consistent(*status, static_cast<int>(*progress)))
    errors.add("progress", "out_of_range",
               "a measure that is done has progress 100, got " + std::to_string(*progress));
  throw_if_invalid(errors);
  if (m->decision != "adopted")
    throw Problem(409, "measure-not-adopted", "The measure was not adopted",
                  "only measures the council adopted are followed up; this one is " + m->decision);
  const auto d = store::DialogueRepository(ctx.store()).find(m->dialogue_id);
  if (d->state != domain::State::decided && d->state != domain::State::followed_up)
    throw wrong_state(
        "measures are followed up while the dialogue is decided or followed_up; it is " +
        std::string(domain::to_string(d->state)));
  const store::MeasureUpdate u{support::new_id(),
                               m->id,
                               on->to_string(),
                               *status,
                               progress.value_or(0),
                               note,
                               ctx.services.clock.now_rfc3339()};
  measures.add_update(u);
  m->updates.push_back(u);
  Response res = json_response(ctx, bhttp::status::created, measure_json(*m, true));
  res.set(bhttp::field::location, "/v1/measures/" + m->id);
  res.set(bhttp::field::etag, etag_for(static_cast<std::int64_t>(m->updates.size()) + 1));
  return res;
}

}  // namespace dialogd::http::handlers
