#include "codec/plan_json.hpp"

#include <algorithm>

#include "codec/reader.hpp"

namespace dialogd::codec {
namespace {

template <std::size_t N>
std::string_view key_of(const std::array<std::string_view, N>& keys, auto e) {
  return keys[static_cast<std::size_t>(e)];
}

template <typename E, std::size_t N>
std::optional<E> enum_of(const std::array<std::string_view, N>& keys,
                         const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  const auto it = std::find(keys.begin(), keys.end(), *s);
  return static_cast<E>(it - keys.begin());
}

json::value opt(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  a.reserve(v.size());
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

}  // namespace

bool valid_group_key(std::string_view key) {
  return !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

json::object to_json(const domain::Design& d) {
  using namespace domain;
  json::object o;
  if (d.influenceable) o["influenceable"] = *d.influenceable;
  if (d.direction) o["direction"] = key_of(direction_keys, *d.direction);
  if (d.input_format) o["input_format"] = key_of(input_format_keys, *d.input_format);
  if (d.deliberation) o["deliberation"] = *d.deliberation;
  if (d.duration) o["duration"] = key_of(duration_keys, *d.duration);
  if (d.decision_power) o["decision_power"] = key_of(decision_power_keys, *d.decision_power);
  if (d.feedback_commitment) o["feedback_commitment"] = *d.feedback_commitment;
  if (d.delegation_reference) o["delegation_reference"] = *d.delegation_reference;
  return o;
}

json::array target_groups_json(const std::vector<domain::TargetGroup>& groups) {
  json::array out;
  for (const auto& g : groups) {
    json::object go{{"key", g.key}, {"label", g.label}};
    go["expected_share"] = g.expected_share ? json::value(*g.expected_share) : json::value(nullptr);
    out.emplace_back(std::move(go));
  }
  return out;
}

std::vector<domain::TargetGroup> read_target_groups(Reader& r, std::string_view key,
                                                    FieldErrors& errors) {
  std::vector<domain::TargetGroup> out;
  r.object_list(key, [&](const json::object& go, const std::string& path) {
    Reader g(go, path, errors, {"key", "label", "expected_share"});
    g.required("key");
    g.required("label");
    domain::TargetGroup tg;
    if (auto k = g.text("key", 64)) {
      if (!valid_group_key(*k))
        errors.add(g.path("key"), "invalid_value",
                   "'" + *k + "' must use a-z, 0-9, '_' or '-' only");
      else if (std::any_of(out.begin(), out.end(), [&](auto& t) { return t.key == *k; }))
        errors.add(g.path("key"), "duplicate", "target group '" + *k + "' is listed twice");
      else
        tg.key = *k;
    }
    tg.label = g.text("label", 200).value_or("");
    tg.expected_share = g.number("expected_share", 0.0, 1.0);
    if (!tg.key.empty()) out.push_back(std::move(tg));
  });
  return out;
}

json::object to_json(const domain::Plan& p) {
  json::object o;
  o["title"] = p.title;
  o["body"] = opt(p.body);
  o["case_number"] = opt(p.case_number);
  o["informs_decision"] = opt(p.informs_decision);
  o["question_areas"] = strings(p.question_areas);
  o["purpose"] = opt(p.purpose);
  o["target_groups"] = target_groups_json(p.target_groups);
  o["target_groups_exclusive"] = p.target_groups_exclusive;
  o["methods"] = strings(p.methods);
  o["declared_level"] = p.declared_level ? json::value(*p.declared_level) : json::value(nullptr);
  if (p.feedback_plan) {
    const auto& f = *p.feedback_plan;
    o["feedback_plan"] = json::object{{"channels", strings(f.channels)},
                                      {"promise", opt(f.promise)},
                                      {"days_after_report", f.days_after_report},
                                      {"days_after_decision", f.days_after_decision}};
  } else {
    o["feedback_plan"] = nullptr;
  }
  if (p.period) {
    json::object po;
    po["start"] =
        p.period->start ? json::value(p.period->start->to_string()) : json::value(nullptr);
    po["end"] = p.period->end ? json::value(p.period->end->to_string()) : json::value(nullptr);
    o["period"] = std::move(po);
  } else {
    o["period"] = nullptr;
  }
  o["design"] = p.design ? json::value(to_json(*p.design)) : json::value(nullptr);
  o["representation_threshold"] = p.representation_threshold;
  return o;
}

domain::Design read_design(const json::object& obj, const std::string& path, FieldErrors& errors) {
  using namespace domain;
  Reader r(obj, path, errors,
           {"influenceable", "direction", "input_format", "deliberation", "duration",
            "decision_power", "feedback_commitment", "delegation_reference"});
  Design d;
  d.influenceable = r.boolean("influenceable");
  d.direction = enum_of<Direction>(direction_keys, r.choice("direction", direction_keys));
  d.input_format =
      enum_of<InputFormat>(input_format_keys, r.choice("input_format", input_format_keys));
  d.deliberation = r.boolean("deliberation");
  d.duration = enum_of<Duration>(duration_keys, r.choice("duration", duration_keys));
  d.decision_power =
      enum_of<DecisionPower>(decision_power_keys, r.choice("decision_power", decision_power_keys));
  d.feedback_commitment = r.boolean("feedback_commitment");
  d.delegation_reference = r.text("delegation_reference", 200);
  return d;
}

domain::Plan read_plan(const json::object& obj, FieldErrors& errors) {
  using namespace domain;
  Reader r(obj, "", errors,
           {"title", "body", "case_number", "informs_decision", "question_areas", "purpose",
            "target_groups", "target_groups_exclusive", "methods", "declared_level",
            "feedback_plan", "period", "design", "representation_threshold"},
           dialogue_read_only);
  Plan p;
  r.required("title");
  p.title = r.text("title", 300).value_or("");
  p.body = r.text("body", 300);
  p.case_number = r.text("case_number", 50);
  p.informs_decision = r.text("informs_decision", 2000);
  p.question_areas = r.text_list("question_areas", 50, 500);
  p.purpose = r.text("purpose", 5000);
  p.target_groups = read_target_groups(r, "target_groups", errors);
  p.target_groups_exclusive = r.boolean("target_groups_exclusive").value_or(false);
  p.methods = r.choice_list("methods", method_keys, "method");
  if (auto level = r.integer("declared_level", 1, 5)) p.declared_level = static_cast<int>(*level);
  if (const json::object* fo = r.object("feedback_plan")) {
    Reader f(*fo, "feedback_plan", errors,
             {"channels", "promise", "days_after_report", "days_after_decision"});
    FeedbackPlan fp;
    fp.channels = f.choice_list("channels", feedback_channel_keys, "channel");
    fp.promise = f.text("promise", 2000);
    fp.days_after_report =
        static_cast<int>(f.integer("days_after_report", 0, 365).value_or(default_feedback_days));
    fp.days_after_decision =
        static_cast<int>(f.integer("days_after_decision", 0, 365).value_or(default_feedback_days));
    p.feedback_plan = std::move(fp);
  }
  if (const json::object* po = r.object("period")) {
    Reader pr(*po, "period", errors, {"start", "end"});
    Period period{pr.date("start"), pr.date("end")};
    if (period.start && period.end && *period.end < *period.start)
      errors.add(
          "period.end", "out_of_range",
          "end " + period.end->to_string() + " is before start " + period.start->to_string());
    p.period = period;
  }
  if (const json::object* d = r.object("design")) p.design = read_design(*d, "design", errors);
  if (auto t = r.number("representation_threshold", 0.0, 1.0)) {
    if (*t <= 0.0)
      errors.add("representation_threshold", "out_of_range", "the threshold must be above 0");
    else
      p.representation_threshold = *t;
  }
  return p;
}

void merge_patch(json::value& target, const json::value& patch) {
  if (!patch.is_object()) {
    target = patch;
    return;
  }
  if (!target.is_object()) target = json::object{};
  auto& t = target.get_object();
  for (const auto& member : patch.get_object()) {
    if (member.value().is_null())
      t.erase(member.key());
    else
      merge_patch(t[member.key()], member.value());
  }
}

}  // namespace dialogd::codec
