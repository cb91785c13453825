#pragma once
// Who asks and where: every use case runs for an actor, inside the transaction its caller opened
// on `db`, with the service's clock. HTTP handlers, the CLI, adapters and workers build one alike.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"
#include "support/clock.hpp"

namespace dialogd::app {

struct Actor {
  std::string key_id;  // empty for the service itself (CLI, workers, adapters)
  std::string name;    // shown to editors in the timeline
  std::string role;    // operator | admin | editor | portal | widget | system | anonymous
  // The organisation whose resources the actor sees and changes. Keys of every role but operator
  // have one; anonymous callers see what is published; the service itself (system) acts for one
  // organisation when given, or for all (workers).
  std::optional<std::string> organisation_id;
  bool can_edit() const { return role == "editor" || role == "admin" || role == "system"; }
  bool anonymous_caller() const { return role == "anonymous"; }
  static Actor system(std::string name, std::optional<std::string> organisation = std::nullopt) {
    return {"", std::move(name), "system", std::move(organisation)};
  }
  static Actor anonymous() { return {"", "", "anonymous", std::nullopt}; }
};

struct Context {
  store::Connection& db;
  const support::Clock& clock;
  Actor actor;
  std::string public_url;  // where citizens reach this service (links in feedback messages)
};

// An optimistic-concurrency precondition (HTTP's If-Match, or a caller's remembered version).
struct Precondition {
  bool given = false;
  bool any = false;                    // "*"
  std::vector<std::int64_t> versions;  // the versions the caller last read
  bool required = false;               // a missing precondition is refused (PATCH)
  bool matches(std::int64_t version) const;
  static Precondition none() { return {}; }
  static Precondition version(std::int64_t v) { return {true, false, {v}, false}; }
};

struct Failure;
// Nothing when the precondition holds for `current`; 428 or 412 as a Failure otherwise.
std::optional<Failure> check(const Precondition& p, std::int64_t current);

}  // namespace dialogd::app
