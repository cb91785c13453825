// Fuzz target: every JSON body reader of the codec. The first byte picks the reader, the rest is
// the body. A reader may report field errors; it may not crash, hang or throw anything else.
#include <boost/json/parse.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "codec/body_json.hpp"
#include "codec/plan_json.hpp"

namespace json = boost::json;
using namespace dialogd;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const unsigned pick = data[0] % 5;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec || !v.is_object()) return 0;
  const json::object& obj = v.as_object();
  codec::FieldErrors errors;
  switch (pick) {
    case 0:
      (void)codec::read_plan(obj, errors);
      break;
    case 1: {
      domain::Body b;
      codec::read_body(obj, b, errors);
      break;
    }
    case 2:
      (void)codec::read_implementation_plan(obj, errors);
      break;
    case 3: {
      domain::Organisation o;
      codec::read_organisation(obj, o, errors);
      break;
    }
    case 4:
      (void)codec::read_design(obj, "design", errors);
      break;
  }
  return 0;
}
