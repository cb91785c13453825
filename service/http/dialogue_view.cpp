#include "http/dialogue_view.hpp"

#include "codec/ladder_json.hpp"
#include "codec/plan_json.hpp"
#include "http/json_io.hpp"

namespace dialogd::http {
namespace json = boost::json;

json::object dialogue_json(const app::DialogueView& v, domain::Language lang) {
  const domain::Dialogue& d = v.dialogue;
  const domain::StageFacts& facts = v.facts;
  json::object o;
  o["id"] = d.id;
  o["organisation_id"] = d.organisation_id;
  o["body_id"] = d.body_id ? json::value(*d.body_id) : json::value(nullptr);
  o["plan_item"] =
      d.plan_item
          ? json::value(json::object{{"year", d.plan_item->year}, {"key", d.plan_item->key}})
          : json::value(nullptr);
  for (auto& member : codec::to_json(d.plan)) o[member.key()] = std::move(member.value());
  o["state"] = domain::to_string(d.state);
  o["version"] = d.version;
  o["created_at"] = d.created_at;
  o["updated_at"] = d.updated_at;
  const auto c = domain::classify(domain::ladder_input(d, facts.checkpoints > 0), lang);
  o["ladder"] =
      json::object{{"declared", d.plan.declared_level ? json::value(*d.plan.declared_level)
                                                      : json::value(nullptr)},
                   {"derived", c.level},
                   {"warnings", codec::to_json(c.warnings)}};
  o["counts"] = json::object{{"activities", facts.activities},
                             {"contributions", facts.contributions},
                             {"participants", facts.participants}};
  return o;
}

Response dialogue_response(const RequestContext& ctx, bhttp::status status,
                           const app::DialogueView& v) {
  Response res = json_response(ctx, status, dialogue_json(v, ctx.language()));
  res.set(bhttp::field::etag, etag_for(v.dialogue.version));
  return res;
}

}  // namespace dialogd::http
