#pragma once
// Reads one JSON object field by field, collecting every problem at once instead of stopping at the
// first: unknown members, wrong types, values out of range.
#include <boost/json/value.hpp>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "codec/field_errors.hpp"
#include "domain/date.hpp"

namespace dialogd::codec {

namespace json = boost::json;

std::string describe(const json::value& v);  // a short rendering of an offending value

class Reader {
 public:
  // Reports members not in `known` as unknown_field (or read_only when listed there).
  Reader(const json::object& obj, std::string path, FieldErrors& errors,
         std::initializer_list<std::string_view> known,
         std::span<const std::string_view> read_only = {});

  bool has(std::string_view key) const { return obj_.contains(key); }
  // A member that is present and not null.
  const json::value* get(std::string_view key) const;
  std::string path(std::string_view key) const { return path_join(path_, std::string(key)); }
  FieldErrors& errors() { return errors_; }

  void required(std::string_view key);
  // A string of 1..max characters (blank is refused when non_blank).
  std::optional<std::string> text(std::string_view key, std::size_t max, bool non_blank = true);
  std::optional<bool> boolean(std::string_view key);
  std::optional<long long> integer(std::string_view key, long long min, long long max);
  std::optional<double> number(std::string_view key, double min, double max);
  std::optional<domain::Date> date(std::string_view key);
  // One of the allowed keys.
  std::optional<std::string> choice(std::string_view key,
                                    std::span<const std::string_view> allowed);
  std::vector<std::string> text_list(std::string_view key, std::size_t max_items,
                                     std::size_t max_len);
  // A list of keys from `allowed`, no duplicates.
  std::vector<std::string> choice_list(std::string_view key,
                                       std::span<const std::string_view> allowed,
                                       std::string_view what);
  // Calls read_item for each element that is an object, with its path.
  void object_list(std::string_view key,
                   const std::function<void(const json::object&, const std::string&)>& read_item);
  const json::object* object(std::string_view key);

 private:
  const json::object& obj_;
  std::string path_;
  FieldErrors& errors_;
};

// The length in characters (code points) of UTF-8 text.
std::size_t utf8_length(std::string_view s);

}  // namespace dialogd::codec
