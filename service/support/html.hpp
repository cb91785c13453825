#pragma once
// Text for HTML and XML: every character that could open markup or end an attribute is escaped,
// and control characters neither allows are dropped.
#include <string>
#include <string_view>

namespace dialogd::support {

std::string html_escape(std::string_view text);

}  // namespace dialogd::support
