#include "support/outbound.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <array>
#include <cstring>

namespace dialogd::support {

std::optional<UrlParts> parse_http_url(std::string_view url) {
  UrlParts p;
  if (url.rfind("https://", 0) == 0) {
    p.scheme = "https";
    p.port = 443;
    url.remove_prefix(8);
  } else if (url.rfind("http://", 0) == 0) {
    p.scheme = "http";
    p.port = 80;
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  const std::string_view authority = url.substr(0, url.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  std::string_view host = authority;
  std::string_view port;
  if (host.front() == '[') {  // [IPv6]:port
    const auto close = host.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    port = host.substr(close + 1);
    host = host.substr(1, close - 1);
    if (!port.empty() && port.front() != ':') return std::nullopt;
    if (!port.empty()) port.remove_prefix(1);
  } else if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  if (host.empty() || host.size() > 253) return std::nullopt;
  if (!port.empty()) {
    int n = 0;
    for (char c : port) {
      if (c < '0' || c > '9' || n > 65535) return std::nullopt;
      n = n * 10 + (c - '0');
    }
    if (n < 1 || n > 65535) return std::nullopt;
    p.port = n;
  }
  p.host = std::string(host);
  return p;
}

namespace {

bool non_public_v4(const unsigned char* a) {
  const auto in = [&](unsigned char b0, unsigned char mask0, unsigned char b1 = 0,
                      unsigned char mask1 = 0) {
    return (a[0] & mask0) == b0 && (a[1] & mask1) == b1;
  };
  return in(0, 0xFF) ||                                             // 0.0.0.0/8
         in(10, 0xFF) ||                                            // 10/8
         in(127, 0xFF) ||                                           // loopback
         in(169, 0xFF, 254, 0xFF) ||                                // link-local
         in(172, 0xFF, 16, 0xF0) ||                                 // 172.16/12
         in(192, 0xFF, 168, 0xFF) ||                                // 192.168/16
         in(100, 0xFF, 64, 0xC0) ||                                 // 100.64/10, carrier-grade NAT
         (a[0] == 192 && a[1] == 0 && (a[2] == 0 || a[2] == 2)) ||  // IETF, TEST-NET-1
         (a[0] == 198 && (a[1] & 0xFE) == 18) ||                    // benchmarking
         (a[0] == 198 && a[1] == 51 && a[2] == 100) ||              // TEST-NET-2
         (a[0] == 203 && a[1] == 0 && a[2] == 113) ||               // TEST-NET-3
         a[0] >= 224;                                               // multicast, reserved
}

}  // namespace

bool non_public_address(std::string_view ip_text) {
  const std::string ip(ip_text);
  unsigned char buf[16];
  if (inet_pton(AF_INET, ip.c_str(), buf) == 1) return non_public_v4(buf);
  if (inet_pton(AF_INET6, ip.c_str(), buf) != 1) return true;  // not an address: refuse
  static constexpr unsigned char zero[16] = {};
  if (std::memcmp(buf, zero, 15) == 0 && (buf[15] == 0 || buf[15] == 1)) return true;  // :: ::1
  if ((buf[0] & 0xFE) == 0xFC) return true;                    // fc00::/7 unique local
  if (buf[0] == 0xFE && (buf[1] & 0xC0) == 0x80) return true;  // fe80::/10 link-local
  if (buf[0] == 0xFF) return true;                             // multicast
  if (buf[0] == 0x20 && buf[1] == 0x01 && buf[2] == 0x0D && buf[3] == 0xB8) return true;  // doc
  static constexpr unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (std::memcmp(buf, mapped, 12) == 0) return non_public_v4(buf + 12);  // ::ffff:a.b.c.d
  if (std::memcmp(buf, zero, 12) == 0) return true;  // IPv4-compatible, deprecated
  return false;
}

OutboundCheck check_outbound(std::string_view url, bool allow_private) {
  OutboundCheck out;
  const auto parts = parse_http_url(url);
  if (!parts) {
    out.reason = "not an http(s) address with a host";
    return out;
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(parts->host.c_str(), nullptr, &hints, &found) != 0 || !found) {
    out.reason = "the host '" + parts->host + "' does not resolve";
    return out;
  }
  for (addrinfo* a = found; a; a = a->ai_next) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    const void* raw =
        a->ai_family == AF_INET
            ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr)
            : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr);
    if (!inet_ntop(a->ai_family, raw, text.data(), text.size())) continue;
    const std::string ip(text.data());
    if (!allow_private && non_public_address(ip)) {
      out.reason = "the host '" + parts->host + "' is (or resolves to) " + ip +
                   ", a loopback, private or link-local address";
      out.addresses.clear();
      freeaddrinfo(found);
      return out;
    }
    out.addresses.push_back(ip);
  }
  freeaddrinfo(found);
  out.allowed = !out.addresses.empty();
  if (!out.allowed) out.reason = "the host '" + parts->host + "' has no usable address";
  return out;
}

}  // namespace dialogd::support
