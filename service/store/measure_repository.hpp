#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct MeasureUpdate {
  std::string id, measure_id, on, status;
  long long progress = 0;
  std::optional<std::string> note;
  std::string created_at;
};

struct MeasureRecord {
  std::string id, dialogue_id, need_id, title;
  std::optional<std::string> description, responsible;
  std::string decision = "proposed";  // proposed | adopted | rejected
  std::optional<std::string> rejection_reason;
  std::string created_at;
  std::vector<MeasureUpdate> updates;  // oldest first
};

class MeasureRepository {
 public:
  explicit MeasureRepository(Connection& c) : conn_(c) {}
  // The board's answer proposes the dialogue's measures anew (an answer can be corrected while the
  // dialogue is reported, before anything was decided on them).
  void replace_proposals(const std::string& dialogue_id,
                         const std::vector<MeasureRecord>& measures);
  void set_decision(const std::string& id, const std::string& decision,
                    const std::optional<std::string>& reason);
  void reset_decisions(const std::string& dialogue_id);
  std::optional<MeasureRecord> find(const std::string& id);
  std::vector<MeasureRecord> for_dialogue(const std::string& dialogue_id);
  // The needs of a dialogue that have at least one measure (of any decision), in id order.
  std::vector<std::string> needs_with_measures(const std::string& dialogue_id);
  void add_update(const MeasureUpdate& u);

 private:
  void load_updates(MeasureRecord& m);
  Connection& conn_;
};

}  // namespace dialogd::store
