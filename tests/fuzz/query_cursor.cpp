// Fuzz target: the request target's query string and the page cursor. The bytes are a request
// target; split_target decodes it, read_page checks limit and cursor. Invariants: the path is a
// prefix of the target without '?', and read_page either reports errors or gives a limit 1..100.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "codec/field_errors.hpp"
#include "http/json_io.hpp"
#include "http/request_context.hpp"
#include "http/router.hpp"

using namespace dialogd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string target(reinterpret_cast<const char*>(data), size);
  std::string_view path;
  std::vector<std::pair<std::string, std::string>> query;
  http::split_target(target, path, query);
  if (path.size() > target.size() || path.find('?') != std::string_view::npos) std::abort();

  http::Request req;
  http::Match match;
  http::Services services{};
  http::RequestContext ctx(req, match, services);
  ctx.path = path;
  ctx.query = std::move(query);
  codec::FieldErrors errors;
  const auto page = http::read_page(ctx, errors);
  if (errors.empty() && (page.limit < 1 || page.limit > 100)) std::abort();
  if (errors.empty() && page.after && page.after->empty()) std::abort();
  return 0;
}
