#pragma once
// Reading JSON request bodies and writing JSON answers.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "codec/field_errors.hpp"
#include "http/request_context.hpp"

namespace dialogd::http {

enum class BodyKind { json, merge_patch };

// The body as a JSON object: 415 for a non-JSON media type, 400 for malformed JSON or a non-object.
boost::json::object read_json_object(const RequestContext& ctx, BodyKind kind = BodyKind::json);

// Text that may be absent, as JSON: the string or null.
inline boost::json::value nullable(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

// Appends the members of a stored JSON document (an object) to `into`.
void append_document(boost::json::object& into, std::string_view document);

Response json_response(const RequestContext& ctx, bhttp::status status,
                       const boost::json::value& body);
Response empty_response(const RequestContext& ctx, bhttp::status status);

// ETags are the resource's version: every change bumps it.
std::string etag_for(std::int64_t version);
// If-Match: 428 when required and missing, 412 when it names another version.
void check_if_match(const RequestContext& ctx, std::int64_t current_version, bool required);
// Another writer changed the resource between our read and our write (the version check lost).
struct Problem;
Problem lost_update();

// limit (1..100, default 20) and an opaque cursor, both checked (422 naming the parameter).
struct PageRequest {
  int limit = 20;
  std::optional<std::string> after;  // the position the cursor stands for
};
PageRequest read_page(const RequestContext& ctx);
// The same, adding its findings to `errors` (for routes with more query parameters to check).
PageRequest read_page(const RequestContext& ctx, codec::FieldErrors& errors);
// {"items": [...], "next_cursor": ...} and, when there is more, a Link header to the next page.
Response page_response(const RequestContext& ctx, boost::json::array items,
                       const std::optional<std::string>& next_position);

// The keyset position a row stands for: its id (or its dialogue's or record's, for views).
template <typename Row>
const std::string& page_position(const Row& r) {
  if constexpr (requires { r.id; })
    return r.id;
  else if constexpr (requires { r.dialogue.id; })
    return r.dialogue.id;
  else
    return r.record.id;
}

// A page of rows answered with the conventions of page_response; `rows` holds up to limit + 1 rows
// (the extra one only tells that there is more).
template <typename Row, typename ToJson>
Response page_of(const RequestContext& ctx, std::vector<Row> rows, const PageRequest& page,
                 ToJson&& to_json) {
  std::optional<std::string> next;
  if (static_cast<int>(rows.size()) > page.limit) {
    rows.pop_back();
    next = page_position(rows.back());
  }
  boost::json::array items;
  for (const auto& row : rows) items.push_back(to_json(row));
  return page_response(ctx, std::move(items), next);
}

}  // namespace dialogd::http
