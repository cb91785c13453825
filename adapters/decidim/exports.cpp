#include "decidim/exports.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cstdio>

namespace dialogd::decidim {
namespace {

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ';';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

std::string format_progress(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", p);
  return buf;
}

std::string html_of(const std::string& s) {
  if (s.empty()) return s;
  auto lt = s.find('<');
  if (lt != std::string::npos && lt + 1 < s.size() &&
      (std::isalpha(static_cast<unsigned char>(s[lt + 1])) || s[lt + 1] == '/'))
    return s;
  return text_to_html(s);
}

Result<std::int64_t> numeric_id(const std::string& id, std::size_t row) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(id.data(), id.data() + id.size(), v);
  if (ec != std::errc() || p != id.data() + id.size() || v <= 0)
    return fail(Failure::Kind::parse, "[" + std::to_string(row) +
                                          "].proposal_id: expected a numeric Decidim id, got \"" +
                                          id + "\"");
  return v;
}

Result<bool> check_state(const ProposalOutcome& o, std::size_t row) {
  if (o.state != "accepted" && o.state != "rejected" && o.state != "evaluating")
    return fail(Failure::Kind::parse,
                "[" + std::to_string(row) + "].state: unknown state \"" + o.state + "\"");
  return true;
}

}  // namespace

std::string csv_field(std::string_view value, char separator) {
  bool quote =
      value.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string_view::npos;
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string results_csv(const std::vector<MeasureResult>& results) {
  std::string out =
      csv_row({"id", "parent/id", "title/sv", "title/en", "description/sv", "description/en",
               "start_date", "end_date", "status/id", "progress", "external_id"});
  int placeholder = 9000000;
  for (const auto& r : results) {
    std::string id = r.result_id ? *r.result_id : std::to_string(++placeholder);
    out += csv_row({id, r.parent_id ? std::to_string(*r.parent_id) : "", r.title_sv, r.title_en,
                    html_of(r.description_sv), html_of(r.description_en), r.start_date.value_or(""),
                    r.end_date.value_or(""), r.status_id ? std::to_string(*r.status_id) : "",
                    r.progress ? format_progress(*r.progress) : "", r.external_id});
  }
  return out;
}

Result<std::string> proposal_answers_json(const std::vector<ProposalOutcome>& outcomes) {
  boost::json::array rows;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    auto id = numeric_id(o.proposal_id, i);
    if (!id) return id.failure();
    auto st = check_state(o, i);
    if (!st) return st.failure();
    boost::json::object row;
    row["id"] = *id;
    row["state"] = o.state;
    row["answer/sv"] = html_of(o.answer_sv);
    row["answer/en"] = html_of(o.answer_en);
    rows.push_back(std::move(row));
  }
  return boost::json::serialize(rows);
}

Result<std::string> proposal_answers_csv(const std::vector<ProposalOutcome>& outcomes) {
  std::string out = csv_row({"id", "state", "answer/sv", "answer/en"});
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    auto id = numeric_id(o.proposal_id, i);
    if (!id) return id.failure();
    auto st = check_state(o, i);
    if (!st) return st.failure();
    out += csv_row({std::to_string(*id), o.state, html_of(o.answer_sv), html_of(o.answer_en)});
  }
  return out;
}

}  // namespace dialogd::decidim
