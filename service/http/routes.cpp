// The whole HTTP surface in one table. openapi/openapi.yaml must list exactly these (tested).
#include "http/handlers/handlers.hpp"
#include "http/router.hpp"

namespace dialogd::http {

const Router& router() {
  static const Router table = [] {
    using bhttp::verb;
    namespace h = handlers;
    Router r;
    // Pages and the contract: no store needed.
    r.add({verb::get, "/", Access::anyone, h::landing_page, false});
    r.add({verb::get, "/openapi.yaml", Access::anyone, h::openapi_yaml, false});
    r.add({verb::get, "/openapi.json", Access::anyone, h::openapi_json, false});
    r.add({verb::get, "/docs", Access::anyone, h::docs_page, false});
    r.add({verb::get, "/docs/redoc.standalone.js", Access::anyone, h::docs_renderer, false});
    r.add({verb::get, "/docs/a11y.js", Access::anyone, h::docs_a11y_script, false});
    r.add({verb::get, "/readme", Access::anyone, h::readme, false});
    r.add({verb::get, "/health", Access::anyone, h::health});
    r.add({verb::get, "/metrics", Access::operator_, h::metrics});
    // The web components and the pages around them (handlers/widgets.cpp).
    r.add({verb::get, "/widgets/v1/dialogd.js", Access::anyone, h::widgets_script, false});
    r.add({verb::get, "/widgets", Access::anyone, h::widgets_gallery, false});
    r.add({verb::get, "/widgets/gallery.js", Access::anyone, h::widgets_gallery_script, false});
    r.add({verb::get, "/widgets/page.css", Access::anyone, h::widgets_page_css, false});
    r.add({verb::get, "/embed/{widget}/{id}", Access::anyone, h::embed_page, false});

    r.add({verb::get, "/v1/ladder", Access::anyone, h::ladder_steps, false});
    r.add({verb::post, "/v1/ladder/classify", Access::anyone, h::ladder_classify, false});

    r.add({verb::post, "/v1/dialogues", Access::editor, h::create_dialogue, true, true});
    r.add({verb::get, "/v1/dialogues", Access::anyone, h::list_dialogues});
    r.add({verb::get, "/v1/dialogues/{id}", Access::anyone, h::get_dialogue});
    r.add({verb::patch, "/v1/dialogues/{id}", Access::editor, h::patch_dialogue});
    r.add({verb::delete_, "/v1/dialogues/{id}", Access::editor, h::delete_dialogue});
    r.add({verb::post, "/v1/dialogues/{id}/transitions", Access::editor, h::transition_dialogue,
           true, true});
    r.add({verb::get, "/v1/dialogues/{id}/timeline", Access::anyone, h::dialogue_timeline});
    r.add({verb::get, "/v1/dialogues/{id}/ladder", Access::anyone, h::dialogue_ladder});

    r.add({verb::post, "/v1/dialogues/{id}/activities", Access::editor, h::create_activity, true,
           true});
    r.add({verb::get, "/v1/dialogues/{id}/activities", Access::anyone, h::list_activities});
    r.add({verb::get, "/v1/activities/{id}", Access::anyone, h::get_activity});
    r.add({verb::patch, "/v1/activities/{id}", Access::editor, h::patch_activity});

    r.add({verb::post, "/v1/dialogues/{id}/contributions", Access::portal, h::create_contribution,
           true, true, true, h::prepare_contribution});
    r.add({verb::get, "/v1/dialogues/{id}/contributions", Access::editor, h::list_contributions});
    r.add({verb::get, "/v1/contributions/{id}", Access::editor, h::get_contribution});

    r.add({verb::get, "/v1/dialogues/{id}/representation", Access::anyone,
           h::dialogue_representation});
    r.add({verb::post, "/v1/dialogues/{id}/checkpoints", Access::editor, h::create_checkpoint, true,
           true});
    r.add({verb::get, "/v1/dialogues/{id}/checkpoints", Access::anyone, h::list_checkpoints});

    r.add({verb::post, "/v1/dialogues/{id}/needs", Access::editor, h::create_need, true, true});
    r.add({verb::get, "/v1/dialogues/{id}/needs", Access::anyone, h::list_needs});
    r.add({verb::get, "/v1/needs/{id}", Access::anyone, h::get_need});
    r.add({verb::patch, "/v1/needs/{id}", Access::editor, h::patch_need});
    r.add({verb::patch, "/v1/contributions/{id}", Access::editor, h::patch_contribution});

    r.add({verb::put, "/v1/dialogues/{id}/report", Access::editor, h::put_report});
    r.add({verb::get, "/v1/dialogues/{id}/report", Access::anyone, h::get_report});
    r.add({verb::put, "/v1/dialogues/{id}/answer", Access::editor, h::put_answer});
    r.add({verb::get, "/v1/dialogues/{id}/answer", Access::anyone, h::get_answer});
    r.add({verb::put, "/v1/dialogues/{id}/decision", Access::editor, h::put_decision});
    r.add({verb::get, "/v1/dialogues/{id}/decision", Access::anyone, h::get_decision});
    r.add({verb::put, "/v1/dialogues/{id}/follow-up", Access::editor, h::put_follow_up});
    r.add({verb::get, "/v1/dialogues/{id}/follow-up", Access::anyone, h::get_follow_up});

    r.add({verb::get, "/v1/dialogues/{id}/measures", Access::anyone, h::list_measures});
    r.add({verb::get, "/v1/measures/{id}", Access::anyone, h::get_measure});
    r.add({verb::post, "/v1/measures/{id}/updates", Access::editor, h::add_measure_update, true,
           true});

    r.add({verb::get, "/v1/contributions/{id}/trace", Access::editor, h::contribution_trace});
    r.add({verb::get, "/v1/receipts/{code}", Access::anyone, h::receipt});

    r.add({verb::post, "/v1/webhooks", Access::portal, h::create_webhook, true, true});
    r.add({verb::get, "/v1/webhooks", Access::portal, h::list_webhooks});
    r.add({verb::delete_, "/v1/webhooks/{id}", Access::portal, h::delete_webhook});
    r.add({verb::get, "/v1/dialogues/{id}/feedback", Access::editor, h::dialogue_feedback});
    r.add({verb::get, "/v1/dialogues/{id}/feedback/public", Access::anyone, h::public_feedback});
    // Portals show their organisation which dialogues owe feedback (titles and counts only).
    r.add({verb::get, "/v1/feedback/overdue", Access::portal, h::feedback_overdue});
    r.add({verb::delete_, "/v1/contacts", Access::admin, h::erase_contacts});
    r.add({verb::post, "/v1/organisations", Access::operator_, h::create_organisation, true, true});
    r.add({verb::get, "/v1/organisations", Access::operator_, h::list_organisations});
    r.add({verb::get, "/v1/organisations/{id}", Access::operator_, h::get_organisation});
    r.add({verb::patch, "/v1/organisations/{id}", Access::operator_, h::patch_organisation});
    r.add({verb::get, "/v1/audit", Access::admin, h::audit_log});
    r.add({verb::post, "/v1/dialogues/{id}/sources", Access::editor, h::create_source, true, true});
    r.add({verb::get, "/v1/dialogues/{id}/sources", Access::editor, h::list_sources});
    r.add({verb::post, "/v1/dialogues/{id}/sources/{sid}/sync", Access::editor, h::sync_source,
           true, false, false, nullptr, true});
    r.add({verb::get, "/v1/dialogues/{id}/exports/decidim/results.csv", Access::editor,
           h::export_decidim_results});
    r.add({verb::get, "/v1/dialogues/{id}/exports/decidim/proposal-answers.json", Access::editor,
           h::export_decidim_answers});
    r.add({verb::get, "/oembed", Access::anyone, h::oembed});
    r.add({verb::get, "/feeds/organisations/{org_id}/dialogues.atom", Access::anyone,
           h::organisation_feed});
    r.add({verb::get, "/feeds/dialogues/{id}.atom", Access::anyone, h::dialogue_feed});
    r.add({verb::get, "/open-data/organisations/{org_id}/catalog.jsonld", Access::anyone,
           h::open_data_catalog});
    r.add({verb::get, "/open-data/organisations/{org_id}/{resource}.json", Access::anyone,
           h::open_data});
    r.add({verb::get, "/open-data/organisations/{org_id}/{resource}.csv", Access::anyone,
           h::open_data});
    r.add({verb::get, "/d/{id}", Access::anyone, h::public_page});
    r.add({verb::post, "/v1/bodies", Access::admin, h::create_body, true, true});
    r.add({verb::get, "/v1/bodies", Access::editor, h::list_bodies});
    r.add({verb::get, "/v1/bodies/{id}", Access::editor, h::get_body});
    r.add({verb::patch, "/v1/bodies/{id}", Access::admin, h::patch_body});
    r.add({verb::get, "/v1/bodies/{id}/plans", Access::editor, h::list_body_plans});
    r.add({verb::put, "/v1/bodies/{id}/plans/{year}", Access::editor, h::put_body_plan});
    r.add({verb::get, "/v1/bodies/{id}/plans/{year}", Access::editor, h::get_body_plan});
    return r;
  }();
  return table;
}

}  // namespace dialogd::http
