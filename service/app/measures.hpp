#pragma once
// Measures: proposed by the board, decided by the council, followed with append-only status
// updates.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/result.hpp"
#include "store/measure_repository.hpp"

namespace dialogd::app {

using Measure = store::MeasureRecord;

Result<std::vector<Measure>> list_measures(Context& ctx, const std::string& dialogue_id);
Result<Measure> find_measure(Context& ctx, const std::string& id);

struct MeasureUpdateInput {
  std::string on;      // YYYY-MM-DD
  std::string status;  // domain::measure_status_keys
  std::optional<int> progress;
  std::optional<std::string> note;
  codec::FieldErrors read_errors;
};
Result<Measure> update_measure(Context& ctx, const std::string& measure_id, MeasureUpdateInput in);

}  // namespace dialogd::app
