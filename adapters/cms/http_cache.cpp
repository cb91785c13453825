#include "http_cache.hpp"

#include <cstdint>
#include <cstdio>

#include "text.hpp"

namespace dialogd::cms {

namespace {

// FNV-1a, 64 bits: a fingerprint of the representation, not a security measure.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The opaque part of an entity tag, weak or strong ("W/\"x\"" and "\"x\"" both give x).
std::string_view opaque(std::string_view tag) {
  tag = trim(tag);
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    return tag.substr(1, tag.size() - 2);
  return tag;
}

}  // namespace

Validators validators(std::string_view body, std::string_view newest) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "\"%016llx-%zx\"", static_cast<unsigned long long>(fnv1a(body)),
                body.size());
  Validators v;
  v.etag = buf;
  if (const auto t = text::parse_rfc3339(newest)) v.last_modified = text::http_date(*t);
  return v;
}

bool not_modified(const Validators& v, std::optional<std::string_view> if_none_match,
                  std::optional<std::string_view> if_modified_since) {
  if (if_none_match) {
    const std::string_view list = trim(*if_none_match);
    if (list == "*") return true;
    std::size_t start = 0;
    while (start <= list.size()) {
      const auto comma = list.find(',', start);
      const auto item = list.substr(
          start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      if (!trim(item).empty() && opaque(item) == opaque(v.etag)) return true;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return false;  // If-None-Match present: If-Modified-Since is ignored (RFC 9110 13.1.3)
  }
  if (if_modified_since && !v.last_modified.empty()) {
    const auto since = text::parse_http_date(trim(*if_modified_since));
    const auto modified = text::parse_http_date(v.last_modified);
    if (since && modified) return *modified <= *since;
  }
  return false;
}

}  // namespace dialogd::cms
