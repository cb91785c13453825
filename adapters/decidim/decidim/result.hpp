#pragma once
// A small result type for expected failures (network, HTTP, GraphQL errors, bad data).

#include <string>
#include <utility>
#include <variant>

namespace dialogd::decidim {

struct Failure {
  enum class Kind {
    network,         // connection refused, DNS, TLS, ...
    timeout,         // connect or total timeout
    http_status,     // non-200 answer (after 429 retries ran out: rate_limited)
    rate_limited,    // 429 and Retry-After retries exhausted
    too_large,       // response over the size cap
    malformed_json,  // body is not JSON
    graphql_errors,  // answer carried an "errors" array
    not_found,       // process or component null
    parse,           // JSON has the wrong shape; reason names the path
    target,          // the SyncTarget failed
    auth,            // sign-in failed
  };
  Kind kind = Kind::network;
  std::string reason;
  long http_status = 0;
};

const char* to_string(Failure::Kind kind);

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Failure failure) : v_(std::move(failure)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Failure& failure() const { return std::get<1>(v_); }

 private:
  std::variant<T, Failure> v_;
};

inline Failure fail(Failure::Kind kind, std::string reason, long status = 0) {
  return Failure{kind, std::move(reason), status};
}

}  // namespace dialogd::decidim
