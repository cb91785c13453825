#include "http/problem.hpp"

#include <boost/json/serialize.hpp>

namespace dialogd::http {

std::string problem_type(std::string_view slug) {
  return "https://dialogd.se/problems/" + std::string(slug);
}

Problem validation_failed(const codec::FieldErrors& errors) {
  Problem p(422, "validation-failed", "The request has invalid fields",
            std::to_string(errors.list().size()) + " field(s) need attention: ");
  bool first = true;
  for (const auto& e : errors.list()) {
    p.detail += (first ? "" : "; ") + e.field + ": " + e.message;
    first = false;
  }
  p.errors = errors.list();
  return p;
}

Problem validation_failed(std::string field, std::string code, std::string message) {
  codec::FieldErrors e;
  e.add(std::move(field), std::move(code), std::move(message));
  return validation_failed(e);
}

void throw_if_invalid(const codec::FieldErrors& errors) {
  if (!errors.empty()) throw validation_failed(errors);
}

Problem not_found(std::string_view what) {
  return Problem(404, "not-found", "Not found", std::string(what) + " was not found");
}

Problem wrong_state(std::string detail) {
  return Problem(409, "wrong-state", "Not allowed in the dialogue's current state",
                 std::move(detail));
}

Response problem_response(const Problem& p, unsigned version, bool keep_alive) {
  boost::json::object body{{"type", problem_type(p.slug)},
                           {"title", p.title},
                           {"status", p.status},
                           {"detail", p.detail.empty() ? p.title : p.detail}};
  if (!p.errors.empty()) {
    boost::json::array errors;
    for (const auto& e : p.errors)
      errors.push_back(
          boost::json::object{{"field", e.field}, {"code", e.code}, {"message", e.message}});
    body["errors"] = std::move(errors);
  }
  for (const auto& kv : p.extra) body[kv.key()] = kv.value();
  Response res{static_cast<bhttp::status>(p.status), version};
  res.set(bhttp::field::content_type, "application/problem+json");
  for (const auto& [name, value] : p.headers) res.set(name, value);
  res.body() = boost::json::serialize(body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

}  // namespace dialogd::http
