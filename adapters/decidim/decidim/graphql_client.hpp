#pragma once
// POST {base}/api with {query, variables, operationName}. libcurl lives only in the .cpp.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "decidim/result.hpp"

namespace dialogd::decidim {

// What the sync engine talks to; GraphqlClient is the real one, tests may fake it.
class GraphqlTransport {
 public:
  virtual ~GraphqlTransport() = default;
  // Answers the "data" member of a successful answer. An answer with an "errors" array is a
  // graphql_errors failure (its reason lists the messages), even when partial data came along.
  virtual Result<boost::json::value> execute(std::string_view operation_name,
                                             std::string_view query,
                                             const boost::json::object& variables) = 0;
};

struct ClientOptions {
  std::string base_url;  // e.g. "https://dialog.norrbotten.se" (no trailing /api)
  std::optional<std::string> bearer_token;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{30000};
  std::size_t max_response_bytes = 8 * 1024 * 1024;
  int requests_per_minute = 100;              // Decidim's Rack::Attack default per IP
  int max_retries = 3;                        // after a 429
  std::chrono::seconds max_retry_after{120};  // a longer Retry-After fails instead of sleeping
  std::string user_agent = "dialogd-decidim/1";
  // Injectable for tests; defaults to std::this_thread::sleep_for.
  std::function<void(std::chrono::milliseconds)> sleep;
};

class GraphqlClient final : public GraphqlTransport {
 public:
  explicit GraphqlClient(ClientOptions options);
  ~GraphqlClient() override;
  GraphqlClient(const GraphqlClient&) = delete;
  GraphqlClient& operator=(const GraphqlClient&) = delete;

  Result<boost::json::value> execute(std::string_view operation_name, std::string_view query,
                                     const boost::json::object& variables) override;

  void set_bearer_token(std::optional<std::string> token);
  int requests_sent() const;  // counts retries too

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Decidim 0.31+: POST {base}/api/sign_in with api_user[key]/api_user[secret] (form encoded);
// answers the JWT (from the Authorization header, else the body's jwt_token).
Result<std::string> sign_in(const ClientOptions& options, std::string_view api_key,
                            std::string_view api_secret);

// Parses an HTTP Retry-After value (delta seconds or an HTTP date relative to now).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

}  // namespace dialogd::decidim
