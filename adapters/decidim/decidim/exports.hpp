#pragma once
// Decidim's admin import files, for instances without the write API (0.27-0.31):
// accountability results (CSV only) and proposal answers (JSON or CSV). UTF-8, ';' separated,
// RFC 4180 quoting (CRLF line ends).

#include <string>
#include <vector>

#include "decidim/write_back.hpp"

namespace dialogd::decidim {

// Columns: id;parent/id;title/sv;title/en;description/sv;description/en;start_date;end_date;
// status/id;progress;external_id. A row whose id exists in the component updates that result;
// results without result_id get a placeholder id (9000001, 9000002, ...) that creates one.
// proposal_urls is left out: Decidim's importer keeps only the last digit of each URL.
std::string results_csv(const std::vector<MeasureResult>& results);

// [{"id": 4704, "state": "accepted", "answer/sv": "<p>...</p>", "answer/en": ""}, ...]
// (the flattened form of Decidim's own sample). Non-numeric proposal ids are a parse failure.
Result<std::string> proposal_answers_json(const std::vector<ProposalOutcome>& outcomes);
// id;state;answer/sv;answer/en
Result<std::string> proposal_answers_csv(const std::vector<ProposalOutcome>& outcomes);

// One RFC 4180 field: quoted when it holds the separator, a quote, CR or LF.
std::string csv_field(std::string_view value, char separator = ';');

}  // namespace dialogd::decidim
