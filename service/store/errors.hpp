#pragma once
#include <stdexcept>

namespace dialogd::store {

// The database cannot be reached (or a connection died): the request may be retried later.
struct StoreUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The database's schema is newer than this binary knows; starting would corrupt it.
struct SchemaTooNew : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Two writers raced for the same unique row (another instance won); the request is replayed.
struct Conflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace dialogd::store
