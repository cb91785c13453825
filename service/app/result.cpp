#include "app/result.hpp"

#include "app/context.hpp"

namespace dialogd::app {

bool Precondition::matches(std::int64_t version) const {
  if (!given || any) return true;
  for (auto v : versions)
    if (v == version) return true;
  return false;
}

Failure invalid(const codec::FieldErrors& errors) {
  Failure f{FailureKind::validation,
            "validation-failed",
            "Validation failed",
            "the request has invalid fields; see errors",
            errors.list(),
            {},
            {},
            {}};
  return f;
}

Failure invalid(std::string field, std::string code, std::string message) {
  codec::FieldErrors e;
  e.add(std::move(field), std::move(code), std::move(message));
  return invalid(e);
}

Failure not_found(std::string what) {
  return {
      FailureKind::not_found, "not-found", "Not found", what + " was not found", {}, {}, {}, {}};
}

Failure conflict(std::string slug, std::string title, std::string detail) {
  return {
      FailureKind::conflict, std::move(slug), std::move(title), std::move(detail), {}, {}, {}, {}};
}

Failure wrong_state(std::string detail) {
  return {FailureKind::wrong_state,
          "wrong-state",
          "Not allowed in the dialogue's current state",
          std::move(detail),
          {},
          {},
          {},
          {}};
}

Failure lost_update() {
  return {FailureKind::precondition_failed,
          "precondition-failed",
          "Precondition failed",
          "someone else changed the resource at the same moment; read it again and retry",
          {},
          {},
          {},
          {}};
}

Failure forbidden(std::string detail) {
  return {FailureKind::forbidden, "forbidden", "Forbidden", std::move(detail), {}, {}, {}, {}};
}

}  // namespace dialogd::app

namespace dialogd::app {

std::optional<Failure> check(const Precondition& p, std::int64_t current) {
  if (!p.given) {
    if (!p.required) return std::nullopt;
    return Failure{
        FailureKind::precondition_required,
        "precondition-required",
        "Precondition required",
        "send If-Match with the ETag you last read, so that no one else's change is lost",
        {},
        {},
        {},
        {}};
  }
  if (p.matches(current)) return std::nullopt;
  const std::string tag = "\"" + std::to_string(current) + "\"";
  return Failure{
      FailureKind::precondition_failed,
      "precondition-failed",
      "Precondition failed",
      "the resource has changed since you read it (it is now at " + tag + "); read it again",
      {},
      {},
      {},
      std::to_string(current)};
}

}  // namespace dialogd::app
