#include "http/dialogue_view.hpp"

#include "codec/ladder_json.hpp"
#include "codec/plan_json.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/dialogue_repository.hpp"

namespace dialogd::http {
namespace json = boost::json;

json::object dialogue_json(const domain::Dialogue& d, const domain::StageFacts& facts,
                           domain::Language lang) {
  json::object o;
  o["id"] = d.id;
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
                           const domain::Dialogue& d) {
  const auto facts = store::DialogueRepository(ctx.store()).facts(d.id);
  Response res = json_response(ctx, status, dialogue_json(d, facts, ctx.language()));
  res.set(bhttp::field::etag, etag_for(d.version));
  return res;
}

domain::Dialogue load_dialogue(const RequestContext& ctx, std::string_view param) {
  auto d = store::DialogueRepository(ctx.store()).find(std::string(ctx.param(param)));
  if (!d) throw not_found("dialogue '" + std::string(ctx.param(param)) + "'");
  return std::move(*d);
}

}  // namespace dialogd::http
