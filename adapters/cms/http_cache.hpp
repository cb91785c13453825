#pragma once
// Validators for conditional GET (RFC 9110 section 13) of a rendered document: a strong ETag over
// its bytes and a Last-Modified from its newest instant.
#include <optional>
#include <string>
#include <string_view>

namespace dialogd::cms {

struct Validators {
  std::string etag;           // "\"a1b2c3d4e5f60718-1234\"" (quoted, strong)
  std::string last_modified;  // IMF-fixdate, "" when `newest` is not a valid RFC 3339 instant
};

// `body` is the exact representation sent (so each language and format has its own ETag);
// `newest` is the RFC 3339 instant of its newest content (atom::Feed::updated).
Validators validators(std::string_view body, std::string_view newest);

// Whether a GET with these request headers may be answered 304 Not Modified: If-None-Match (weak
// comparison, a list, or "*") decides when present; otherwise If-Modified-Since is compared with
// Last-Modified at whole seconds. Unparseable dates are ignored.
bool not_modified(const Validators& v, std::optional<std::string_view> if_none_match,
                  std::optional<std::string_view> if_modified_since);

}  // namespace dialogd::cms
