#pragma once
#include <string>
#include <vector>

namespace dialogd::cli {

int run_serve(const std::vector<std::string>& args);
int run_keys(const std::vector<std::string>& args);
int run_migrate(const std::vector<std::string>& args);
int run_routes();
void print_help();

}  // namespace dialogd::cli
