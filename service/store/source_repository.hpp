#pragma once
// A dialogue's links to participation platforms and what each sync did. Credentials are stored for
// the sync to use and never read back into any answer (find/list leave them out; only
// credentials() returns them, to the sync).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace dialogd::store {

struct SourceRecord {
  std::string id, dialogue_id, kind, base_url, process_id;
  std::string components;  // JSON array of component ids
  bool has_credentials = false;
  std::optional<std::string> last_sync_at, last_error;
  std::string counts;                  // JSON object: what the last sync made
  std::optional<std::string> process;  // JSON: the process as last read
  std::optional<std::string> last_write_back_at;
  std::string created_at;
};

// One imported or written-back item, keyed by the platform's id ("decidim:proposal:4701").
struct SourceItem {
  std::string external_id, kind, component_id, local_id, content_hash;
  std::optional<std::string> sent_hash;  // what write-back last sent for it
};

class SourceRepository {
 public:
  explicit SourceRepository(Connection& c) : conn_(c) {}
  void insert(const SourceRecord& s, const std::optional<std::string>& credentials);
  std::vector<SourceRecord> list(const std::string& dialogue_id);
  std::optional<SourceRecord> find(const std::string& id);
  // Every source of every dialogue, for the scheduled sync (oldest sync first).
  std::vector<SourceRecord> all();
  std::optional<std::string> credentials(const std::string& id);
  void record_sync(const std::string& id, const std::string& at, const std::string& counts,
                   const std::optional<std::string>& error,
                   const std::optional<std::string>& process);
  void record_write_back(const std::string& id, const std::string& at);
  // One sync at a time per source, across instances: false when another holds a claim newer than
  // `stale_before` (a crashed instance's claim expires).
  bool claim_sync(const std::string& id, const std::string& now, const std::string& stale_before);
  void release_sync(const std::string& id);

  std::map<std::string, std::string> known_hashes(const std::string& source_id);
  std::optional<SourceItem> item(const std::string& source_id, const std::string& external_id);
  std::vector<SourceItem> items(const std::string& source_id, const std::string& kind);
  long long count_items(const std::string& source_id, const std::string& kind);
  void upsert_item(const std::string& source_id, const SourceItem& item);
  void mark_sent(const std::string& source_id, const std::string& external_id,
                 const std::string& sent_hash);

 private:
  Connection& conn_;
};

}  // namespace dialogd::store
