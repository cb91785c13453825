#pragma once
// The representation checkpoint: who was reached against the target groups, the methods that
// reached an under-represented group best elsewhere, and checkpoint meetings with their snapshot.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/page.hpp"
#include "app/result.hpp"
#include "codec/representation_json.hpp"
#include "domain/representation.hpp"
#include "store/checkpoint_repository.hpp"

namespace dialogd::app {

using Checkpoint = store::CheckpointRecord;  // its document holds the representation snapshot

using MethodSuggestion = codec::GroupSuggestions;  // per under-represented group, best first
struct RepresentationView {
  domain::Representation representation;
  std::vector<MethodSuggestion> suggestions;
};

Result<RepresentationView> representation_of(Context& ctx, const std::string& dialogue_id);

struct CheckpointInput {
  std::string held_on;
  std::optional<std::string> note;
  std::vector<std::string> actions;
  codec::FieldErrors read_errors;
};
Result<Checkpoint> open_checkpoint(Context& ctx, const std::string& dialogue_id,
                                   CheckpointInput in);
Result<std::vector<Checkpoint>> list_checkpoints(Context& ctx, const std::string& dialogue_id,
                                                 const Page& page);

}  // namespace dialogd::app
