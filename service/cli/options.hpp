#pragma once
// Command-line flags, each with an environment variable as fallback (flag beats environment).
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dialogd::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Options {
 public:
  // `known` maps each flag (without --) to its environment variable ("" for none); `switches` take
  // no value.
  Options(const std::vector<std::string>& args, const std::map<std::string, std::string>& known,
          const std::vector<std::string>& switches = {});
  bool has(const std::string& flag) const;
  std::string get(const std::string& flag, const std::string& fallback) const;
  long get_number(const std::string& flag, long fallback, long min, long max) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

}  // namespace dialogd::cli
