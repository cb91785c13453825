#include "codec/reader.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>

namespace dialogd::codec {

std::string describe(const json::value& v) {
  std::string s = json::serialize(v);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Reader::Reader(const json::object& obj, std::string path, FieldErrors& errors,
               std::initializer_list<std::string_view> known,
               std::span<const std::string_view> read_only)
    : obj_(obj), path_(std::move(path)), errors_(errors) {
  for (const auto& member : obj_) {
    const std::string_view key = member.key();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (std::find(read_only.begin(), read_only.end(), key) != read_only.end())
      errors_.add(this->path(key), "read_only",
                  "'" + std::string(key) + "' is set by the service and cannot be written");
    else
      errors_.add(this->path(key), "unknown_field", "unknown field '" + std::string(key) + "'");
  }
}

const json::value* Reader::get(std::string_view key) const {
  const json::value* v = obj_.if_contains(key);
  return (v && !v->is_null()) ? v : nullptr;
}

void Reader::required(std::string_view key) {
  if (!get(key)) errors_.add(path(key), "required", "'" + std::string(key) + "' is required");
}

std::optional<std::string> Reader::text(std::string_view key, std::size_t max, bool non_blank) {
  const json::value* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    errors_.add(path(key), "invalid_type", "expected text, got " + describe(*v));
    return std::nullopt;
  }
  std::string s(v->get_string());
  if (non_blank && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors_.add(path(key), "blank", "'" + std::string(key) + "' must not be empty");
    return std::nullopt;
  }
  if (utf8_length(s) > max) {
    errors_.add(path(key), "too_long",
                "'" + std::string(key) + "' is longer than " + std::to_string(max) + " characters");
    return std::nullopt;
  }
  return s;
}

std::optional<bool> Reader::boolean(std::string_view key) {
  const json::value* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    errors_.add(path(key), "invalid_type", "expected true or false, got " + describe(*v));
    return std::nullopt;
  }
  return v->get_bool();
}

std::optional<long long> Reader::integer(std::string_view key, long long min, long long max) {
  const json::value* v = get(key);
  if (!v) return std::nullopt;
  long long n = 0;
  if (v->is_int64())
    n = v->get_int64();
  else if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(max))
    n = static_cast<long long>(v->get_uint64());
  else if (v->is_double() && std::trunc(v->get_double()) == v->get_double() &&
           std::fabs(v->get_double()) < 1e15)
    n = static_cast<long long>(v->get_double());
  else {
    errors_.add(path(key), v->is_number() ? "out_of_range" : "invalid_type",
                "expected a whole number from " + std::to_string(min) + " to " +
                    std::to_string(max) + ", got " + describe(*v));
    return std::nullopt;
  }
  if (n < min || n > max) {
    errors_.add(path(key), "out_of_range",
                describe(*v) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<double> Reader::number(std::string_view key, double min, double max) {
  const json::value* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    errors_.add(path(key), "invalid_type", "expected a number, got " + describe(*v));
    return std::nullopt;
  }
  const double d = v->to_number<double>();
  if (!(d >= min && d <= max)) {
    errors_.add(path(key), "out_of_range",
                describe(*v) + " is outside " + describe(json::value(min)) + ".." +
                    describe(json::value(max)));
    return std::nullopt;
  }
  return d;
}

std::optional<domain::Date> Reader::date(std::string_view key) {
  const json::value* v = get(key);
  if (!v) return std::nullopt;
  if (v->is_string())
    if (auto d = domain::Date::parse(v->get_string())) return d;
  errors_.add(path(key), "invalid_date", "expected a date YYYY-MM-DD, got " + describe(*v));
  return std::nullopt;
}

std::optional<std::string> Reader::choice(std::string_view key,
                                          std::span<const std::string_view> allowed) {
  const json::value* v = get(key);
  if (!v) return std::nullopt;
  if (v->is_string() &&
      std::find(allowed.begin(), allowed.end(), std::string_view(v->get_string())) != allowed.end())
    return std::string(v->get_string());
  std::string options;
  for (auto a : allowed) options += (options.empty() ? "" : ", ") + std::string(a);
  errors_.add(path(key), "invalid_value", describe(*v) + " is not one of " + options);
  return std::nullopt;
}

std::vector<std::string> Reader::text_list(std::string_view key, std::size_t max_items,
                                           std::size_t max_len) {
  std::vector<std::string> out;
  const json::value* v = get(key);
  if (!v) return out;
  if (!v->is_array()) {
    errors_.add(path(key), "invalid_type", "expected a list of texts, got " + describe(*v));
    return out;
  }
  const auto& arr = v->get_array();
  if (arr.size() > max_items)
    errors_.add(path(key), "too_many", "at most " + std::to_string(max_items) + " items");
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string p = path_index(path(key), i);
    if (!arr[i].is_string() || arr[i].get_string().empty() ||
        std::string_view(arr[i].get_string()).find_first_not_of(" \t\r\n") ==
            std::string_view::npos)
      errors_.add(p, "invalid_type", "expected non-empty text, got " + describe(arr[i]));
    else if (utf8_length(arr[i].get_string()) > max_len)
      errors_.add(p, "too_long", "longer than " + std::to_string(max_len) + " characters");
    else
      out.emplace_back(arr[i].get_string());
  }
  return out;
}

std::vector<std::string> Reader::choice_list(std::string_view key,
                                             std::span<const std::string_view> allowed,
                                             std::string_view what) {
  std::vector<std::string> out;
  const json::value* v = get(key);
  if (!v) return out;
  if (!v->is_array()) {
    errors_.add(path(key), "invalid_type", "expected a list, got " + describe(*v));
    return out;
  }
  const auto& arr = v->get_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string p = path_index(path(key), i);
    const bool known =
        arr[i].is_string() && std::find(allowed.begin(), allowed.end(),
                                        std::string_view(arr[i].get_string())) != allowed.end();
    if (!known) {
      errors_.add(p, "invalid_value", "unknown " + std::string(what) + " " + describe(arr[i]));
    } else if (std::find(out.begin(), out.end(), std::string_view(arr[i].get_string())) !=
               out.end()) {
      errors_.add(p, "duplicate", describe(arr[i]) + " is listed twice");
    } else {
      out.emplace_back(arr[i].get_string());
    }
  }
  return out;
}

void Reader::object_list(
    std::string_view key,
    const std::function<void(const json::object&, const std::string&)>& read_item) {
  const json::value* v = get(key);
  if (!v) return;
  if (!v->is_array()) {
    errors_.add(path(key), "invalid_type", "expected a list, got " + describe(*v));
    return;
  }
  const auto& arr = v->get_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string p = path_index(path(key), i);
    if (!arr[i].is_object())
      errors_.add(p, "invalid_type", "expected an object, got " + describe(arr[i]));
    else
      read_item(arr[i].get_object(), p);
  }
}

const json::object* Reader::object(std::string_view key) {
  const json::value* v = get(key);
  if (!v) return nullptr;
  if (!v->is_object()) {
    errors_.add(path(key), "invalid_type", "expected an object, got " + describe(*v));
    return nullptr;
  }
  return &v->get_object();
}

}  // namespace dialogd::codec
