#pragma once
// Validation findings, each naming a JSON path into the request (`title`, `methods[1]`).
#include <string>
#include <vector>

namespace dialogd::codec {

struct FieldError {
  std::string field, code, message;
};

class FieldErrors {
 public:
  void add(std::string field, std::string code, std::string message) {
    list_.push_back({std::move(field), std::move(code), std::move(message)});
  }
  bool empty() const { return list_.empty(); }
  const std::vector<FieldError>& list() const { return list_; }

 private:
  std::vector<FieldError> list_;
};

// Joins a parent path and a member name: ("", "a") -> "a", ("a", "b") -> "a.b", ("a", 1) -> "a[1]".
inline std::string path_join(const std::string& parent, const std::string& member) {
  return parent.empty() ? member : parent + "." + member;
}
inline std::string path_index(const std::string& parent, std::size_t i) {
  return parent + "[" + std::to_string(i) + "]";
}

}  // namespace dialogd::codec
