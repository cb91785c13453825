#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/dialogue.hpp"
#include "domain/stage_facts.hpp"
#include "store/connection.hpp"

namespace dialogd::store {

struct DialogueQuery {
  std::optional<std::string> organisation_id, state, body_id, before_id;
  std::optional<long long> year;  // the plan item's year, else the year it was created
  bool published_only = false;    // leave drafts out (what the public may list)
};

class DialogueRepository {
 public:
  explicit DialogueRepository(Connection& c) : conn_(c) {}

  std::optional<domain::Dialogue> find(const std::string& id);
  // Only the version (one indexed read, nothing parsed): is a dialogue still as it was read?
  std::optional<std::int64_t> version_of(const std::string& id);
  void insert(const domain::Dialogue& d);
  // Writes `d` (with its bumped version) only if the stored version is still `expected_version`.
  bool update(const domain::Dialogue& d, std::int64_t expected_version);
  bool remove(const std::string& id, std::int64_t expected_version);
  // Newest first; ids are time-ordered, so "after" a cursor means a smaller id.
  std::vector<domain::Dialogue> list(const DialogueQuery& query, int limit);
  domain::StageFacts facts(const std::string& id);
  // facts() and what the stage guards read: needs, dispositions, stage documents, measures.
  domain::StageFacts transition_facts(const std::string& id);

 private:
  void write_target_groups(const domain::Dialogue& d);
  Connection& conn_;
};

}  // namespace dialogd::store
