#pragma once
// The OpenAPI document compiled into the binary, as written (YAML) and as JSON.
#include <string_view>

namespace dialogd::http {

std::string_view openapi_document_yaml();
std::string_view openapi_document_json();  // converted once, on first use
std::string_view docs_page_html();
std::string_view embedded_readme();
// The Redoc bundle linked into the binary; empty when the build had no node_modules.
std::string_view redoc_bundle();

}  // namespace dialogd::http
