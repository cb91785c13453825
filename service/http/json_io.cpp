#include "http/json_io.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/problem.hpp"
#include "support/ids.hpp"

namespace dialogd::http {
namespace json = boost::json;

namespace {

std::string_view media_type(const Request& req) {
  const auto it = req.find(bhttp::field::content_type);
  if (it == req.end()) return {};
  std::string_view v = it->value();
  v = v.substr(0, v.find(';'));
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return v;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

constexpr std::string_view cursor_prefix = "c1:";

}  // namespace

json::object read_json_object(const RequestContext& ctx, BodyKind kind) {
  const std::string_view type = media_type(ctx.req);
  const bool accepted =
      iequals(type, "application/json") ||
      (kind == BodyKind::merge_patch && iequals(type, "application/merge-patch+json"));
  if (!accepted) {
    Problem p(415, "unsupported-media-type", "Unsupported media type",
              "send the body as " +
                  std::string(kind == BodyKind::merge_patch
                                  ? "application/merge-patch+json or application/json"
                                  : "application/json") +
                  (type.empty() ? " (no Content-Type was given)" : ", not " + std::string(type)));
    p.headers.emplace_back(kind == BodyKind::merge_patch ? "Accept-Patch" : "Accept",
                           kind == BodyKind::merge_patch
                               ? "application/merge-patch+json, application/json"
                               : "application/json");
    throw p;
  }
  boost::system::error_code ec;
  json::value v = json::parse(ctx.req.body(), ec);
  if (ec)
    throw Problem(400, "malformed-json", "Malformed JSON",
                  "the body is not valid JSON: " + ec.message());
  if (!v.is_object())
    throw Problem(400, "malformed-json", "Malformed JSON", "the body must be a JSON object");
  return std::move(v.get_object());
}

void append_document(json::object& into, std::string_view document) {
  json::value parsed = json::parse(document);  // named: members must not outlive their document
  for (auto& m : parsed.as_object()) into[m.key()] = std::move(m.value());
}

Response json_response(const RequestContext& ctx, bhttp::status status, const json::value& body) {
  Response res{status, ctx.req.version()};
  res.set(bhttp::field::content_type, "application/json");
  res.body() = json::serialize(body);
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

Response empty_response(const RequestContext& ctx, bhttp::status status) {
  Response res{status, ctx.req.version()};
  res.keep_alive(ctx.req.keep_alive());
  res.prepare_payload();
  return res;
}

std::string etag_for(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

void check_if_match(const RequestContext& ctx, std::int64_t current_version, bool required) {
  const auto it = ctx.req.find(bhttp::field::if_match);
  if (it == ctx.req.end()) {
    if (required)
      throw Problem(
          428, "precondition-required", "Precondition required",
          "send If-Match with the ETag you last read, so that no one else's change is lost");
    return;
  }
  const std::string want = etag_for(current_version);
  std::string_view list = it->value();
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view tag = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag == "*" || tag == want) return;  // strong comparison: a weak tag never matches
  }
  Problem p(
      412, "precondition-failed", "Precondition failed",
      "the resource has changed since you read it (it is now at " + want + "); read it again");
  p.headers.emplace_back("ETag", want);
  throw p;
}

Problem lost_update() {
  return Problem(412, "precondition-failed", "Precondition failed",
                 "someone else changed the resource at the same moment; read it again and retry");
}

PageRequest read_page(const RequestContext& ctx) {
  codec::FieldErrors errors;
  PageRequest page = read_page(ctx, errors);
  throw_if_invalid(errors);
  return page;
}

PageRequest read_page(const RequestContext& ctx, codec::FieldErrors& errors) {
  PageRequest page;
  if (auto limit = ctx.query_param("limit")) {
    int n = 0;
    bool digits = !limit->empty() && limit->size() <= 4;
    for (char c : *limit) digits = digits && c >= '0' && c <= '9';
    if (digits) n = std::stoi(std::string(*limit));
    if (!digits || n < 1 || n > 100)
      errors.add("limit", "out_of_range",
                 "limit must be a whole number from 1 to 100, got '" + std::string(*limit) + "'");
    else
      page.limit = n;
  }
  if (auto cursor = ctx.query_param("cursor"); cursor && !cursor->empty()) {
    std::string decoded;
    if (!support::base64url_decode(*cursor, decoded) || decoded.rfind(cursor_prefix, 0) != 0 ||
        decoded.size() == cursor_prefix.size())
      errors.add("cursor", "invalid_value",
                 "'" + std::string(*cursor) + "' is not a cursor this service gave out");
    else
      page.after = decoded.substr(cursor_prefix.size());
  }
  return page;
}

Response page_response(const RequestContext& ctx, json::array items,
                       const std::optional<std::string>& next_position) {
  json::object body;
  body["items"] = std::move(items);
  std::optional<std::string> cursor;
  if (next_position)
    cursor = support::base64url_encode(std::string(cursor_prefix) + *next_position);
  body["next_cursor"] = cursor ? json::value(*cursor) : json::value(nullptr);
  Response res = json_response(ctx, bhttp::status::ok, body);
  if (cursor) {
    // The same query with the cursor replaced (RFC 8288); values are re-encoded minimally.
    std::string link = std::string(ctx.path) + "?";
    auto encode = [](const std::string& s) {
      std::string out;
      for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          out += static_cast<char>(c);
        } else {
          char buf[4];
          std::snprintf(buf, sizeof buf, "%%%02X", c);
          out += buf;
        }
      }
      return out;
    };
    for (const auto& [k, v] : ctx.query)
      if (k != "cursor") link += encode(k) + "=" + encode(v) + "&";
    link += "cursor=" + *cursor;
    res.set(bhttp::field::link, "<" + link + ">; rel=\"next\"");
  }
  return res;
}

}  // namespace dialogd::http
