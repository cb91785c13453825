#include "delivery/senders.hpp"

#include <curl/curl.h>

#include <cstring>

#include "support/ids.hpp"
#include "support/outbound.hpp"

namespace dialogd::delivery {
namespace {

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->data->size() - up->offset);
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

// A receiver's answer is read and dropped, up to 64 KiB: a larger one aborts the transfer.
std::size_t bounded(char*, std::size_t size, std::size_t count, void* received) {
  auto& total = *static_cast<std::size_t*>(received);
  total += size * count;
  return total > 64 * 1024 ? 0 : size * count;
}

// RFC 2047: a subject with non-ASCII characters travels base64-encoded as UTF-8.
std::string encoded_header(const std::string& text) {
  bool ascii = true;
  for (unsigned char c : text) ascii = ascii && c < 128;
  if (ascii) return text;
  static constexpr char table[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    b64 += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
  }
  if (i + 1 == text.size()) {
    const unsigned v = static_cast<unsigned char>(text[i]) << 16;
    b64 += {table[v >> 18], table[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == text.size()) {
    const unsigned v = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8);
    b64 += {table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
  }
  return "=?UTF-8?B?" + b64 + "?=";
}

// SMTP bodies end lines in CRLF.
std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

SendResult send_email(const std::string& smtp_url, const std::string& from, const std::string& to,
                      const std::string& to_name, const std::string& subject,
                      const std::string& body, const std::string& message_id) {
  const std::string message =
      crlf("From: <" + from + ">\nTo: " + (to_name.empty() ? "" : encoded_header(to_name) + " ") +
           "<" + to + ">\nSubject: " + encoded_header(subject) + "\nMessage-ID: <" + message_id +
           "@dialogd>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
           "Content-Transfer-Encoding: 8bit\n\n" +
           body);
  CURL* curl = curl_easy_init();
  if (!curl) return {false, "curl unavailable"};
  Upload upload{&message};
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_URL, smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return {false, std::string("smtp: ") + curl_easy_strerror(rc)};
  return {true, {}};
}

SendResult post_webhook(const std::string& url, const std::string& secret, const std::string& event,
                        const std::string& message_id, const std::string& body,
                        bool allow_private) {
  const auto target = support::check_outbound(url, allow_private);
  if (!target.allowed) return {false, "webhook refused: " + target.reason};
  const auto parts = support::parse_http_url(url);
  CURL* curl = curl_easy_init();
  if (!curl) return {false, "curl unavailable"};
  // Pinned: the address checked above is the one connected to, whatever DNS answers next.
  const std::string pin = parts->host + ":" + std::to_string(parts->port) + ":" +
                          (target.addresses.front().find(':') != std::string::npos
                               ? "[" + target.addresses.front() + "]"
                               : target.addresses.front());
  curl_slist* resolve = curl_slist_append(nullptr, pin.c_str());
  curl_easy_setopt(curl, CURLOPT_RESOLVE, resolve);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
  std::size_t received = 0;
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &received);
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, ("X-Dialogd-Event: " + event).c_str());
  headers = curl_slist_append(headers, ("X-Dialogd-Delivery: " + message_id).c_str());
  headers = curl_slist_append(
      headers, ("X-Dialogd-Signature: sha256=" + support::hmac_sha256_hex(secret, body)).c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, bounded);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 15L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_slist_free_all(resolve);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return {false, std::string("webhook: ") + curl_easy_strerror(rc)};
  if (status < 200 || status >= 300)
    return {false, "webhook answered HTTP " + std::to_string(status)};
  return {true, {}};
}

}  // namespace dialogd::delivery
