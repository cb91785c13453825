#pragma once
// The plan and the ladder design as JSON: one shape for the API and the stored plan document.
#include <array>
#include <boost/json/object.hpp>
#include <string_view>

#include "codec/field_errors.hpp"
#include "domain/plan.hpp"

namespace dialogd::codec {

namespace json = boost::json;

json::object to_json(const domain::Plan& plan);
json::object to_json(const domain::Design& design);

// Reads a whole plan; every problem goes to `errors`. Members the service owns are refused as
// read-only.
domain::Plan read_plan(const json::object& obj, FieldErrors& errors);
// Target groups as plans, bodies' principles and yearly plans write them.
json::array target_groups_json(const std::vector<domain::TargetGroup>& groups);
class Reader;
std::vector<domain::TargetGroup> read_target_groups(Reader& r, std::string_view key,
                                                    FieldErrors& errors);
domain::Design read_design(const json::object& obj, const std::string& path, FieldErrors& errors);

// Members of a dialogue's representation that a client may not write.
// (body_id and plan_item are given when a dialogue is created, and fixed after that.)
inline constexpr std::array<std::string_view, 10> dialogue_read_only{
    "id",     "state",  "version",         "created_at", "updated_at",
    "ladder", "counts", "organisation_id", "body_id",    "plan_item"};

// RFC 7396 JSON merge patch: `patch` applied to `target`.
void merge_patch(json::value& target, const json::value& patch);

// Target-group keys: what `by_group` maps and reports name.
bool valid_group_key(std::string_view key);

}  // namespace dialogd::codec
