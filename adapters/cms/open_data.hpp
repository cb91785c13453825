#pragma once
// Open data: the public structs as JSON and CSV tables with a stable, documented column order
// (docs/cms.md). Written through a streaming interface, so that a large set is never built in
// memory: rows go to a RowSink, which writes chunks to a ChunkSink (e.g. a chunked HTTP body).
//
//   cms::open_data::ResourceStream out(Resource::activities, Format::csv, [&](std::string_view c) {
//     body.append(c);  // or write a chunk
//   });
//   for (auto& a : page_of_activities) out.add(a);
//   out.finish();
//
// CSV: RFC 4180, UTF-8 without BOM, CRLF after every record, a header row of the column names, a
// field quoted when it holds a quote, comma, CR or LF (quotes doubled). Null is an empty field,
// booleans are true/false, list and object cells are their JSON text.
// JSON: {"resource": "...", "columns": [...], "items": [{column: value, ...}, ...]} with the keys
// of each item in column order and typed values (null, numbers, arrays, objects).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/json/value.hpp>

#include "public_data.hpp"

namespace dialogd::cms::open_data {

enum class Resource { dialogues, activities, needs, measures, feedback, contribution_counts };
enum class Format { json, csv };

inline constexpr Resource all_resources[] = {Resource::dialogues, Resource::activities,
                                             Resource::needs,     Resource::measures,
                                             Resource::feedback,  Resource::contribution_counts};

std::string_view to_string(Resource r);  // "dialogues", ..., "contribution_counts"
std::optional<Resource> parse_resource(std::string_view s);
std::string_view to_string(Format f);  // "json" | "csv"
std::optional<Format> parse_format(std::string_view s);
std::string_view media_type(Format f);  // application/json | text/csv; charset=utf-8

enum class CellType { string, integer, number, boolean, date, datetime, list, object };

struct Column {
  std::string_view name;
  CellType type;
  bool nullable;
  std::string_view description_sv;
  std::string_view description_en;
};
// The columns of a resource, in their stable order.
const std::vector<Column>& columns(Resource r);

struct Null {};
using Cell = std::variant<Null, std::string, std::int64_t, double, bool, boost::json::value>;
using Row = std::vector<Cell>;

// One row per struct, cells in the order of columns(resource).
Row to_row(const PublicDialogue& d);
Row to_row(const PublicActivity& a);
Row to_row(const PublicNeed& n);
Row to_row(const PublicMeasure& m);
Row to_row(const PublicFeedbackEntry& f);
Row to_row(const ContributionCount& c);

using ChunkSink = std::function<void(std::string_view chunk)>;

// The streaming table writer: begin once, row any number of times, finish once.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void begin(Resource r, const std::vector<Column>& cols) = 0;
  virtual void row(const Row& cells) = 0;
  virtual void finish() = 0;
};

// Buffers up to `chunk_bytes` before handing a chunk on (0: one chunk per row).
std::unique_ptr<RowSink> csv_sink(ChunkSink out, std::size_t chunk_bytes = 16 * 1024);
std::unique_ptr<RowSink> json_sink(ChunkSink out, std::size_t chunk_bytes = 16 * 1024);
std::unique_ptr<RowSink> make_sink(Format f, ChunkSink out, std::size_t chunk_bytes = 16 * 1024);

// Typed front of a RowSink for one resource: add() of another resource's struct throws
// std::logic_error.
class ResourceStream {
 public:
  ResourceStream(Resource r, Format f, ChunkSink out, std::size_t chunk_bytes = 16 * 1024);
  ~ResourceStream();
  void add(const PublicDialogue& d);
  void add(const PublicActivity& a);
  void add(const PublicNeed& n);
  void add(const PublicMeasure& m);
  void add(const PublicFeedbackEntry& f);
  void add(const ContributionCount& c);
  void finish();

 private:
  void check(Resource r) const;
  Resource resource_;
  std::unique_ptr<RowSink> sink_;
  bool finished_ = false;
};

// Whole documents, for small sets and tests.
template <class T>
std::string render(Resource r, Format f, std::span<const T> items) {
  std::string out;
  ResourceStream s(r, f, [&](std::string_view c) { out.append(c); });
  for (const auto& item : items) s.add(item);
  s.finish();
  return out;
}

// The file name of a resource's distribution: "activities.csv".
std::string file_name(Resource r, Format f);

}  // namespace dialogd::cms::open_data
