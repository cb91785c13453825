#include "delivery/worker.hpp"

#include "store/audit_repository.hpp"
#include "store/dialogue_repository.hpp"
#include "support/ids.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "delivery/senders.hpp"
#include "store/feedback_repository.hpp"
#include "store/outbox_repository.hpp"
#include "support/ids.hpp"

namespace dialogd::delivery {
namespace json = boost::json;

namespace {

using support::rfc3339;

void log(const std::string& line) {
  std::fprintf(stderr, "%s\n", line.c_str());
}

}  // namespace

Worker::Worker(store::ConnectionPool& pool, const support::Clock& clock, WorkerConfig config)
    : pool_(pool),
      clock_(clock),
      config_(std::move(config)),
      instance_("worker-" + support::random_hex(6)) {}

Worker::~Worker() {
  stop();
}

void Worker::start() {
  thread_ = std::thread([this] { run(); });
}

void Worker::stop() {
  stopping_ = true;
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Worker::run() {
  while (!stopping_) {
    bool busy = false;
    try {
      busy = deliver_batch();
    } catch (const std::exception& e) {
      log(json::serialize(
          json::object{{"level", "warn"}, {"msg", "delivery round failed"}, {"error", e.what()}}));
    }
    if (busy) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, config_.poll, [this] { return stopping_.load(); });
  }
}

bool Worker::deliver_batch() {
  auto lease = pool_.acquire();
  store::OutboxRepository outbox(*lease);
  const auto audit_contact_read = [&](store::Connection& db,
                                      const std::optional<std::string>& dialogue_id,
                                      std::string reason) {
    store::AuditEntry e;
    e.id = support::new_id();
    if (dialogue_id)
      if (auto d = store::DialogueRepository(db).find(*dialogue_id))
        e.organisation_id = d->organisation_id;
    e.at = clock_.now_rfc3339();
    e.actor_name = "delivery worker " + instance_;
    e.actor_role = "system";
    e.action = "contacts.read";
    e.target = dialogue_id;
    e.detail = std::move(reason);
    store::AuditRepository(db).append(e);
  };
  store::FeedbackRepository feedback(*lease);
  const auto now = clock_.now();
  std::vector<std::string> channels{"webhook"};
  if (!config_.smtp_url.empty()) channels.push_back("email");
  const auto batch =
      outbox.claim(instance_, rfc3339(now), rfc3339(now + config_.lease), 10, channels);
  for (const auto& m : batch) {
    if (stopping_) break;
    const json::value payload = json::parse(m.payload);
    SendResult result;
    if (m.channel == "email") {
      std::vector<std::string> ids;
      for (const auto& id : payload.at("contribution_ids").as_array())
        ids.emplace_back(id.as_string());
      const auto contacts = feedback.contacts_of(ids);
      // Every read of contact details is logged and audited with its reason, never with the
      // address.
      log(R"({"level":"info","msg":"contact details read","reason":"send )" + m.topic +
          R"(","message_id":")" + m.id + "\"}");
      audit_contact_read(*lease, m.dialogue_id, "send " + m.topic + " (message " + m.id + ")");
      if (contacts.empty()) {
        outbox.mark_failed(m.id, instance_, "the contact details were erased before sending");
        continue;
      }
      result = send_email(config_.smtp_url, config_.mail_from, contacts.front().email,
                          contacts.front().name.value_or(""),
                          std::string(payload.at("subject").as_string()),
                          std::string(payload.at("body").as_string()), m.id);
    } else {
      const auto hook = feedback.webhook(m.recipient);
      if (!hook) {
        outbox.mark_failed(m.id, instance_, "the webhook was deleted");
        continue;
      }
      result = post_webhook(hook->url, hook->secret, m.topic, m.id, m.payload,
                            config_.allow_private_webhooks);
    }
    const std::string settled_at = clock_.now_rfc3339();
    if (result.ok) {
      outbox.mark_sent(m.id, instance_, settled_at);
      // A cancelled dialogue's contacts are erased once its cancellation feedback is delivered.
      if (m.channel == "email" && m.topic == "feedback.cancellation" && m.dialogue_id &&
          feedback.unsent(*m.dialogue_id) == 0) {
        lease->begin_write();
        feedback.erase_contacts_of_dialogue(*m.dialogue_id);
        lease->commit();
      }
    } else if (m.attempts >= config_.max_attempts) {
      outbox.mark_failed(m.id, instance_,
                         result.error + " (after " + std::to_string(m.attempts) + " attempts)");
    } else {
      const auto backoff = config_.retry_base * (1LL << std::min<long long>(m.attempts - 1, 16));
      outbox.mark_retry(m.id, instance_, result.error, rfc3339(clock_.now() + backoff));
    }
  }
  return !batch.empty();
}

}  // namespace dialogd::delivery
