// The participation ladder: its steps, free classification, and a dialogue's own classification.
#include "app/dialogues.hpp"
#include "codec/ladder_json.hpp"
#include "codec/plan_json.hpp"
#include "codec/reader.hpp"
#include "http/app_bridge.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

Response ladder_steps(RequestContext& ctx) {
  json::array items;
  for (const auto& s : domain::ladder_steps()) items.push_back(codec::to_json(s));
  return json_response(ctx, bhttp::status::ok, json::object{{"items", std::move(items)}});
}

Response ladder_classify(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors, {"design", "methods", "declared_level", "feedback_commitment"});
  domain::ClassifyInput in;
  if (const json::object* d = r.object("design"))
    in.design = codec::read_design(*d, "design", errors);
  in.methods = r.choice_list("methods", domain::method_keys, "method");
  if (auto level = r.integer("declared_level", 1, 5)) in.declared_level = static_cast<int>(*level);
  in.feedback_commitment = r.boolean("feedback_commitment");
  throw_if_invalid(errors);
  return json_response(ctx, bhttp::status::ok,
                       codec::to_json(domain::classify(in, ctx.language())));
}

Response dialogue_ladder(RequestContext& ctx) {
  auto app = app_context(ctx);
  const auto l = unwrap(app::dialogue_ladder(app, std::string(ctx.param("id")), ctx.language()));
  json::object o = codec::to_json(l.classification);
  o["declared"] = l.declared ? json::value(*l.declared) : json::value(nullptr);
  return json_response(ctx, bhttp::status::ok, o);
}

}  // namespace dialogd::http::handlers
