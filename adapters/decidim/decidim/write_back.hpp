#pragma once
// GraphQL mutations for Decidim's write API (0.32/develop; probe before use, see docs/decidim.md).
// Variables are typed as the documented arguments: IDs as strings (ID!), progress as Float,
// status and proposal ids as Int, translated texts as JSON objects {locale: html}.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "decidim/result.hpp"

namespace dialogd::decidim {

struct GraphqlRequest {
  std::string operation_name;
  std::string query;
  boost::json::object variables;
};

struct ProposalOutcome {
  std::string component_id;
  std::string proposal_id;
  std::string state;      // accepted | rejected | evaluating
  std::string answer_sv;  // HTML or plain text; plain text is wrapped in <p> and escaped
  std::string answer_en;
  std::string client_mutation_id;  // optional, for idempotency on the caller's side
};

struct MeasureResult {
  std::string component_id;
  std::optional<std::string> result_id;  // set: update; absent: create
  std::optional<int> parent_id;          // parentId (Int) / parent/id column
  std::string title_sv, title_en;
  std::string description_sv, description_en;
  std::optional<std::string> start_date;  // YYYY-MM-DD
  std::optional<std::string> end_date;
  std::optional<double> progress;  // 0..100
  std::optional<int> status_id;    // decidimAccountabilityStatusId (must exist in Decidim)
  std::vector<int> proposal_ids;
  std::string external_id;
};

// Invalid input (unknown state, progress out of range, missing ids) -> parse failure naming the
// field.
Result<GraphqlRequest> build_answer_proposal(const ProposalOutcome& outcome);
Result<GraphqlRequest> build_create_result(const MeasureResult& result);
Result<GraphqlRequest> build_update_result(const MeasureResult& result);

// Escapes text for HTML and wraps paragraphs (blank-line separated) in <p>.
std::string text_to_html(std::string_view text);

}  // namespace dialogd::decidim
