#include "domain/representation.hpp"

#include <algorithm>

namespace dialogd::domain {

std::string_view to_string(GroupStatus s) {
  switch (s) {
    case GroupStatus::under:
      return "under";
    case GroupStatus::ok:
      return "ok";
    case GroupStatus::over:
      return "over";
  }
  return "ok";
}

Representation represent(const std::vector<TargetGroup>& groups, double threshold,
                         long long total_participants,
                         const std::map<std::string, long long>& reached) {
  Representation r;
  r.total_participants = total_participants;
  r.threshold = threshold;
  for (const TargetGroup& g : groups) {
    GroupRepresentation out;
    out.key = g.key;
    out.label = g.label;
    out.expected_share = g.expected_share.value_or(0.0);
    if (auto it = reached.find(g.key); it != reached.end()) out.reached = it->second;
    if (total_participants > 0) {
      out.reached_share =
          static_cast<double>(out.reached) / static_cast<double>(total_participants);
      out.ratio = out.expected_share > 0 ? out.reached_share / out.expected_share : 0.0;
    }
    if (total_participants == 0 || out.ratio < threshold)
      out.status = GroupStatus::under;
    else if (out.ratio > 1.0 / threshold)
      out.status = GroupStatus::over;
    else
      out.status = GroupStatus::ok;
    // A group nobody expected (share 0) is not under-represented once anyone takes part.
    if (total_participants > 0 && out.expected_share == 0) out.status = GroupStatus::ok;
    if (out.status == GroupStatus::under) r.under.push_back(out.key);
    r.groups.push_back(std::move(out));
  }
  return r;
}

std::vector<MethodReach> rank_methods(std::vector<MethodReach> methods) {
  std::stable_sort(methods.begin(), methods.end(), [](const MethodReach& a, const MethodReach& b) {
    const bool a_none = a.reached == 0, b_none = b.reached == 0;
    if (a_none != b_none) return !a_none;
    if (a.share() != b.share()) return a.share() > b.share();
    if (a.total != b.total) return a.total > b.total;
    return a.method < b.method;
  });
  return methods;
}

}  // namespace dialogd::domain
