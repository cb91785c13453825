#include "http/router.hpp"

#include <cctype>

namespace dialogd::http {
namespace {

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    out.push_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

void Router::add(Route r) {
  Compiled c{r, {}};
  for (auto seg : split(r.path)) c.segments.emplace_back(seg);
  compiled_.push_back(std::move(c));
  routes_.push_back(std::move(r));
}

Match Router::match(bhttp::verb method, std::string_view path) const {
  Match m;
  if (path.empty() || path[0] != '/') return m;
  const auto segments = split(path);
  for (const Compiled& c : compiled_) {
    if (c.segments.size() != segments.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      const std::string& want = c.segments[i];
      if (want.size() > 2 && want.front() == '{') {
        // A parameter, possibly with a literal suffix: "{id}" or "{id}.atom".
        const std::string_view suffix = std::string_view(want).substr(want.find('}') + 1);
        ok = segments[i].size() > suffix.size() && segments[i].ends_with(suffix);
      } else {
        ok = want == segments[i];
      }
    }
    if (!ok) continue;
    if (c.route.method != method) {
      const std::string name(bhttp::to_string(c.route.method));
      if (m.allow.find(name) == std::string::npos) m.allow += (m.allow.empty() ? "" : ", ") + name;
      continue;
    }
    m.route = &c.route;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const std::string& want = c.segments[i];
      if (want.front() == '{') {
        const auto close = want.find('}');
        const std::size_t suffix = want.size() - close - 1;
        m.params.emplace_back(std::string_view(want).substr(1, close - 1),
                              percent_decode(segments[i].substr(0, segments[i].size() - suffix)));
      }
    }
    return m;
  }
  return m;
}

}  // namespace dialogd::http
