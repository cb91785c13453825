#pragma once
#include <boost/json/object.hpp>

#include "domain/ladder.hpp"

namespace dialogd::codec {

namespace json = boost::json;

json::object to_json(const domain::Step& step);
json::object to_json(const domain::Classification& c);
json::array to_json(const std::vector<domain::Warning>& warnings);

}  // namespace dialogd::codec
