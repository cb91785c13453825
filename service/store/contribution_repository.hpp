#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct ContributionRecord {
  std::string id, dialogue_id;
  std::optional<std::string> activity_id;
  std::string receipt, channel, language;
  std::string document;  // the contribution's public JSON (text, themes, groups, disposition...)
  std::vector<std::string> themes;
  std::vector<std::string> groups;  // target-group keys; also in the document
  long long version = 1;
  std::string created_at;
};

struct Contact {
  std::string email;
  std::optional<std::string> name;
  std::string consented_at;
};

struct ContributionFilter {
  std::optional<std::string> theme, activity_id, channel;
};

class ContributionRepository {
 public:
  explicit ContributionRepository(Connection& c) : conn_(c) {}
  // The contact, when given, is stored apart from the contribution in the same transaction.
  // False, with nothing written, when another contribution has the receipt code already.
  // `count_at_commit`: the dialogue's count is added at the transaction's end, once per dialogue
  // (the group commit: on PostgreSQL the count's row, which every contribution of the dialogue
  // writes, is then locked for the commit only, not for the whole group). Only for an insert that
  // is not undone before the commit: a savepoint's undo would not take the count back.
  bool insert(const ContributionRecord& c, const std::optional<Contact>& contact,
              bool count_at_commit = false);
  std::optional<ContributionRecord> find(const std::string& id);
  std::vector<ContributionRecord> list(const std::string& dialogue_id,
                                       const ContributionFilter& filter,
                                       const std::optional<std::string>& after, int limit);
  long long count(const std::string& dialogue_id);

  // The disposition an official recorded (null when none); `need` is derived from citing needs.
  struct Disposition {
    std::string value;
    std::optional<std::string> reason;
  };
  std::optional<Disposition> disposition(const std::string& contribution_id);
  void set_disposition(const std::string& contribution_id, const Disposition& d,
                       const std::string& now);
  void bump_version(const std::string& contribution_id);
  // An imported contribution's new text (the platform's edit): the document and a new version.
  void revise_document(const std::string& contribution_id, const std::string& document);
  std::optional<ContributionRecord> find_by_receipt(const std::string& receipt);
  // Aggregates for open data: (key, count) by channel, by theme, and by target group.
  std::vector<std::pair<std::string, long long>> counts_by_channel(const std::string& dialogue_id);
  std::vector<std::pair<std::string, long long>> counts_by_theme(const std::string& dialogue_id);
  std::vector<std::pair<std::string, long long>> counts_by_group(const std::string& dialogue_id);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
