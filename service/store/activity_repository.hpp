#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/representation.hpp"
#include "store/connection.hpp"

namespace dialogd::store {

// An activity as stored: its document is the API's JSON; the counts are kept apart for sums.
struct ActivityRecord {
  std::string id, dialogue_id;
  long long version = 1;
  std::string method, document;  // document: the activity's JSON, internal notes included
  long long participants_total = 0;
  std::map<std::string, long long> by_group;
  bool has_public_documentation = false;
  std::string created_at, updated_at;
};

class ActivityRepository {
 public:
  explicit ActivityRepository(Connection& c) : conn_(c) {}
  void insert(const ActivityRecord& a);
  bool update(const ActivityRecord& a, long long expected_version);
  std::optional<ActivityRecord> find(const std::string& id);
  bool belongs_to(const std::string& activity_id, const std::string& dialogue_id);
  std::vector<ActivityRecord> list(const std::string& dialogue_id,
                                   const std::optional<std::string>& after, int limit);
  // Sum of participants and of each group's count over the dialogue's activities.
  long long total_participants(const std::string& dialogue_id);
  std::map<std::string, long long> reached_by_group(const std::string& dialogue_id);
  // For one group key: per method, that group's participants and all participants, over the
  // activities of every dialogue that has a target group with this key.
  // Only the organisation's own dialogues teach it (tenants learn nothing from each other).
  std::vector<domain::MethodReach> reach_by_method(const std::string& group_key,
                                                   const std::string& organisation_id);

 private:
  void write_counts(const ActivityRecord& a);
  Connection& conn_;
};

}  // namespace dialogd::store
