#pragma once
// The dialogue as the API shows it, and the lookups every dialogue route starts with.
#include <boost/json/object.hpp>

#include "domain/dialogue.hpp"
#include "domain/stage_facts.hpp"
#include "http/request_context.hpp"

namespace dialogd::http {

boost::json::object dialogue_json(const domain::Dialogue& d, const domain::StageFacts& facts,
                                  domain::Language lang);
Response dialogue_response(const RequestContext& ctx, bhttp::status status,
                           const domain::Dialogue& d);

// The dialogue named by the route's {id}, or 404.
domain::Dialogue load_dialogue(const RequestContext& ctx, std::string_view param = "id");

}  // namespace dialogd::http
