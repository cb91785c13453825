#pragma once
// One function per operation; each file under handlers/ holds one resource's operations.
#include "http/request_context.hpp"

namespace dialogd::http::handlers {

Response health(RequestContext&);

Response create_dialogue(RequestContext&);
Response list_dialogues(RequestContext&);
Response get_dialogue(RequestContext&);
Response patch_dialogue(RequestContext&);
Response delete_dialogue(RequestContext&);

Response transition_dialogue(RequestContext&);
Response dialogue_timeline(RequestContext&);

Response ladder_steps(RequestContext&);
Response ladder_classify(RequestContext&);
Response dialogue_ladder(RequestContext&);

Response create_activity(RequestContext&);
Response list_activities(RequestContext&);
Response get_activity(RequestContext&);
Response patch_activity(RequestContext&);

Response create_contribution(RequestContext&);
Response list_contributions(RequestContext&);
Response get_contribution(RequestContext&);

Response dialogue_representation(RequestContext&);
Response create_checkpoint(RequestContext&);
Response list_checkpoints(RequestContext&);

Response landing_page(RequestContext&);
Response openapi_yaml(RequestContext&);
Response openapi_json(RequestContext&);
Response docs_page(RequestContext&);
Response docs_renderer(RequestContext&);
Response readme(RequestContext&);

}  // namespace dialogd::http::handlers
