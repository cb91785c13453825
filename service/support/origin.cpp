#include "support/origin.hpp"

#include <algorithm>
#include <cctype>

namespace dialogd::support {

std::optional<std::string> normalise_origin(std::string_view text) {
  std::string s(text);
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!s.empty() && s.back() == '/') s.pop_back();
  std::string scheme;
  if (s.rfind("https://", 0) == 0)
    scheme = "https";
  else if (s.rfind("http://", 0) == 0)
    scheme = "http";
  else
    return std::nullopt;
  const std::string authority = s.substr(scheme.size() + 3);
  if (authority.empty() || authority.size() > 253 + 6) return std::nullopt;
  std::string host = authority, port;
  if (const auto colon = authority.rfind(':'); colon != std::string::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); }))
      return std::nullopt;
    if (std::stol(port) > 65535) return std::nullopt;
  }
  const bool host_ok = !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.';
  });
  if (!host_ok || host.front() == '.' || host.front() == '-') return std::nullopt;
  if ((scheme == "https" && port == "443") || (scheme == "http" && port == "80")) port.clear();
  return scheme + "://" + host + (port.empty() ? "" : ":" + port);
}

}  // namespace dialogd::support
