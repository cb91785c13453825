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
void prepare_contribution(RequestContext&);  // its Route::prepare
Response list_contributions(RequestContext&);
Response get_contribution(RequestContext&);

Response dialogue_representation(RequestContext&);
Response create_checkpoint(RequestContext&);
Response list_checkpoints(RequestContext&);

Response create_need(RequestContext&);
Response list_needs(RequestContext&);
Response get_need(RequestContext&);
Response patch_need(RequestContext&);
Response patch_contribution(RequestContext&);

Response put_report(RequestContext&);
Response get_report(RequestContext&);
Response put_answer(RequestContext&);
Response get_answer(RequestContext&);
Response put_decision(RequestContext&);
Response get_decision(RequestContext&);
Response put_follow_up(RequestContext&);
Response get_follow_up(RequestContext&);

Response list_measures(RequestContext&);
Response get_measure(RequestContext&);
Response add_measure_update(RequestContext&);

Response contribution_trace(RequestContext&);
Response receipt(RequestContext&);

Response create_webhook(RequestContext&);
Response list_webhooks(RequestContext&);
Response delete_webhook(RequestContext&);
Response dialogue_feedback(RequestContext&);
Response public_feedback(RequestContext&);
Response feedback_overdue(RequestContext&);
Response erase_contacts(RequestContext&);

Response create_organisation(RequestContext&);
Response list_organisations(RequestContext&);
Response get_organisation(RequestContext&);
Response patch_organisation(RequestContext&);

Response create_body(RequestContext&);
Response list_bodies(RequestContext&);
Response get_body(RequestContext&);
Response patch_body(RequestContext&);
Response put_body_plan(RequestContext&);
Response get_body_plan(RequestContext&);
Response list_body_plans(RequestContext&);

Response audit_log(RequestContext&);
Response create_source(RequestContext&);
Response list_sources(RequestContext&);
Response sync_source(RequestContext&);
Response export_decidim_results(RequestContext&);
Response export_decidim_answers(RequestContext&);

Response oembed(RequestContext&);
Response organisation_feed(RequestContext&);
Response dialogue_feed(RequestContext&);
Response open_data(RequestContext&);
Response open_data_catalog(RequestContext&);
Response public_page(RequestContext&);
Response metrics(RequestContext&);

Response landing_page(RequestContext&);
Response openapi_yaml(RequestContext&);
Response openapi_json(RequestContext&);
Response docs_page(RequestContext&);
Response docs_renderer(RequestContext&);
Response readme(RequestContext&);

Response widgets_script(RequestContext&);
Response widgets_gallery(RequestContext&);
Response widgets_gallery_script(RequestContext&);
Response widgets_page_css(RequestContext&);
Response embed_page(RequestContext&);
Response docs_a11y_script(RequestContext&);

}  // namespace dialogd::http::handlers
