#include "codec/body_json.hpp"

#include "codec/plan_json.hpp"
#include "codec/reader.hpp"
#include "domain/ladder.hpp"

namespace dialogd::codec {
namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 5> read_only{"id", "organisation_id", "version",
                                                    "created_at", "updated_at"};

json::value opt(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

bool plausible_url(std::string_view u) {
  return (u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0) && u.size() > 10 &&
         u.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

bool language_code(std::string_view t) {
  return t.size() >= 2 && t.size() <= 3 &&
         std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

json::object organisation_document(const domain::Organisation& o) {
  return {{"name", o.name}, {"name_en", opt(o.name_en)}, {"kind", o.kind}, {"url", opt(o.url)}};
}

void read_organisation(const json::object& obj, domain::Organisation& o, FieldErrors& errors) {
  Reader r(obj, "", errors, {"name", "name_en", "kind", "url"}, read_only);
  r.required("name");
  o.name = r.text("name", 200).value_or("");
  o.name_en = r.text("name_en", 200);
  o.kind = r.choice("kind", domain::organisation_kind_keys).value_or("other");
  o.url = r.text("url", 2000);
  if (o.url && !plausible_url(*o.url))
    errors.add("url", "invalid_value", "'" + *o.url + "' is not an http(s) address");
}

json::object body_document(const domain::Body& b) {
  const auto& p = b.principles;
  return {{"name", b.name},
          {"name_en", opt(b.name_en)},
          {"kind", b.kind},
          {"principles", json::object{{"ladder_min", p.ladder_min},
                                      {"ladder_max", p.ladder_max},
                                      {"feedback_days", p.feedback_days},
                                      {"target_groups", target_groups_json(p.target_groups)},
                                      {"languages", strings(p.languages)}}}};
}

void read_body(const json::object& obj, domain::Body& b, FieldErrors& errors) {
  Reader r(obj, "", errors, {"name", "name_en", "kind", "principles"}, read_only);
  r.required("name");
  r.required("kind");
  b.name = r.text("name", 300).value_or("");
  b.name_en = r.text("name_en", 300);
  b.kind = r.choice("kind", domain::body_kind_keys).value_or("");
  domain::BodyPrinciples p;
  if (const json::object* po = r.object("principles")) {
    Reader pr(*po, "principles", errors,
              {"ladder_min", "ladder_max", "feedback_days", "target_groups", "languages"});
    p.ladder_min = static_cast<int>(pr.integer("ladder_min", 1, 5).value_or(1));
    p.ladder_max = static_cast<int>(pr.integer("ladder_max", 1, 5).value_or(5));
    if (p.ladder_min > p.ladder_max)
      errors.add("principles.ladder_min", "out_of_range",
                 "the lowest step " + std::to_string(p.ladder_min) + " is above the highest " +
                     std::to_string(p.ladder_max));
    p.feedback_days = static_cast<int>(
        pr.integer("feedback_days", 1, 365).value_or(domain::default_feedback_days));
    p.target_groups = read_target_groups(pr, "target_groups", errors);
    p.languages = pr.text_list("languages", 20, 3);
    for (std::size_t i = 0; i < p.languages.size(); ++i)
      if (!language_code(p.languages[i]))
        errors.add(path_index("principles.languages", i), "invalid_value",
                   "'" + p.languages[i] + "' is not a language code such as sv, en, fi or se");
  }
  b.principles = std::move(p);
}

json::object plan_document(const domain::ImplementationPlan& p) {
  json::array items;
  for (const auto& i : p.items)
    items.push_back(json::object{{"key", i.key},
                                 {"title", i.title},
                                 {"question_area", i.question_area},
                                 {"quarter", i.quarter},
                                 {"methods", strings(i.methods)}});
  return {{"year", p.year},
          {"question_areas", strings(p.question_areas)},
          {"purpose", opt(p.purpose)},
          {"target_groups", target_groups_json(p.target_groups)},
          {"items", std::move(items)}};
}

domain::ImplementationPlan read_implementation_plan(const json::object& obj, FieldErrors& errors) {
  domain::ImplementationPlan p;
  Reader r(
      obj, "", errors, {"question_areas", "purpose", "target_groups", "items"},
      std::array<std::string_view, 5>{"year", "body_id", "version", "created_at", "updated_at"});
  p.question_areas = r.text_list("question_areas", 50, 500);
  p.purpose = r.text("purpose", 5000);
  p.target_groups = read_target_groups(r, "target_groups", errors);
  r.object_list("items", [&](const json::object& io, const std::string& path) {
    Reader ir(io, path, errors, {"key", "title", "question_area", "quarter", "methods"});
    ir.required("key");
    ir.required("title");
    ir.required("quarter");
    domain::PlannedDialogue item;
    if (auto key = ir.text("key", 64)) {
      if (!valid_group_key(*key))
        errors.add(ir.path("key"), "invalid_value",
                   "'" + *key + "' must use a-z, 0-9, '_' or '-' only");
      else if (std::any_of(p.items.begin(), p.items.end(),
                           [&](const auto& i) { return i.key == *key; }))
        errors.add(ir.path("key"), "duplicate", "item '" + *key + "' is listed twice");
      else
        item.key = *key;
    }
    item.title = ir.text("title", 300).value_or("");
    item.question_area = ir.text("question_area", 500).value_or("");
    item.quarter = static_cast<int>(ir.integer("quarter", 1, 4).value_or(1));
    item.methods = ir.choice_list("methods", domain::method_keys, "method");
    if (!item.key.empty()) p.items.push_back(std::move(item));
  });
  return p;
}

}  // namespace dialogd::codec
