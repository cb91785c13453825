#pragma once
// RFC 9457 problem details. Handlers throw Problem for every expected failure; the dispatcher turns
// it into an application/problem+json answer and rolls back the request's transaction.
#include <boost/json/object.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "codec/field_errors.hpp"
#include "http/net.hpp"

namespace dialogd::http {

struct Problem : std::exception {
  unsigned status;
  std::string slug;  // the stable end of the type URI
  std::string title;
  std::string detail;
  std::vector<codec::FieldError> errors;
  boost::json::object extra;                                 // e.g. "unmet": [...]
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Allow, WWW-Authenticate

  Problem(unsigned status, std::string slug, std::string title, std::string detail = {})
      : status(status), slug(std::move(slug)), title(std::move(title)), detail(std::move(detail)) {}
  const char* what() const noexcept override { return title.c_str(); }
};

std::string problem_type(std::string_view slug);

Problem validation_failed(const codec::FieldErrors& errors);
Problem validation_failed(std::string field, std::string code, std::string message);
Problem not_found(std::string_view what);
Problem wrong_state(std::string detail);

// Throws when `errors` is not empty.
void throw_if_invalid(const codec::FieldErrors& errors);

Response problem_response(const Problem& p, unsigned version, bool keep_alive);

}  // namespace dialogd::http
