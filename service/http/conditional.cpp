#include "http/conditional.hpp"

namespace dialogd::http {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view opaque(std::string_view tag) {
  return tag.substr(0, 2) == "W/" ? tag.substr(2) : tag;
}

}  // namespace

bool if_none_match_matches(const Request& req, std::string_view etag) {
  const auto it = req.find(bhttp::field::if_none_match);
  if (it == req.end()) return false;
  etag = opaque(etag);
  std::string_view v = it->value();
  while (!v.empty()) {
    const auto comma = v.find(',');
    const std::string_view tag = opaque(trimmed(v.substr(0, comma)));
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace dialogd::http
