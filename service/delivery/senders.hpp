#pragma once
// Sending one message: email through an SMTP server, events to a webhook. Both through libcurl
// (Debian's libcurl4-openssl-dev), a maintained client, not a hand-written protocol.
#include <string>

namespace dialogd::delivery {

struct SendResult {
  bool ok = false;
  std::string error;  // for the outbox's last_error; never an address
};

// `smtp_url` as libcurl takes it: smtp://host:port, smtps://user:password@host:465 ...
SendResult send_email(const std::string& smtp_url, const std::string& from, const std::string& to,
                      const std::string& to_name, const std::string& subject,
                      const std::string& body, const std::string& message_id);

// POST `body` with an HMAC-SHA256 signature of it, keyed by the webhook's secret. The host is
// resolved and checked again (support/outbound.hpp) and the connection pinned to the checked
// address; redirects are not followed; the answer is read up to 64 KiB within 15 seconds.
SendResult post_webhook(const std::string& url, const std::string& secret, const std::string& event,
                        const std::string& message_id, const std::string& body,
                        bool allow_private);

}  // namespace dialogd::delivery
