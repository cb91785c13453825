#include "cli/options.hpp"

#include <algorithm>
#include <cstdlib>

namespace dialogd::cli {

Options::Options(const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& known,
                 const std::vector<std::string>& switches) {
  for (const auto& [flag, env] : known)
    if (!env.empty())
      if (const char* v = std::getenv(env.c_str()); v && *v) values_[flag] = v;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0) {
      positional_.push_back(a);
      continue;
    }
    std::string flag = a.substr(2), value;
    const auto eq = flag.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
    }
    const bool is_switch = std::find(switches.begin(), switches.end(), flag) != switches.end();
    if (!known.count(flag) && !is_switch) throw UsageError("unknown option '--" + flag + "'");
    if (is_switch) {
      values_[flag] = "1";
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) throw UsageError("option '--" + flag + "' needs a value");
      value = args[++i];
    }
    values_[flag] = value;
  }
}

bool Options::has(const std::string& flag) const {
  return values_.count(flag) > 0;
}

std::string Options::get(const std::string& flag, const std::string& fallback) const {
  const auto it = values_.find(flag);
  return it == values_.end() ? fallback : it->second;
}

long Options::get_number(const std::string& flag, long fallback, long min, long max) const {
  const auto it = values_.find(flag);
  if (it == values_.end()) return fallback;
  char* end = nullptr;
  const long n = std::strtol(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0' || n < min || n > max)
    throw UsageError("option '--" + flag + "' must be a number from " + std::to_string(min) +
                     " to " + std::to_string(max) + ", got '" + it->second + "'");
  return n;
}

}  // namespace dialogd::cli
