#pragma once
// The representation checkpoint (avstämning): who was reached compared with who was expected, and
// which methods have reached an under-represented group best so far.
#include <map>
#include <string>
#include <vector>

#include "domain/plan.hpp"

namespace dialogd::domain {

enum class GroupStatus { under, ok, over };
std::string_view to_string(GroupStatus s);

struct GroupRepresentation {
  std::string key, label;
  double expected_share = 0;
  long long reached = 0;
  double reached_share = 0;
  double ratio = 0;
  GroupStatus status = GroupStatus::under;
};

struct Representation {
  long long total_participants = 0;
  double threshold = default_representation_threshold;
  std::vector<GroupRepresentation> groups;
  std::vector<std::string> under;
};

// `reached` sums each group's counts over the dialogue's activities. Groups may overlap, so shares
// need not add up to 1. With no participants every share and ratio is 0 and every group is under.
Representation represent(const std::vector<TargetGroup>& groups, double threshold,
                         long long total_participants,
                         const std::map<std::string, long long>& reached);

// What one method has done for one group across the store's activities.
struct MethodReach {
  std::string method;
  long long reached = 0;  // the group's participants in activities of this method
  long long total = 0;    // all participants of those activities
  double share() const {
    return total > 0 ? static_cast<double>(reached) / static_cast<double>(total) : 0.0;
  }
};

// Best first: by the group's share among the method's participants, ties by more participants;
// methods that reached none of the group last.
std::vector<MethodReach> rank_methods(std::vector<MethodReach> methods);

}  // namespace dialogd::domain
