#include "app/contributions.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/dialogues.hpp"
#include "domain/contribution_rules.hpp"
#include "domain/measure.hpp"
#include "store/activity_repository.hpp"
#include "store/dialogue_repository.hpp"
#include "store/need_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::app {
namespace json = boost::json;

namespace {

Failure not_open(const domain::Dialogue& d) {
  return conflict("dialogue-not-open", "The dialogue is not open for contributions",
                  "contributions are received while the dialogue is in_dialogue; it is " +
                      std::string(domain::to_string(d.state)));
}

}  // namespace

Result<PreparedContribution> prepare_contribution(Context& ctx, ContributionInput in) {
  auto found = find_dialogue(ctx, in.dialogue_id);
  if (!found) return found.failure();
  const domain::Dialogue& d = found.value();
  codec::FieldErrors errors = in.read_errors;
  std::vector<std::string> groups;
  for (std::size_t i = 0; i < in.groups.size(); ++i) {
    const auto& key = in.groups[i];
    const bool known = std::any_of(d.plan.target_groups.begin(), d.plan.target_groups.end(),
                                   [&](const domain::TargetGroup& g) { return g.key == key; });
    if (!known)
      errors.add(codec::path_index("groups", i), "invalid_value",
                 "unknown target group \"" + key + "\"");
    else if (std::find(groups.begin(), groups.end(), key) != groups.end())
      errors.add(codec::path_index("groups", i), "duplicate", "\"" + key + "\" is listed twice");
    else
      groups.push_back(key);
  }
  if (in.language && !domain::language_tag(*in.language))
    errors.add("language", "invalid_value",
               "'" + *in.language + "' is not a language tag such as sv or en");
  if (in.channel &&
      std::find(domain::contribution_channels.begin(), domain::contribution_channels.end(),
                *in.channel) == domain::contribution_channels.end())
    errors.add("channel", "invalid_value", "unknown channel \"" + *in.channel + "\"");
  PreparedContribution p;
  if (in.contact) {
    if (!in.contact->email.empty() && !domain::plausible_email(in.contact->email))
      errors.add("contact.email", "invalid_value",
                 "'" + in.contact->email + "' is not an email address");
    if (!domain::consent_given(in.contact->consent))
      errors.add("contact.consent", "consent_required", std::string(domain::consent_message));
    if (!in.contact->email.empty())
      p.contact = store::Contact{in.contact->email, in.contact->name, ctx.clock.now_rfc3339()};
  }
  if (in.activity_id && !store::ActivityRepository(ctx.db).belongs_to(*in.activity_id, d.id))
    errors.add("activity_id", "invalid_value",
               "'" + *in.activity_id + "' is not an activity of this dialogue");
  if (!errors.empty()) return invalid(errors);
  if (!domain::accepts_contributions(d.state)) return not_open(d);

  Contribution& rec = p.record;
  rec.id = support::new_id();
  rec.dialogue_id = d.id;
  rec.activity_id = in.activity_id;
  rec.receipt = support::new_receipt_code();  // drawn here, checked where it is written
  rec.channel = in.channel ? *in.channel : "activity";
  rec.language = in.language.value_or("sv");
  rec.themes = in.themes;
  rec.groups = groups;
  json::array theme_list, group_list;
  for (const auto& t : in.themes) theme_list.emplace_back(t);
  for (const auto& g : groups) group_list.emplace_back(g);
  json::object doc{{"text", in.text},
                   {"channel", rec.channel},
                   {"themes", std::move(theme_list)},
                   {"groups", std::move(group_list)},
                   {"language", rec.language}};
  if (in.source) doc["source"] = in.source->to_json();
  rec.document = json::serialize(doc);
  rec.created_at = ctx.clock.now_rfc3339();
  p.dialogue_version = d.version;
  p.input = std::move(in);
  return p;
}

namespace {

ContributionView write_contribution(Context& ctx, PreparedContribution& p, bool count_at_commit) {
  store::ContributionRepository contributions(ctx.db);
  // Unique where it is written: a code taken already (by now; 60 random bits) is drawn again.
  Contribution& rec = p.record;
  while (!contributions.insert(rec, p.contact, count_at_commit))
    rec.receipt = support::new_receipt_code();
  return ContributionView{std::move(rec), {}, std::nullopt};  // nothing cites it yet
}

}  // namespace

Result<ContributionView> store_contribution(Context& ctx, PreparedContribution p) {
  if (store::DialogueRepository(ctx.db).version_of(p.record.dialogue_id) != p.dialogue_version) {
    auto again = prepare_contribution(ctx, std::move(p.input));
    if (!again) return again.failure();
    p = std::move(again).value();
  }
  // Nothing is refused after this point, so nothing undoes the insert before the commit: the
  // dialogue's count can wait for the end of the transaction (the group's, on PostgreSQL).
  return write_contribution(ctx, p, true);
}

Result<ContributionView> submit_contribution(Context& ctx, ContributionInput in) {
  auto prepared = prepare_contribution(ctx, std::move(in));
  if (!prepared) return prepared.failure();
  PreparedContribution p = std::move(prepared).value();
  return write_contribution(ctx, p, false);
}

Result<ContributionView> revise_imported_contribution(Context& ctx, const std::string& id,
                                                      const std::string& text,
                                                      const ExternalRef& source) {
  auto c = store::ContributionRepository(ctx.db).find(id);
  if (!c) return not_found("contribution '" + id + "'");
  auto d = find_dialogue(ctx, c->dialogue_id);
  if (!d) return not_found("contribution '" + id + "'");
  json::object doc = json::parse(c->document).as_object();
  if (!doc.contains("source"))
    return conflict("not-imported", "The contribution was not imported",
                    "only contributions imported from a participation platform are revised by it");
  if (!domain::accepts_contributions(d->state)) return not_open(*d);
  doc["text"] = text;
  doc["source"] = source.to_json();
  c->document = json::serialize(doc);
  store::ContributionRepository(ctx.db).revise_document(c->id, c->document);
  ++c->version;
  return view_of(ctx, std::move(*c));
}

ContributionView view_of(Context& ctx, Contribution c) {
  ContributionView v;
  v.need_ids = store::NeedRepository(ctx.db).citing_ids(c.id);
  const auto recorded = store::ContributionRepository(ctx.db).disposition(c.id);
  if (!v.need_ids.empty())
    v.disposition =
        Disposition{"need", recorded && recorded->value == "need" ? recorded->reason
                                                                  : std::optional<std::string>{}};
  else if (recorded && recorded->value != "need")
    v.disposition = Disposition{recorded->value, recorded->reason};
  v.record = std::move(c);
  return v;
}

Result<ContributionView> find_contribution(Context& ctx, const std::string& id) {
  auto c = store::ContributionRepository(ctx.db).find(id);
  if (!c || !find_dialogue(ctx, c->dialogue_id)) return not_found("contribution '" + id + "'");
  return view_of(ctx, std::move(*c));
}

Result<std::vector<ContributionView>> list_contributions(Context& ctx,
                                                         const std::string& dialogue_id,
                                                         const ContributionFilter& filter,
                                                         const Page& page) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  std::vector<ContributionView> out;
  for (auto& c :
       store::ContributionRepository(ctx.db).list(d->id, filter, page.after, page.fetch()))
    out.push_back(view_of(ctx, std::move(c)));
  return out;
}

Result<ContributionCounts> count_contributions(Context& ctx, const std::string& dialogue_id) {
  auto d = find_dialogue(ctx, dialogue_id);
  if (!d) return d.failure();
  store::ContributionRepository repo(ctx.db);
  return ContributionCounts{repo.counts_by_channel(d->id), repo.counts_by_theme(d->id),
                            repo.counts_by_group(d->id)};
}

Result<ContributionView> record_disposition(Context& ctx, const Precondition& pre,
                                            DispositionInput in) {
  store::ContributionRepository contributions(ctx.db);
  auto c = contributions.find(in.contribution_id);
  if (!c || !find_dialogue(ctx, c->dialogue_id))
    return not_found("contribution '" + in.contribution_id + "'");
  if (auto f = check(pre, c->version)) return *f;
  codec::FieldErrors& errors = in.read_errors;
  const bool cited = !store::NeedRepository(ctx.db).citing_ids(c->id).empty();
  if (in.value && domain::disposition_needs_reason(*in.value) && !in.reason)
    errors.add(
        "reason", "required",
        "say why the contribution went no further: a reason is required for '" + *in.value + "'");
  if (in.value == "need" && !cited)
    errors.add("disposition", "invalid_value",
               "'need' is set by citing the contribution in a need; no need cites it");
  if (!errors.empty()) return invalid(errors);
  const auto d = store::DialogueRepository(ctx.db).find(c->dialogue_id);
  if (d->state != domain::State::analysing)
    return wrong_state("contributions are disposed of while the dialogue is analysing; it is " +
                       std::string(domain::to_string(d->state)));
  contributions.set_disposition(c->id, {*in.value, in.reason}, ctx.clock.now_rfc3339());
  contributions.bump_version(c->id);
  c->version += 1;
  return view_of(ctx, std::move(*c));
}

}  // namespace dialogd::app
