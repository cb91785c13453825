#include "decidim/graphql_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <ctime>
#include <mutex>
#include <thread>

namespace dialogd::decidim {

const char* to_string(Failure::Kind kind) {
  switch (kind) {
    case Failure::Kind::network:
      return "network";
    case Failure::Kind::timeout:
      return "timeout";
    case Failure::Kind::http_status:
      return "http_status";
    case Failure::Kind::rate_limited:
      return "rate_limited";
    case Failure::Kind::too_large:
      return "too_large";
    case Failure::Kind::malformed_json:
      return "malformed_json";
    case Failure::Kind::graphql_errors:
      return "graphql_errors";
    case Failure::Kind::not_found:
      return "not_found";
    case Failure::Kind::parse:
      return "parse";
    case Failure::Kind::target:
      return "target";
    case Failure::Kind::auth:
      return "auth";
  }
  return "unknown";
}

namespace {

using Clock = std::chrono::steady_clock;

void ensure_curl_global() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct HttpAnswer {
  long status = 0;
  std::string body;
  std::string retry_after;
  std::string authorization;
};

struct Sink {
  std::string* body;
  std::size_t cap;
  bool overflow = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  std::size_t len = size * n;
  if (sink->body->size() + len > sink->cap) {
    sink->overflow = true;
    return 0;  // aborts the transfer
  }
  sink->body->append(data, len);
  return len;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* answer = static_cast<HttpAnswer*>(user);
  std::string_view line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "retry-after") answer->retry_after = trim(line.substr(colon + 1));
    if (name == "authorization") answer->authorization = trim(line.substr(colon + 1));
  }
  return size * n;
}

// One HTTP POST; no redirects followed. Failures are network/timeout/too_large.
Result<HttpAnswer> post(const ClientOptions& opt, const std::string& url,
                        const std::string& content_type, const std::string& body,
                        const std::optional<std::string>& bearer) {
  ensure_curl_global();
  CURL* curl = curl_easy_init();
  if (!curl) return fail(Failure::Kind::network, "curl_easy_init failed");
  HttpAnswer answer;
  Sink sink{&answer.body, opt.max_response_bytes};
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, ("Content-Type: " + content_type).c_str());
  headers = curl_slist_append(headers, "Accept: application/json");
  headers = curl_slist_append(headers, "Expect:");
  if (bearer) headers = curl_slist_append(headers, ("Authorization: Bearer " + *bearer).c_str());
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(opt.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(opt.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(opt.max_response_bytes));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &answer);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, opt.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc == CURLE_OK) return answer;
  std::string detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
  if (rc == CURLE_OPERATION_TIMEDOUT) return fail(Failure::Kind::timeout, "timed out: " + detail);
  if (sink.overflow || rc == CURLE_FILESIZE_EXCEEDED)
    return fail(Failure::Kind::too_large,
                "response larger than " + std::to_string(opt.max_response_bytes) + " bytes");
  return fail(Failure::Kind::network, detail);
}

std::string api_url(const std::string& base, std::string_view path) {
  std::string url = base;
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += path;
  return url;
}

std::string snippet(std::string_view body) {
  std::string s(body.substr(0, 200));
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return s;
}

}  // namespace

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now) {
  std::string v = trim(value);
  if (v.empty()) return std::nullopt;
  if (std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (v.size() > 9) return std::chrono::seconds(999999999);
    return std::chrono::seconds(std::stol(v));
  }
  std::tm tm{};
  char weekday[4] = {0}, month[4] = {0};
  int day = 0, year = 0, hh = 0, mm = 0, ss = 0;
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (std::sscanf(v.c_str(), "%3s, %d %3s %d %d:%d:%d GMT", weekday, &day, month, &year, &hh, &mm,
                  &ss) != 7)
    return std::nullopt;
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int mon = -1;
  for (int i = 0; i < 12; ++i)
    if (std::string_view(month) == months[i]) mon = i;
  if (mon < 0) return std::nullopt;
  tm.tm_year = year - 1900;
  tm.tm_mon = mon;
  tm.tm_mday = day;
  tm.tm_hour = hh;
  tm.tm_min = mm;
  tm.tm_sec = ss;
  auto when = std::chrono::system_clock::from_time_t(timegm(&tm));
  auto delta = std::chrono::duration_cast<std::chrono::seconds>(when - now);
  return delta.count() < 0 ? std::chrono::seconds(0) : delta;
}

struct GraphqlClient::Impl {
  ClientOptions opt;
  std::mutex mutex;
  double tokens = 0;
  Clock::time_point last_refill = Clock::now();
  int sent = 0;

  void sleep(std::chrono::milliseconds d) {
    if (d.count() <= 0) return;
    if (opt.sleep)
      opt.sleep(d);
    else
      std::this_thread::sleep_for(d);
  }

  // Token bucket: capacity and refill of requests_per_minute per 60 s.
  void pace() {
    const double capacity = std::max(1, opt.requests_per_minute);
    const double per_ms = capacity / 60000.0;
    for (;;) {
      auto now = Clock::now();
      double elapsed = std::chrono::duration<double, std::milli>(now - last_refill).count();
      tokens = std::min(capacity, tokens + elapsed * per_ms);
      last_refill = now;
      if (tokens >= 1.0) {
        tokens -= 1.0;
        return;
      }
      auto wait = std::chrono::milliseconds(static_cast<long>((1.0 - tokens) / per_ms) + 1);
      sleep(wait);
      if (opt.sleep) {  // a fake sleep does not advance the clock: account for it here
        tokens += static_cast<double>(wait.count()) * per_ms;
      }
    }
  }
};

GraphqlClient::GraphqlClient(ClientOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = std::move(options);
  impl_->tokens = std::max(1, impl_->opt.requests_per_minute);
}

GraphqlClient::~GraphqlClient() = default;

void GraphqlClient::set_bearer_token(std::optional<std::string> token) {
  std::lock_guard lock(impl_->mutex);
  impl_->opt.bearer_token = std::move(token);
}

int GraphqlClient::requests_sent() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->sent;
}

Result<boost::json::value> GraphqlClient::execute(std::string_view operation_name,
                                                  std::string_view query,
                                                  const boost::json::object& variables) {
  std::lock_guard lock(impl_->mutex);
  try {
    boost::json::object payload;
    payload["query"] = query;
    payload["variables"] = variables;
    payload["operationName"] = operation_name;
    const std::string body = boost::json::serialize(payload);
    const std::string url = api_url(impl_->opt.base_url, "/api");
    const std::string op(operation_name);

    for (int attempt = 0;; ++attempt) {
      impl_->pace();
      ++impl_->sent;
      auto answer = post(impl_->opt, url, "application/json", body, impl_->opt.bearer_token);
      if (!answer) {
        Failure f = answer.failure();
        f.reason = op + ": " + f.reason;
        return f;
      }
      if (answer->status == 429) {
        auto wait = parse_retry_after(answer->retry_after, std::chrono::system_clock::now())
                        .value_or(std::chrono::seconds(1 << std::min(attempt, 5)));
        if (attempt >= impl_->opt.max_retries || wait > impl_->opt.max_retry_after)
          return fail(Failure::Kind::rate_limited,
                      op + ": HTTP 429 from Decidim (Retry-After " +
                          (answer->retry_after.empty() ? "absent" : answer->retry_after) +
                          ") after " + std::to_string(attempt + 1) + " attempts",
                      429);
        impl_->sleep(std::chrono::duration_cast<std::chrono::milliseconds>(wait));
        continue;
      }
      if (answer->status != 200) {
        std::string reason = op + ": HTTP " + std::to_string(answer->status);
        if (answer->status >= 300 && answer->status < 400)
          reason += " (redirect not followed; the API may require authentication)";
        else if (!answer->body.empty())
          reason += ": " + snippet(answer->body);
        return fail(Failure::Kind::http_status, reason, answer->status);
      }
      boost::system::error_code ec;
      boost::json::value doc = boost::json::parse(answer->body, ec);
      if (ec)
        return fail(Failure::Kind::malformed_json,
                    op + ": answer is not JSON (" + ec.message() + "): " + snippet(answer->body),
                    200);
      if (!doc.is_object())
        return fail(Failure::Kind::malformed_json, op + ": answer is not a JSON object", 200);
      auto& obj = doc.as_object();
      if (auto* errors = obj.if_contains("errors"); errors && !errors->is_null()) {
        std::string reason = op + ": GraphQL errors:";
        if (errors->is_array()) {
          int shown = 0;
          for (const auto& e : errors->as_array()) {
            if (++shown > 3) break;
            const boost::json::value* m =
                e.is_object() ? e.as_object().if_contains("message") : nullptr;
            reason += " ";
            reason += (m && m->is_string()) ? std::string(m->as_string()) : "(no message)";
            reason += ";";
          }
        }
        if (!reason.empty() && reason.back() == ';') reason.pop_back();
        return fail(Failure::Kind::graphql_errors, reason, 200);
      }
      auto* data = obj.if_contains("data");
      if (!data || !data->is_object())
        return fail(Failure::Kind::malformed_json, op + ": answer has no data object", 200);
      return *data;
    }
  } catch (const std::exception& e) {
    return fail(Failure::Kind::network, std::string(operation_name) + ": " + e.what());
  }
}

Result<std::string> sign_in(const ClientOptions& options, std::string_view api_key,
                            std::string_view api_secret) {
  try {
    ensure_curl_global();
    auto escape = [](std::string_view s) {
      char* e = curl_easy_escape(nullptr, s.data(), static_cast<int>(s.size()));
      std::string out = e ? e : "";
      curl_free(e);
      return out;
    };
    std::string body =
        "api_user%5Bkey%5D=" + escape(api_key) + "&api_user%5Bsecret%5D=" + escape(api_secret);
    auto answer = post(options, api_url(options.base_url, "/api/sign_in"),
                       "application/x-www-form-urlencoded", body, std::nullopt);
    if (!answer) return answer.failure();
    if (answer->status != 200)
      return fail(Failure::Kind::auth,
                  "sign_in: HTTP " + std::to_string(answer->status) + " (key or secret refused)",
                  answer->status);
    const std::string prefix = "Bearer ";
    if (answer->authorization.rfind(prefix, 0) == 0 && answer->authorization.size() > prefix.size())
      return answer->authorization.substr(prefix.size());
    boost::system::error_code ec;
    auto doc = boost::json::parse(answer->body, ec);
    if (!ec && doc.is_object()) {
      if (auto* t = doc.as_object().if_contains("jwt_token");
          t && t->is_string() && !t->as_string().empty())
        return std::string(t->as_string());
    }
    return fail(Failure::Kind::auth, "sign_in: answer carried no token", answer->status);
  } catch (const std::exception& e) {
    return fail(Failure::Kind::network, std::string("sign_in: ") + e.what());
  }
}

}  // namespace dialogd::decidim
