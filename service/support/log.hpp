#pragma once
// Structured logging: one JSON object per line on standard error. Never personal data.
#include <boost/json/object.hpp>

namespace dialogd::support {

void log_line(boost::json::object fields);

}  // namespace dialogd::support
