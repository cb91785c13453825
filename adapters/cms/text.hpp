#pragma once
// Text helpers shared by the renderers: UTF-8 repair, XML escaping, percent-encoding, time formats.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dialogd::cms::text {

// Replaces each byte that is not part of a well-formed UTF-8 sequence with U+FFFD.
std::string valid_utf8(std::string_view s);

// Escapes &, <, >, " and ' for XML/HTML text and attribute values, repairs UTF-8, and drops the
// control characters XML 1.0 forbids (everything below U+0020 but tab, LF and CR).
std::string xml_escape(std::string_view s);

// Percent-encodes everything but RFC 3986's unreserved characters (for a query value).
std::string percent_encode(std::string_view s);
// Decodes %XX (and '+' as space when `plus_is_space`); nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

// Seconds since the epoch of an RFC 3339 instant ("2027-01-15T09:30:00.123Z", offsets honoured);
// nullopt when malformed. Fractions are dropped (HTTP dates have whole seconds).
std::optional<std::int64_t> parse_rfc3339(std::string_view s);
// RFC 9110 IMF-fixdate: "Fri, 15 Jan 2027 09:30:00 GMT".
std::string http_date(std::int64_t epoch_seconds);
// Parses an IMF-fixdate (the only form we emit; obsolete forms answer nullopt).
std::optional<std::int64_t> parse_http_date(std::string_view s);
// "2027-01-15T09:30:00Z" (whole seconds), for normalised Atom dates.
std::string rfc3339_seconds(std::int64_t epoch_seconds);

// The host of an absolute http(s) URL, lower-cased and without port or userinfo ("" if none).
std::string url_host(std::string_view url);

}  // namespace dialogd::cms::text
