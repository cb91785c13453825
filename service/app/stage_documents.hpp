#pragma once
// The documents of the later stages: the report to the council, the board's answer, the council's
// decision and the follow-up. Each is written while its stage is current; a rewrite is a
// correction and goes into the timeline.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/result.hpp"
#include "store/stage_document_repository.hpp"

namespace dialogd::app {

using StageDocument = store::StageDocument;  // its `document` is the JSON every reader sees

struct Written {
  StageDocument document;
  bool created = false;  // the first write; later writes are corrections
};

struct ReportInput {
  std::string title;
  std::optional<std::string> summary;
  std::string presented_on;
  std::vector<std::string> need_ids;
  std::optional<std::string> url;
  codec::FieldErrors read_errors;
};

struct ProposedMeasure {
  std::string title;
  std::optional<std::string> description, responsible;
};
struct NeedResponse {
  std::string need_id;
  std::vector<ProposedMeasure> measures;
  std::optional<std::string> no_measure_reason;
};
struct AnswerInput {
  std::string answered_on;
  std::vector<NeedResponse> responses;
  codec::FieldErrors read_errors;
};

struct DecisionInput {
  std::string decided_on;
  std::string reference;
  std::vector<std::string> adopted;
  std::vector<std::pair<std::string, std::string>> rejected;  // measure id, reason
  int follow_up_months;
  codec::FieldErrors read_errors;
};

struct FollowUpInput {
  std::string held_on, summary;
  codec::FieldErrors read_errors;
};

Result<Written> write_report(Context& ctx, const std::string& dialogue_id, const Precondition& pre,
                             ReportInput in);
Result<Written> write_answer(Context& ctx, const std::string& dialogue_id, const Precondition& pre,
                             AnswerInput in);
Result<Written> write_decision(Context& ctx, const std::string& dialogue_id,
                               const Precondition& pre, DecisionInput in);
Result<Written> write_follow_up(Context& ctx, const std::string& dialogue_id,
                                const Precondition& pre, FollowUpInput in);

// kind: report | answer | decision | follow_up
Result<StageDocument> read_stage_document(Context& ctx, const std::string& dialogue_id,
                                          const std::string& kind);

}  // namespace dialogd::app
