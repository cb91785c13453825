#include "codec/representation_json.hpp"

namespace dialogd::codec {
namespace json = boost::json;

json::object representation_json(const domain::Representation& r,
                                 const std::vector<GroupSuggestions>& suggestions) {
  json::array groups;
  for (const auto& g : r.groups)
    groups.push_back(json::object{{"key", g.key},
                                  {"label", g.label},
                                  {"expected_share", g.expected_share},
                                  {"reached", g.reached},
                                  {"reached_share", g.reached_share},
                                  {"ratio", g.ratio},
                                  {"status", domain::to_string(g.status)}});
  json::array under, out;
  for (const auto& key : r.under) under.emplace_back(key);
  for (const auto& s : suggestions) {
    json::array methods;
    for (const auto& m : s.methods)
      methods.push_back(json::object{{"method", m.method}, {"reached_share", m.share()}});
    out.push_back(json::object{{"group", s.group}, {"methods", std::move(methods)}});
  }
  return {{"total_participants", r.total_participants},
          {"threshold", r.threshold},
          {"groups", std::move(groups)},
          {"under", std::move(under)},
          {"suggestions", std::move(out)}};
}

}  // namespace dialogd::codec
