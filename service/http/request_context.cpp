#include "http/request_context.hpp"

#include <cctype>

namespace dialogd::http {
namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string form_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

void split_target(std::string_view target, std::string_view& path,
                  std::vector<std::pair<std::string, std::string>>& query) {
  const auto q = target.find('?');
  path = target.substr(0, q);
  if (q == std::string_view::npos) return;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    query.emplace_back(form_decode(pair.substr(0, eq)),
                       eq == std::string_view::npos ? "" : form_decode(pair.substr(eq + 1)));
  }
}

std::string_view RequestContext::param(std::string_view name) const {
  for (const auto& [k, v] : match.params)
    if (k == name) return v;
  return {};
}

std::optional<std::string_view> RequestContext::query_param(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return std::string_view(v);
  return std::nullopt;
}

domain::Language RequestContext::language() const {
  const auto it = req.find(bhttp::field::accept_language);
  if (it == req.end()) return domain::Language::en;
  const std::string_view v = it->value();
  // The first language named wins; q-values beyond that are not worth the parsing here.
  const auto sv = v.find("sv"), en = v.find("en");
  if (sv != std::string_view::npos && (en == std::string_view::npos || sv < en))
    return domain::Language::sv;
  return domain::Language::en;
}

}  // namespace dialogd::http
