#include "decidim/write_back.hpp"

#include <cctype>

namespace dialogd::decidim {
namespace {

constexpr const char* kAnswerProposal =
    R"(mutation AnswerProposal($componentId: ID!, $proposalId: ID!, $input: AnswerInput!) {
  component(id: $componentId) {
    ... on ProposalsMutation {
      proposal(id: $proposalId) {
        answer(input: $input) { id state answeredAt }
      }
    }
  }
})";

constexpr const char* kCreateResult =
    R"(mutation CreateResult($componentId: ID!, $input: CreateResultInput!) {
  component(id: $componentId) {
    ... on AccountabilityMutation { createResult(input: $input) { id progress status { key } } }
  }
})";

constexpr const char* kUpdateResult =
    R"(mutation UpdateResult($componentId: ID!, $resultId: ID!, $input: UpdateResultInput!) {
  component(id: $componentId) {
    ... on AccountabilityMutation {
      result(id: $resultId) { update(input: $input) { id progress status { key } updatedAt } }
    }
  }
})";

bool looks_like_html(std::string_view s) {
  auto lt = s.find('<');
  return lt != std::string_view::npos && lt + 1 < s.size() &&
         (std::isalpha(static_cast<unsigned char>(s[lt + 1])) || s[lt + 1] == '/');
}

std::string as_html(std::string_view s) {
  return looks_like_html(s) ? std::string(s) : text_to_html(s);
}

bool is_date(const std::string& v) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  return true;
}

boost::json::object translated(const std::string& sv, const std::string& en) {
  boost::json::object o;
  if (!sv.empty()) o["sv"] = as_html(sv);
  if (!en.empty()) o["en"] = as_html(en);
  return o;
}

Result<boost::json::object> result_attributes(const MeasureResult& r, bool creating) {
  boost::json::object a;
  if (creating && r.title_sv.empty() && r.title_en.empty())
    return fail(Failure::Kind::parse, "title: required when creating a result");
  if (!r.title_sv.empty() || !r.title_en.empty()) {
    boost::json::object t;  // titles are plain text in Decidim
    if (!r.title_sv.empty()) t["sv"] = r.title_sv;
    if (!r.title_en.empty()) t["en"] = r.title_en;
    a["title"] = std::move(t);
  }
  if (!r.description_sv.empty() || !r.description_en.empty())
    a["description"] = translated(r.description_sv, r.description_en);
  if (r.start_date) {
    if (!is_date(*r.start_date))
      return fail(Failure::Kind::parse, "start_date: expected YYYY-MM-DD");
    a["startDate"] = *r.start_date;
  }
  if (r.end_date) {
    if (!is_date(*r.end_date)) return fail(Failure::Kind::parse, "end_date: expected YYYY-MM-DD");
    a["endDate"] = *r.end_date;
  }
  if (r.progress) {
    if (!(*r.progress >= 0.0 && *r.progress <= 100.0))
      return fail(Failure::Kind::parse, "progress: expected 0..100");
    a["progress"] = static_cast<double>(*r.progress);  // Float, even for whole numbers
  }
  if (r.status_id) a["decidimAccountabilityStatusId"] = static_cast<std::int64_t>(*r.status_id);
  if (r.parent_id) a["parentId"] = static_cast<std::int64_t>(*r.parent_id);
  if (!r.external_id.empty()) a["externalId"] = r.external_id;
  if (!r.proposal_ids.empty()) {
    boost::json::array ids;
    for (int id : r.proposal_ids) ids.push_back(static_cast<std::int64_t>(id));
    a["proposalIds"] = std::move(ids);
  }
  return a;
}

}  // namespace

std::string text_to_html(std::string_view text) {
  std::string out;
  std::string para;
  auto flush = [&] {
    auto b = para.find_first_not_of(" \n");
    if (b != std::string::npos) {
      auto e = para.find_last_not_of(" \n");
      out += "<p>" + para.substr(b, e - b + 1) + "</p>";
    }
    para.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
      flush();
      while (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      continue;
    }
    switch (c) {
      case '&':
        para += "&amp;";
        break;
      case '<':
        para += "&lt;";
        break;
      case '>':
        para += "&gt;";
        break;
      case '"':
        para += "&quot;";
        break;
      case '\n':
        para += "<br>";
        break;
      default:
        para += c;
    }
  }
  flush();
  return out;
}

Result<GraphqlRequest> build_answer_proposal(const ProposalOutcome& o) {
  if (o.component_id.empty()) return fail(Failure::Kind::parse, "component_id: required");
  if (o.proposal_id.empty()) return fail(Failure::Kind::parse, "proposal_id: required");
  if (o.state != "accepted" && o.state != "rejected" && o.state != "evaluating")
    return fail(Failure::Kind::parse,
                "state: expected accepted, rejected or evaluating, got \"" + o.state + "\"");
  if (o.state != "evaluating" && o.answer_sv.empty() && o.answer_en.empty())
    return fail(Failure::Kind::parse, "answer_sv: an answer text is required for " + o.state);
  GraphqlRequest req{"AnswerProposal", kAnswerProposal, {}};
  req.variables["componentId"] = o.component_id;
  req.variables["proposalId"] = o.proposal_id;
  boost::json::object attributes;
  attributes["state"] = o.state;
  attributes["answerContent"] = translated(o.answer_sv, o.answer_en);
  boost::json::object input;
  if (!o.client_mutation_id.empty()) input["clientMutationId"] = o.client_mutation_id;
  input["attributes"] = std::move(attributes);
  req.variables["input"] = std::move(input);
  return req;
}

Result<GraphqlRequest> build_create_result(const MeasureResult& r) {
  if (r.component_id.empty()) return fail(Failure::Kind::parse, "component_id: required");
  auto attributes = result_attributes(r, true);
  if (!attributes) return attributes.failure();
  GraphqlRequest req{"CreateResult", kCreateResult, {}};
  req.variables["componentId"] = r.component_id;
  boost::json::object input;
  input["attributes"] = std::move(*attributes);
  req.variables["input"] = std::move(input);
  return req;
}

Result<GraphqlRequest> build_update_result(const MeasureResult& r) {
  if (r.component_id.empty()) return fail(Failure::Kind::parse, "component_id: required");
  if (!r.result_id || r.result_id->empty())
    return fail(Failure::Kind::parse, "result_id: required");
  auto attributes = result_attributes(r, false);
  if (!attributes) return attributes.failure();
  GraphqlRequest req{"UpdateResult", kUpdateResult, {}};
  req.variables["componentId"] = r.component_id;
  req.variables["resultId"] = *r.result_id;
  boost::json::object input;
  input["attributes"] = std::move(*attributes);
  req.variables["input"] = std::move(input);
  return req;
}

}  // namespace dialogd::decidim
