#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct TimelineEntry {
  std::string id, dialogue_id, at, kind;
  std::optional<std::string> from_state, to_state, note, document;
  std::string actor_name, actor_role;
};

class TimelineRepository {
 public:
  explicit TimelineRepository(Connection& c) : conn_(c) {}
  void append(const TimelineEntry& e);
  // Oldest first, after the entry `after_id` when given.
  std::vector<TimelineEntry> list(const std::string& dialogue_id,
                                  const std::optional<std::string>& after_id, int limit);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
