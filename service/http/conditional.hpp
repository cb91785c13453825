#pragma once
// If-None-Match as RFC 9110 13.1.2 has it: a list of entity tags (or "*"), compared weakly.

#include <string_view>

#include "http/net.hpp"

namespace dialogd::http {

// Whether the request's If-None-Match names `etag` (W/ prefixes ignored on both sides) or is "*".
bool if_none_match_matches(const Request& req, std::string_view etag);

}  // namespace dialogd::http
