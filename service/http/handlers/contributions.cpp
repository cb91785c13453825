// Citizen contributions: the hot write path from portals, with a receipt for every contribution and
// contact details (for feedback only) stored apart and never shown by any route.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "codec/reader.hpp"
#include "http/analysis_view.hpp"
#include "http/dialogue_view.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_io.hpp"
#include "http/problem.hpp"
#include "store/activity_repository.hpp"
#include "store/contribution_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::http::handlers {
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 6> channels{"activity", "web",   "email",
                                                   "letter",   "phone", "social"};

// A plain check of an address's shape: something@domain.tld, no spaces, sane length. Deliverability
// is the mail server's business.
bool plausible_email(std::string_view e) {
  if (e.size() < 6 || e.size() > 254 ||
      e.find_first_of(" \t\r\n<>(),;:\"[]\\") != std::string_view::npos)
    return false;
  const auto at = e.find('@');
  if (at == 0 || at == std::string_view::npos || e.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view domain = e.substr(at + 1);
  const auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && domain.size() - dot - 1 >= 2 &&
         domain.find("..") == std::string_view::npos;
}

bool language_tag(std::string_view t) {
  if (t.size() < 2 || t.size() > 35) return false;
  std::size_t letters = 0;
  for (char c : t) {
    if (c == '-') break;
    if (c < 'a' || c > 'z') return false;
    ++letters;
  }
  return letters >= 2 && letters <= 3 && std::all_of(t.begin(), t.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
         });
}

}  // namespace

Response create_contribution(RequestContext& ctx) {
  const json::object body = read_json_object(ctx);
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  codec::Reader r(body, "", errors,
                  {"text", "activity_id", "channel", "themes", "groups", "language", "contact"},
                  std::array<std::string_view, 4>{"id", "receipt", "dialogue_id", "created_at"});
  r.required("text");
  const auto text = r.text("text", 10'000);
  const auto activity_id = r.text("activity_id", 64);
  auto channel = r.choice("channel", channels);
  if (!channel && !r.has("channel") && activity_id) channel = "activity";
  if (!r.has("channel") && !activity_id) r.required("channel");
  const auto themes = r.text_list("themes", 20, 100);
  std::vector<std::string> group_keys;
  for (const auto& g : d.plan.target_groups) group_keys.push_back(g.key);
  std::vector<std::string_view> allowed(group_keys.begin(), group_keys.end());
  const auto groups = r.choice_list("groups", allowed, "target group");
  std::string language = "sv";
  if (auto l = r.text("language", 35)) {
    if (!language_tag(*l))
      errors.add("language", "invalid_value",
                 "'" + *l + "' is not a language tag such as sv or en");
    else
      language = *l;
  }
  std::optional<store::Contact> contact;
  if (const json::object* c = r.object("contact")) {
    codec::Reader cr(*c, "contact", errors, {"email", "name", "consent"});
    cr.required("email");
    const auto email = cr.text("email", 254);
    if (email && !plausible_email(*email))
      errors.add("contact.email", "invalid_value", "'" + *email + "' is not an email address");
    const auto name = cr.text("name", 200);
    const auto consent = cr.boolean("consent");
    if (consent != true)
      errors.add("contact.consent", "consent_required",
                 "contact details are kept only with consent: send \"consent\": true");
    if (email) contact = store::Contact{*email, name, ctx.services.clock.now_rfc3339()};
  }
  store::ActivityRepository activities(ctx.store());
  if (activity_id && !activities.belongs_to(*activity_id, d.id))
    errors.add("activity_id", "invalid_value",
               "'" + *activity_id + "' is not an activity of this dialogue");
  throw_if_invalid(errors);
  if (d.state != domain::State::in_dialogue)
    throw Problem(409, "dialogue-not-open", "The dialogue is not open for contributions",
                  "contributions are received while the dialogue is in_dialogue; it is " +
                      std::string(domain::to_string(d.state)));

  store::ContributionRepository contributions(ctx.store());
  store::ContributionRecord rec;
  rec.id = support::new_id();
  rec.dialogue_id = d.id;
  rec.activity_id = activity_id;
  do rec.receipt = support::new_receipt_code();
  while (contributions.receipt_taken(rec.receipt));
  rec.channel = *channel;
  rec.language = language;
  rec.themes = themes;
  json::array theme_list, group_list;
  for (const auto& t : themes) theme_list.emplace_back(t);
  for (const auto& g : groups) group_list.emplace_back(g);
  rec.document = json::serialize(json::object{{"text", *text},
                                              {"channel", rec.channel},
                                              {"themes", std::move(theme_list)},
                                              {"groups", std::move(group_list)},
                                              {"language", language}});
  rec.created_at = ctx.services.clock.now_rfc3339();
  contributions.insert(rec, contact);
  Response res = json_response(ctx, bhttp::status::created,
                               contribution_json(rec, {}, std::nullopt));  // nothing cites it yet
  res.set(bhttp::field::location, "/v1/contributions/" + rec.id);
  res.set(bhttp::field::etag, etag_for(rec.version));
  return res;
}

Response list_contributions(RequestContext& ctx) {
  const domain::Dialogue d = load_dialogue(ctx);
  codec::FieldErrors errors;
  store::ContributionFilter filter;
  if (auto t = ctx.query_param("theme"); t && !t->empty()) filter.theme = std::string(*t);
  if (auto a = ctx.query_param("activity_id"); a && !a->empty())
    filter.activity_id = std::string(*a);
  if (auto c = ctx.query_param("channel"); c && !c->empty()) {
    if (std::find(channels.begin(), channels.end(), *c) == channels.end())
      errors.add("channel", "invalid_value", "'" + std::string(*c) + "' is not a channel");
    filter.channel = std::string(*c);
  }
  const PageRequest page = read_page(ctx, errors);
  throw_if_invalid(errors);
  return page_of(
      ctx,
      store::ContributionRepository(ctx.store()).list(d.id, filter, page.after, page.limit + 1),
      page, [&](const store::ContributionRecord& c) { return contribution_json(ctx.store(), c); });
}

Response get_contribution(RequestContext& ctx) {
  auto c = store::ContributionRepository(ctx.store()).find(std::string(ctx.param("id")));
  if (!c) throw not_found("contribution '" + std::string(ctx.param("id")) + "'");
  Response res = json_response(ctx, bhttp::status::ok, contribution_json(ctx.store(), *c));
  res.set(bhttp::field::etag, etag_for(c->version));
  return res;
}

}  // namespace dialogd::http::handlers
