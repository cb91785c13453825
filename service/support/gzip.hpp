#pragma once
// gzip for static assets: compressed once at start, served to every client that accepts it.

#include <string>
#include <string_view>

namespace dialogd::support {

// The gzip member (RFC 1952) of `data` at the best compression level.
std::string gzip(std::string_view data);

// Whether an Accept-Encoding value admits gzip (RFC 9110 12.5.3): "gzip" or "*" with a q above 0.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace dialogd::support
