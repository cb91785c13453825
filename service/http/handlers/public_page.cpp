// GET /d/{id}: a dialogue's public documentation in one uniform design, server-rendered in Swedish
// (English with ?lang=en or Accept-Language: en), printable as a clean document. Only public data:
// it is gathered as an anonymous reader and passed through the CMS adapter's to_public, so internal
// documentation has no field to appear in.
#include "app/dialogues.hpp"
#include "cms/mapping.hpp"
#include "cms/oembed.hpp"
#include "cms/publication.hpp"
#include "http/app_bridge.hpp"
#include "http/handlers/handlers.hpp"
#include "support/html.hpp"

namespace dialogd::http::handlers {

namespace {

using support::html_escape;

struct Words {
  const char *lang, *plan, *purpose, *areas, *groups, *ladder, *activities, *needs, *report,
      *decision, *measures, *feedback, *none, *participants, *status, *progress, *feed, *state,
      *expected, *other_language, *other_href;
};
constexpr Words sv{"sv",
                   "Plan",
                   "Syfte",
                   "Frågeområden",
                   "Målgrupper",
                   "Delaktighetstrappan",
                   "Aktiviteter",
                   "Behov",
                   "Rapport",
                   "Beslut",
                   "Åtgärder",
                   "Återkoppling",
                   "Inget ännu.",
                   "deltagare",
                   "Status",
                   "Genomfört",
                   "Följ dialogen (Atom)",
                   "Läge",
                   "förväntad andel",
                   "In English",
                   "?lang=en"};
constexpr Words en{"en",
                   "Plan",
                   "Purpose",
                   "Question areas",
                   "Target groups",
                   "Participation ladder",
                   "Activities",
                   "Needs",
                   "Report",
                   "Decision",
                   "Measures",
                   "Feedback",
                   "Nothing yet.",
                   "participants",
                   "Status",
                   "Progress",
                   "Follow the dialogue (Atom)",
                   "State",
                   "expected share",
                   "På svenska",
                   "?lang=sv"};

// Swedish unless ?lang=en, or the browser prefers English.
bool english(const RequestContext& ctx) {
  if (auto l = ctx.query_param("lang")) return *l == "en";
  const auto it = ctx.req.find(bhttp::field::accept_language);
  if (it == ctx.req.end()) return false;
  const std::string_view v = it->value();
  const auto en = v.find("en"), sv = v.find("sv");
  return en != std::string_view::npos && (sv == std::string_view::npos || en < sv);
}

std::string section(const char* title, const std::string& body, const Words& w) {
  return "<section><h2>" + std::string(title) + "</h2>" +
         (body.empty() ? "<p>" + std::string(w.none) + "</p>" : body) + "</section>";
}

}  // namespace

Response public_page(RequestContext& ctx) {
  app::Context app = app_context(ctx);
  app.actor = app::Actor::anonymous();
  const bool in_english = english(ctx);
  const Words& w = in_english ? en : sv;
  const std::string id(ctx.param("id"));
  const auto h = unwrap(cms::history(app, id));
  const auto& d = h.dialogue;
  const std::vector<cms::PublicDialogue> one{d};
  const std::string base = ctx.services.config.public_url;
  const auto ladder =
      app::dialogue_ladder(app, id, in_english ? domain::Language::en : domain::Language::sv);

  std::string plan = "<dl>";
  if (d.purpose)
    plan += "<dt>" + std::string(w.purpose) + "</dt><dd>" + html_escape(*d.purpose) + "</dd>";
  if (!d.question_areas.empty()) {
    plan += "<dt>" + std::string(w.areas) + "</dt><dd><ul>";
    for (const auto& a : d.question_areas) plan += "<li>" + html_escape(a) + "</li>";
    plan += "</ul></dd>";
  }
  if (!d.target_groups.empty()) {
    plan += "<dt>" + std::string(w.groups) + "</dt><dd><ul>";
    for (const auto& g : d.target_groups) {
      plan += "<li>" + html_escape(g.label);
      if (g.expected_share)
        plan += " (" + std::string(w.expected) + " " +
                std::to_string(static_cast<int>(*g.expected_share * 100 + 0.5)) + " %)";
      plan += "</li>";
    }
    plan += "</ul></dd>";
  }
  if (ladder) {
    // The step the design reaches, and what the citizen's input can change there.
    const auto& step = domain::step(ladder->classification.level);
    const auto name = in_english ? step.name.en : step.name.sv;
    const auto promise = in_english ? step.promise.en : step.promise.sv;
    plan += "<dt>" + std::string(w.ladder) + "</dt><dd>" + std::to_string(step.level) + " – " +
            html_escape(name) + ". " + html_escape(promise) + "</dd>";
  }
  plan += "</dl>";

  std::string activities;
  for (const auto& a : cms::activities(app, one)) {
    activities += "<li><strong>" + html_escape(a.title) + "</strong>, " + html_escape(a.date);
    if (a.participants) activities += ", " + std::to_string(*a.participants) + " " + w.participants;
    if (a.documentation) activities += "<p>" + html_escape(*a.documentation) + "</p>";
    activities += "</li>";
  }
  if (!activities.empty()) activities = "<ul>" + activities + "</ul>";

  std::string needs;
  for (const auto& n : cms::needs(app, one)) {
    needs += "<li><strong>" + html_escape(n.title) + "</strong>";
    if (n.description) needs += "<p>" + html_escape(*n.description) + "</p>";
    needs += "</li>";
  }
  if (!needs.empty()) needs = "<ul>" + needs + "</ul>";

  std::string report, decision;
  for (const auto& doc : h.documents) {
    std::string text = "<p>" + html_escape(doc.title.value_or("")) + (doc.title ? ". " : "") +
                       html_escape(doc.summary) + "</p>";
    if (doc.url)
      text += "<p><a href=\"" + html_escape(*doc.url) + "\">" + html_escape(*doc.url) + "</a></p>";
    if (doc.kind == cms::StageKind::report) report += text;
    if (doc.kind == cms::StageKind::decision || doc.kind == cms::StageKind::follow_up)
      decision += text;
  }

  std::string measures;
  for (const auto& m : cms::measures(app, one))
    measures += "<tr><td>" + html_escape(m.title) + "</td><td>" + html_escape(m.decision) +
                "</td><td>" + html_escape(m.status.value_or("–")) + "</td><td>" +
                (m.progress ? std::to_string(*m.progress) + " %" : std::string("–")) + "</td></tr>";
  if (!measures.empty())
    measures = "<table><thead><tr><th scope=\"col\">" + std::string(w.measures) +
               "</th><th scope=\"col\">" + w.decision + "</th><th scope=\"col\">" + w.status +
               "</th><th scope=\"col\">" + w.progress + "</th></tr></thead><tbody>" + measures +
               "</tbody></table>";

  std::string feedback;
  for (const auto& f : h.feedback) {
    const std::string& text = in_english && f.text_en ? *f.text_en : f.text_sv;
    feedback += "<li><strong>" + html_escape(cms::moment_label(f.moment, in_english)) + ", " +
                html_escape(f.date) + "</strong><p>" + html_escape(text) + "</p></li>";
  }
  if (!feedback.empty()) feedback = "<ul>" + feedback + "</ul>";

  const std::string page_url = cms::public_page_url(base, id);
  std::string html =
      "<!doctype html><html lang=\"" + std::string(w.lang) +
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\"><title>" +
      html_escape(d.title) +
      " – dialogd</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" "
      "href=\"/widgets/page.css\">" +
      cms::oembed::discovery_link(base, page_url, d.title) +
      "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" +
      html_escape(base + "/feeds/dialogues/" + id + ".atom") + "\" title=\"" +
      html_escape(d.title) + "\"></head><body class=\"public\"><header><h1>" +
      html_escape(d.title) + "</h1><p>" + w.state + ": <span class=\"state\">" +
      html_escape(cms::state_label(d.state, in_english)) + "</span></p>";
  if (d.body) html += "<p>" + html_escape(*d.body) + "</p>";
  html += "<nav aria-label=\"dialogd\"><a href=\"" + std::string(w.other_href) + "\" lang=\"" +
          (in_english ? "sv" : "en") + "\">" + w.other_language +
          "</a><a href=\"/feeds/dialogues/" + html_escape(id) + ".atom" +
          (in_english ? "?lang=en" : "") + "\">" + w.feed + "</a></nav></header><main>" +
          section(w.plan, plan, w) + section(w.activities, activities, w) +
          section(w.needs, needs, w) + section(w.report, report, w) +
          section(w.decision, decision, w) + section(w.measures, measures, w) +
          section(w.feedback, feedback, w) + "</main></body></html>";
  Response res{bhttp::status::ok, ctx.req.version()};
  res.set(bhttp::field::content_type, "text/html; charset=utf-8");
  res.set("Content-Security-Policy",
          "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors *");
  res.set(bhttp::field::content_language, w.lang);
  res.set(bhttp::field::vary, "Accept-Language");
  res.body() = std::move(html);
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

}  // namespace dialogd::http::handlers
