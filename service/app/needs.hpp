#pragma once
// Needs (behov) drawn from contributions while analysing.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "store/need_repository.hpp"

namespace dialogd::app {

using Need = store::NeedRecord;

struct NeedFact {
  std::optional<std::string> source;
  std::string text;
};

struct NeedInput {
  std::string title;
  std::optional<std::string> description;
  std::vector<std::string> contribution_ids;  // at least one, each the dialogue's
  bool contribution_ids_given = true;
  std::vector<NeedFact> facts;
  codec::FieldErrors read_errors;
};

Result<Need> record_need(Context& ctx, const std::string& dialogue_id, NeedInput in);
Result<Need> find_need(Context& ctx, const std::string& id);
Result<std::vector<Need>> list_needs(Context& ctx, const std::string& dialogue_id,
                                     const Page& page);
using NeedEdit = std::function<NeedInput(const Need& current)>;
Result<Need> edit_need(Context& ctx, const std::string& id, const Precondition& pre,
                       const NeedEdit& edit);

}  // namespace dialogd::app
