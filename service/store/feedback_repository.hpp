#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct FeedbackMoment {
  std::string dialogue_id, moment, happened_on, due_on;
};

struct PublicEntry {
  std::string dialogue_id, moment, document, published_at;
};

// The message counts of one moment, by status, and how many are unsent past their due date.
struct MomentCounts {
  long long owed = 0, sent = 0, failed = 0, pending = 0, overdue = 0;
};

struct ContactRow {
  std::string contribution_id, email;
  std::optional<std::string> name;
  std::string language;
};

struct Webhook {
  std::string id, url, events, secret, created_at;
  std::string organisation_id{"default"};
};

class FeedbackRepository {
 public:
  explicit FeedbackRepository(Connection& c) : conn_(c) {}
  void record_moment(const FeedbackMoment& m, const std::string& now);
  std::vector<FeedbackMoment> moments(const std::string& dialogue_id);
  MomentCounts counts(const std::string& dialogue_id, const std::string& moment,
                      const std::string& today);
  long long unsent(const std::string& dialogue_id);  // pending or failed, any moment
  void publish(const PublicEntry& e);
  std::vector<PublicEntry> public_entries(const std::string& dialogue_id);

  // Personal data: every caller logs the read with its reason (never the address).
  std::vector<ContactRow> contacts_of_dialogue(const std::string& dialogue_id);
  std::vector<ContactRow> contacts_of(const std::vector<std::string>& contribution_ids);
  long long erase_contacts_of_dialogue(const std::string& dialogue_id);
  // Within one organisation's dialogues.
  long long erase_contacts_by_email(const std::string& email, const std::string& organisation_id);
  long long opted_in_people(const std::string& dialogue_id);
  // How many of a dialogue's contributions a person can follow to an outcome (domain::is_traced):
  // those cited by a need the board answered (`answered_need_ids`, the dialogue's own), and those
  // no need cites whose recorded disposition, other than `need`, gives a reason. Counted in SQL:
  // a dialogue may have hundreds of thousands.
  long long traced_contributions(const std::string& dialogue_id,
                                 const std::vector<std::string>& answered_need_ids);

  // Dialogues with feedback messages unsent past their due date, in id order, each with how many
  // such messages it has among its recorded moments (the sum of counts().overdue over moments()):
  // one grouped query over unsent email.
  std::vector<std::pair<std::string, long long>> overdue_messages_by_dialogue(
      const std::string& today, const std::string& organisation_id);
  // (dialogue id, decision document) of every decided dialogue, whose follow-up may be late.
  std::vector<std::pair<std::string, std::string>> decisions_awaiting_follow_up(
      const std::string& organisation_id);

  Webhook add_webhook(const Webhook& w);
  std::vector<Webhook> webhooks(const std::string& organisation_id);
  std::optional<Webhook> webhook(const std::string& id);  // any organisation's (the worker's)
  bool delete_webhook(const std::string& id, const std::string& organisation_id,
                      const std::string& now);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
