#pragma once
// The typed outcome of a use case: its value, or a Failure that says what kind of refusal it is
// (the HTTP layer maps kinds to statuses; a CLI prints them). Expected refusals are values, not
// exceptions; store faults still throw and abort the caller's transaction.
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "codec/field_errors.hpp"

namespace dialogd::app {

enum class FailureKind {
  validation,             // the input names something wrong: errors[] has every field at once
  not_found,              // the resource does not exist (or is not visible to the actor)
  conflict,               // the resource's state forbids it: slug says which rule
  wrong_state,            // a stage document written outside its stage
  unmet,                  // a transition's guards: `lists["unmet"]`
  precondition_failed,    // the caller's version is stale
  precondition_required,  // a change needs the caller's version
  forbidden,              // the actor's role may not do this
};

struct Failure {
  FailureKind kind;
  std::string slug;  // stable: validation-failed, not-found, dialogue-not-open, ...
  std::string title;
  std::string detail;
  std::vector<codec::FieldError> errors;
  std::vector<std::pair<std::string, std::string>> texts;               // e.g. from, to
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;  // e.g. unmet, allowed
  std::string current_version;  // for precondition_failed: the version the caller should read
};

Failure invalid(const codec::FieldErrors& errors);
Failure invalid(std::string field, std::string code, std::string message);
Failure not_found(std::string what);
Failure conflict(std::string slug, std::string title, std::string detail);
Failure wrong_state(std::string detail);
Failure lost_update();
Failure forbidden(std::string detail);

struct Done {};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Failure f) : v_(std::move(f)) {}
  explicit operator bool() const { return v_.index() == 0; }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return std::get<0>(v_); }
  const Failure& failure() const { return std::get<1>(v_); }

 private:
  std::variant<T, Failure> v_;
};

}  // namespace dialogd::app
