#include "codec/ladder_json.hpp"

namespace dialogd::codec {

static json::object bilingual(domain::Bilingual b) {
  return {{"sv", b.sv}, {"en", b.en}};
}

json::object to_json(const domain::Step& s) {
  return {{"level", s.level},
          {"key", s.key},
          {"name", bilingual(s.name)},
          {"iap2", s.iap2},
          {"arnstein", s.arnstein},
          {"council_of_europe", s.council_of_europe},
          {"promise", bilingual(s.promise)}};
}

json::array to_json(const std::vector<domain::Warning>& warnings) {
  json::array out;
  for (const auto& w : warnings)
    out.push_back(json::object{{"code", w.code}, {"message", w.message}});
  return out;
}

json::object to_json(const domain::Classification& c) {
  json::object o = to_json(domain::step(c.level));
  o["rule"] = c.rule;
  json::array reasons;
  for (const auto& r : c.reasons) reasons.emplace_back(r);
  o["reasons"] = std::move(reasons);
  o["warnings"] = to_json(c.warnings);
  json::array methods;
  for (const auto& m : c.methods)
    methods.push_back(
        json::object{{"method", m.method}, {"level", m.level}, {"key", domain::step(m.level).key}});
  o["methods"] = std::move(methods);
  return o;
}

}  // namespace dialogd::codec
