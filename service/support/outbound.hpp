#pragma once
// Where dialogd may send requests on behalf of its users (webhooks): never to this machine or a
// private network unless the operator allows it (--allow-private-webhooks). Checked when a webhook
// is registered and again at every delivery, against every address the host resolves to, and the
// delivery is pinned to a checked address so DNS cannot change its answer in between.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialogd::support {

struct UrlParts {
  std::string scheme, host;
  int port = 0;
};
// http(s)://host[:port]/...; nothing for anything else (userinfo refused: it hides the host).
std::optional<UrlParts> parse_http_url(std::string_view url);

// Loopback, private (RFC 1918, RFC 4193), link-local, CGNAT, unspecified, multicast, broadcast,
// documentation and IPv4-mapped forms of these: addresses a public webhook never has.
bool non_public_address(std::string_view ip);

struct OutboundCheck {
  bool allowed = false;
  std::string reason;                  // why not, for a field error or an outbox error
  std::vector<std::string> addresses;  // the checked addresses, to pin the connection to
};
// Resolves the URL's host (getaddrinfo) and checks every address it gives.
OutboundCheck check_outbound(std::string_view url, bool allow_private);

}  // namespace dialogd::support
