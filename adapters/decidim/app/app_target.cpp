#include "decidim_app/app_target.hpp"

#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "app/activities.hpp"
#include "app/contributions.hpp"
#include "decidim/html_to_text.hpp"

namespace dialogd::decidim_app {
namespace json = boost::json;
using decidim::SyncAction;

namespace {

// Contributions hold at most 10,000 bytes (as the API accepts); cut on a UTF-8 boundary.
std::string capped(std::string text) {
  return decidim::cut_utf8(std::move(text), 10'000);
}

template <typename T>
T take(app::Result<T> r) {
  if (!r) throw std::runtime_error(describe(r.failure()));
  return std::move(r).value();
}

std::optional<std::string> non_blank(const std::string& s) {
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  return s;
}

app::ActivityInput activity_input(const decidim::ImportedActivity& a) {
  app::ActivityInput in;
  in.method = "open_meeting";  // a Decidim meeting is open to anyone who signs up or turns up
  in.held_on = a.date;
  in.place = non_blank(a.place);
  in.municipality = non_blank(a.municipality);
  if (a.participants) in.participants_total = *a.participants;
  in.documentation_public = non_blank(a.public_documentation);
  in.source =
      app::ExternalRef{"decidim", a.external_id, a.external_url, a.title, a.format, std::nullopt};
  return in;
}

app::ExternalRef contribution_ref(const decidim::ImportedContribution& c) {
  return {"decidim",
          c.external_id,
          c.external_url,
          std::nullopt,
          std::nullopt,
          c.created_at.empty() ? std::nullopt : std::optional<std::string>(c.created_at)};
}

}  // namespace

std::string describe(const app::Failure& f) {
  std::string out = f.slug + ": " + (f.detail.empty() ? f.title : f.detail);
  for (const auto& e : f.errors) out += "; " + e.field + ": " + e.message;
  return out;
}

std::map<std::string, std::string> AppSyncTarget::known_items() {
  return app::imported_hashes(ctx_, source_);
}

void AppSyncTarget::begin_page() {
  ctx_.db.begin_write();
}
void AppSyncTarget::commit_page() {
  ctx_.db.commit();
}
void AppSyncTarget::rollback_page() {
  ctx_.db.rollback();
}

void AppSyncTarget::upsert_activity(const decidim::ImportedActivity& a, SyncAction action) {
  std::string local_id;
  const auto known = action == SyncAction::update ? app::source_item(ctx_, source_, a.external_id)
                                                  : std::optional<app::SourceItem>{};
  if (known) {
    const auto in = activity_input(a);
    local_id = take(app::edit_activity(ctx_, known->local_id, app::Precondition::none(), false,
                                       [&](const app::Activity&) { return in; }))
                   .id;
  } else {
    local_id = take(app::add_activity(ctx_, source_.dialogue_id, activity_input(a))).id;
  }
  app::remember_item(ctx_, source_,
                     {a.external_id, "activity", a.component_id, local_id, a.content_hash, {}});
}

void AppSyncTarget::upsert_contribution(const decidim::ImportedContribution& c, SyncAction action) {
  std::string local_id;
  const auto known = action == SyncAction::update ? app::source_item(ctx_, source_, c.external_id)
                                                  : std::optional<app::SourceItem>{};
  if (known) {
    local_id = take(app::revise_imported_contribution(ctx_, known->local_id, capped(c.text),
                                                      contribution_ref(c)))
                   .record.id;
  } else {
    app::ContributionInput in;
    in.dialogue_id = source_.dialogue_id;
    in.text = capped(c.text);
    in.channel = c.channel;
    if (!c.language.empty()) in.language = c.language;
    in.source = contribution_ref(c);
    local_id = take(app::submit_contribution(ctx_, std::move(in))).record.id;
  }
  app::remember_item(ctx_, source_,
                     {c.external_id, "contribution", c.component_id, local_id, c.content_hash, {}});
}

void AppSyncTarget::record_outcome(const decidim::SyncOutcome& outcome) {
  outcome_ = outcome;
}

void AppSyncTarget::record_process(const decidim::DecidimProcess& p) {
  json::array steps, components;
  for (const auto& s : p.steps)
    steps.push_back(json::object{
        {"id", s.id},
        {"title", s.title},
        {"start_date", s.start_date ? json::value(*s.start_date) : json::value(nullptr)},
        {"end_date", s.end_date ? json::value(*s.end_date) : json::value(nullptr)},
        {"active", s.active}});
  for (const auto& c : p.components)
    components.push_back(json::object{{"id", c.id}, {"type", c.type}, {"name", c.name}});
  process_json_ = json::serialize(json::object{
      {"id", p.id},
      {"slug", p.slug},
      {"title", json::object{{"sv", p.title.sv}, {"en", p.title.en}}},
      {"description", json::object{{"sv", p.description.sv}, {"en", p.description.en}}},
      {"steps", std::move(steps)},
      {"components", std::move(components)}});
}

}  // namespace dialogd::decidim_app
