#pragma once
// The dialogue as the API shows it.
#include <boost/json/object.hpp>

#include "app/dialogues.hpp"
#include "http/request_context.hpp"

namespace dialogd::http {

boost::json::object dialogue_json(const app::DialogueView& v, domain::Language lang);
Response dialogue_response(const RequestContext& ctx, bhttp::status status,
                           const app::DialogueView& v);

}  // namespace dialogd::http
