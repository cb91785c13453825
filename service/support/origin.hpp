#pragma once
// Web origins (RFC 6454) as widget keys carry them: scheme://host[:port], lower case, no path.
#include <optional>
#include <string>
#include <string_view>

namespace dialogd::support {

// The origin in canonical form, or nothing when `text` is not an http(s) origin. A trailing "/"
// is forgiven; a path, query, user info or fragment is not. Default ports are dropped.
std::optional<std::string> normalise_origin(std::string_view text);

}  // namespace dialogd::support
