#pragma once
// Organisations (tenants), political bodies and the bodies' yearly implementation plans. Each is
// kept as the JSON document the API shows, with the columns lists and lookups need.
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct DocumentRecord {
  std::string id, organisation_id, name, document;
  long long version = 1;
  std::string created_at, updated_at;
};

class OrganisationRepository {
 public:
  explicit OrganisationRepository(Connection& c) : conn_(c) {}
  void insert(const DocumentRecord& r);
  std::optional<DocumentRecord> find(const std::string& id);
  std::vector<DocumentRecord> list(const std::optional<std::string>& after, int limit);
  bool update(const DocumentRecord& r, long long expected_version);
  long long count();

 private:
  Connection& conn_;
};

class BodyRepository {
 public:
  explicit BodyRepository(Connection& c) : conn_(c) {}
  void insert(const DocumentRecord& r);
  std::optional<DocumentRecord> find(const std::string& id);
  std::vector<DocumentRecord> list(const std::string& organisation_id,
                                   const std::optional<std::string>& after, int limit);
  bool update(const DocumentRecord& r, long long expected_version);

  struct Plan {
    std::string body_id;
    int year = 0;
    std::string document;
    long long version = 1;
    std::string created_at, updated_at;
  };
  // Creates or replaces; the version goes up with every replacement.
  Plan put_plan(const std::string& body_id, int year, const std::string& document,
                const std::string& now);
  std::optional<Plan> find_plan(const std::string& body_id, int year);
  std::vector<Plan> plans(const std::string& body_id);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
