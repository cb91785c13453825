#pragma once
// The representation as the API shows it and as a checkpoint keeps its snapshot.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "domain/representation.hpp"

namespace dialogd::codec {

struct GroupSuggestions {
  std::string group;
  std::vector<domain::MethodReach> methods;
};

boost::json::object representation_json(const domain::Representation& r,
                                        const std::vector<GroupSuggestions>& suggestions);

}  // namespace dialogd::codec
