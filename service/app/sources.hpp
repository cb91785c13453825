#pragma once
// Links between a dialogue and a participation platform's process (a Decidim participatory
// process): where its meetings and proposals are read from, and where outcomes are written back.
// The import and sync themselves belong to the Decidim adapter (adapters/decidim).
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/result.hpp"
#include "store/source_repository.hpp"

namespace dialogd::app {

using Source = store::SourceRecord;

struct SourceCredentials {
  std::string api_key, api_secret;  // Decidim 0.31's API user, exchanged at /api/sign_in
};

struct SourceInput {
  std::string kind;  // decidim
  std::string base_url;
  std::string process_id;
  std::vector<std::string> components;  // empty: every component of the process
  std::optional<SourceCredentials> credentials;
  bool allow_private = false;  // the operator's --allow-private-webhooks
  codec::FieldErrors read_errors;
};

Result<Source> link_source(Context& ctx, const std::string& dialogue_id, SourceInput in);
Result<std::vector<Source>> list_sources(Context& ctx, const std::string& dialogue_id);

}  // namespace dialogd::app
