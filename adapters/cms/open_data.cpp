#include "open_data.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "text.hpp"

namespace dialogd::cms::open_data {

namespace {

using CT = CellType;

const std::vector<Column> dialogue_columns{
    {"id", CT::string, false, "Dialogens id", "The dialogue's id"},
    {"organisation_id", CT::string, false, "Organisationens id", "The organisation's id"},
    {"title", CT::string, false, "Rubrik", "Title"},
    {"state", CT::string, false, "Läge (draft, planned, ..., closed, cancelled)",
     "State (draft, planned, ..., closed, cancelled)"},
    {"declared_level", CT::integer, true, "Utlovat steg på delaktighetstrappan (1-5)",
     "Declared step on the participation ladder (1-5)"},
    {"created_at", CT::datetime, false, "Skapad (RFC 3339)", "Created (RFC 3339)"},
    {"updated_at", CT::datetime, false, "Senast ändrad (RFC 3339)", "Last changed (RFC 3339)"},
    {"last_transition_at", CT::datetime, true, "Senaste byte av läge (RFC 3339)",
     "Last change of state (RFC 3339)"},
    {"body", CT::string, true, "Uppdragsgivande politiskt organ", "Commissioning political body"},
    {"case_number", CT::string, true, "Diarienummer", "Case number"},
    {"purpose", CT::string, true, "Syfte", "Purpose"},
    {"question_areas", CT::list, false, "Frågeområden (lista)", "Question areas (list)"},
    {"target_groups", CT::list, false,
     "Målgrupper: lista av {key, label, expected_share} där expected_share är andel 0-1",
     "Target groups: list of {key, label, expected_share}, expected_share a share 0-1"},
    {"public_url", CT::string, false, "Dialogens publika sida", "The dialogue's public page"},
};

const std::vector<Column> activity_columns{
    {"id", CT::string, false, "Aktivitetens id", "The activity's id"},
    {"dialogue_id", CT::string, false, "Dialogens id", "The dialogue's id"},
    {"title", CT::string, false, "Rubrik (metod och plats)", "Title (method and place)"},
    {"held_on", CT::date, false, "Datum", "Date held"},
    {"place", CT::string, true, "Plats", "Place"},
    {"municipality", CT::string, true, "Kommun", "Municipality"},
    {"method", CT::string, false, "Metod (t.ex. dialogue_cafe)", "Method (e.g. dialogue_cafe)"},
    {"participants", CT::integer, true, "Antal deltagare", "Number of participants"},
    {"documentation", CT::string, true, "Publik dokumentation", "Public documentation"},
    {"updated_at", CT::datetime, false, "Senast ändrad (RFC 3339)", "Last changed (RFC 3339)"},
};

const std::vector<Column> need_columns{
    {"id", CT::string, false, "Behovets id", "The need's id"},
    {"dialogue_id", CT::string, false, "Dialogens id", "The dialogue's id"},
    {"title", CT::string, false, "Behov", "Need"},
    {"description", CT::string, true, "Beskrivning", "Description"},
    {"contribution_count", CT::integer, false, "Antal synpunkter som stöder behovet",
     "Number of contributions backing the need"},
    {"created_at", CT::datetime, false, "Skapad (RFC 3339)", "Created (RFC 3339)"},
    {"updated_at", CT::datetime, false, "Senast ändrad (RFC 3339)", "Last changed (RFC 3339)"},
};

const std::vector<Column> measure_columns{
    {"id", CT::string, false, "Åtgärdens id", "The measure's id"},
    {"dialogue_id", CT::string, false, "Dialogens id", "The dialogue's id"},
    {"need_id", CT::string, false, "Behovet som åtgärden svarar på", "The need it answers"},
    {"title", CT::string, false, "Åtgärd", "Measure"},
    {"decision", CT::string, false, "Beslut (proposed, adopted, rejected)",
     "Decision (proposed, adopted, rejected)"},
    {"decided_on", CT::date, true, "Fullmäktiges beslutsdatum", "Date of the council's decision"},
    {"status", CT::string, true, "Status (planned, in_progress, done, not_done, cancelled)",
     "Status (planned, in_progress, done, not_done, cancelled)"},
    {"progress", CT::integer, true, "Genomfört i procent (0-100)", "Progress in percent (0-100)"},
    {"updated_at", CT::datetime, false, "Senast ändrad (RFC 3339)", "Last changed (RFC 3339)"},
};

const std::vector<Column> feedback_columns{
    {"id", CT::string, false, "Återkopplingens id", "The feedback entry's id"},
    {"dialogue_id", CT::string, false, "Dialogens id", "The dialogue's id"},
    {"moment", CT::string, false, "Tillfälle (report, decision, follow_up, cancellation)",
     "Moment (report, decision, follow_up, cancellation)"},
    {"date", CT::date, false, "Datum för tillfället", "Date of the moment"},
    {"published_at", CT::datetime, false, "Publicerad (RFC 3339)", "Published (RFC 3339)"},
    {"text_sv", CT::string, false, "Text på svenska", "Text in Swedish"},
    {"text_en", CT::string, true, "Text på engelska", "Text in English"},
};

const std::vector<Column> count_columns{
    {"dialogue_id", CT::string, false, "Dialogens id", "The dialogue's id"},
    {"dimension", CT::string, false, "Indelning (group, channel, theme)",
     "Dimension (group, channel, theme)"},
    {"key", CT::string, false, "Målgrupp, kanal eller tema", "Target group, channel or theme"},
    {"count", CT::integer, false, "Antal synpunkter", "Number of contributions"},
};

Cell str(const std::string& s) {
  return Cell{text::valid_utf8(s)};
}
Cell opt(const std::optional<std::string>& s) {
  return s ? str(*s) : Cell{Null{}};
}
template <class I>
Cell opt_int(const std::optional<I>& v) {
  return v ? Cell{static_cast<std::int64_t>(*v)} : Cell{Null{}};
}

// Writes chunks of at most about `limit` bytes.
class Buffer {
 public:
  Buffer(ChunkSink out, std::size_t limit) : out_(std::move(out)), limit_(limit) {}
  void append(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= limit_) flush();
  }
  void flush() {
    if (!buf_.empty()) out_(buf_);
    buf_.clear();
  }

 private:
  ChunkSink out_;
  std::size_t limit_;
  std::string buf_;
};

std::string number_text(double d) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

// JSON text with numbers written the shortest way ("0.12", where Boost.JSON writes "1.2E-1").
void write_json(std::string& out, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::double_: {
      const double d = v.get_double();
      out += std::isfinite(d) ? number_text(d) : "null";
      break;
    }
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write_json(out, item);
      }
      out += ']';
      break;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += boost::json::serialize(boost::json::string(kv.key()));
        out += ':';
        write_json(out, kv.value());
      }
      out += '}';
      break;
    }
    default:
      out += boost::json::serialize(v);
  }
}

std::string json_text(const boost::json::value& v) {
  std::string out;
  write_json(out, v);
  return out;
}

std::string json_cell(const Cell& c) {
  struct V {
    std::string operator()(Null) const { return "null"; }
    std::string operator()(const std::string& s) const {
      return boost::json::serialize(boost::json::string(s));
    }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return std::isfinite(d) ? number_text(d) : "null"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const boost::json::value& v) const { return json_text(v); }
  };
  return std::visit(V{}, c);
}

std::string csv_field(const Cell& c) {
  struct V {
    std::string operator()(Null) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return number_text(d); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const boost::json::value& v) const { return json_text(v); }
  };
  std::string s = std::visit(V{}, c);
  if (s.find_first_of("\",\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) {
    if (ch == '"') q += '"';
    q += ch;
  }
  q += '"';
  return q;
}

class CsvSink final : public RowSink {
 public:
  CsvSink(ChunkSink out, std::size_t chunk) : buf_(std::move(out), chunk) {}
  void begin(Resource, const std::vector<Column>& cols) override {
    std::string line;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (i) line += ',';
      line += cols[i].name;
    }
    line += "\r\n";
    buf_.append(line);
    width_ = cols.size();
  }
  void row(const Row& cells) override {
    if (cells.size() != width_) throw std::logic_error("open data row of the wrong width");
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) line += ',';
      line += csv_field(cells[i]);
    }
    line += "\r\n";
    buf_.append(line);
  }
  void finish() override { buf_.flush(); }

 private:
  Buffer buf_;
  std::size_t width_ = 0;
};

class JsonSink final : public RowSink {
 public:
  JsonSink(ChunkSink out, std::size_t chunk) : buf_(std::move(out), chunk) {}
  void begin(Resource r, const std::vector<Column>& cols) override {
    cols_ = &cols;
    boost::json::array names;
    for (const auto& c : cols) names.emplace_back(c.name);
    buf_.append("{\"resource\":\"");
    buf_.append(to_string(r));
    buf_.append("\",\"columns\":");
    buf_.append(boost::json::serialize(names));
    buf_.append(",\"items\":[");
  }
  void row(const Row& cells) override {
    if (cells.size() != cols_->size()) throw std::logic_error("open data row of the wrong width");
    // Written by hand: keys in column order, numbers in their shortest form.
    std::string line = first_ ? "\n{" : ",\n{";
    first_ = false;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) line += ',';
      line += boost::json::serialize(boost::json::string((*cols_)[i].name));
      line += ':';
      line += json_cell(cells[i]);
    }
    line += '}';
    buf_.append(line);
  }
  void finish() override {
    buf_.append("\n]}\n");
    buf_.flush();
  }

 private:
  Buffer buf_;
  const std::vector<Column>* cols_ = nullptr;
  bool first_ = true;
};

}  // namespace

std::string_view to_string(Resource r) {
  switch (r) {
    case Resource::dialogues:
      return "dialogues";
    case Resource::activities:
      return "activities";
    case Resource::needs:
      return "needs";
    case Resource::measures:
      return "measures";
    case Resource::feedback:
      return "feedback";
    case Resource::contribution_counts:
      return "contribution_counts";
  }
  return "dialogues";
}

std::optional<Resource> parse_resource(std::string_view s) {
  for (Resource r : all_resources)
    if (to_string(r) == s) return r;
  return std::nullopt;
}

std::string_view to_string(Format f) {
  return f == Format::csv ? "csv" : "json";
}

std::optional<Format> parse_format(std::string_view s) {
  if (s == "json") return Format::json;
  if (s == "csv") return Format::csv;
  return std::nullopt;
}

std::string_view media_type(Format f) {
  return f == Format::csv ? "text/csv; charset=utf-8" : "application/json";
}

std::string file_name(Resource r, Format f) {
  return std::string(to_string(r)) + "." + std::string(to_string(f));
}

const std::vector<Column>& columns(Resource r) {
  switch (r) {
    case Resource::dialogues:
      return dialogue_columns;
    case Resource::activities:
      return activity_columns;
    case Resource::needs:
      return need_columns;
    case Resource::measures:
      return measure_columns;
    case Resource::feedback:
      return feedback_columns;
    case Resource::contribution_counts:
      return count_columns;
  }
  return dialogue_columns;
}

Row to_row(const PublicDialogue& d) {
  boost::json::array areas;
  for (const auto& a : d.question_areas) areas.emplace_back(text::valid_utf8(a));
  boost::json::array groups;
  for (const auto& g : d.target_groups) {
    boost::json::object o;
    o["key"] = text::valid_utf8(g.key);
    o["label"] = text::valid_utf8(g.label);
    o["expected_share"] = g.expected_share ? boost::json::value(*g.expected_share) : nullptr;
    groups.emplace_back(std::move(o));
  }
  return {str(d.id),
          str(d.organisation_id),
          str(d.title),
          str(d.state),
          opt_int(d.declared_level),
          str(d.created_at),
          str(d.updated_at),
          opt(d.last_transition_at),
          opt(d.body),
          opt(d.case_number),
          opt(d.purpose),
          Cell{boost::json::value(std::move(areas))},
          Cell{boost::json::value(std::move(groups))},
          str(d.public_url)};
}

Row to_row(const PublicActivity& a) {
  return {str(a.id),
          str(a.dialogue_id),
          str(a.title),
          str(a.date),
          opt(a.place),
          opt(a.municipality),
          str(a.method),
          opt_int(a.participants),
          opt(a.documentation),
          str(a.updated_at)};
}

Row to_row(const PublicNeed& n) {
  return {str(n.id),          str(n.dialogue_id),         str(n.title),
          opt(n.description), Cell{n.contribution_count}, str(n.created_at),
          str(n.updated_at)};
}

Row to_row(const PublicMeasure& m) {
  return {str(m.id),     str(m.dialogue_id),  str(m.need_id),
          str(m.title),  str(m.decision),     opt(m.decided_on),
          opt(m.status), opt_int(m.progress), str(m.updated_at)};
}

Row to_row(const PublicFeedbackEntry& f) {
  return {str(f.id),           str(f.dialogue_id), str(f.moment), str(f.date),
          str(f.published_at), str(f.text_sv),     opt(f.text_en)};
}

Row to_row(const ContributionCount& c) {
  return {str(c.dialogue_id), Cell{std::string(to_string(c.dimension))}, str(c.key), Cell{c.count}};
}

std::unique_ptr<RowSink> csv_sink(ChunkSink out, std::size_t chunk_bytes) {
  return std::make_unique<CsvSink>(std::move(out), chunk_bytes);
}
std::unique_ptr<RowSink> json_sink(ChunkSink out, std::size_t chunk_bytes) {
  return std::make_unique<JsonSink>(std::move(out), chunk_bytes);
}
std::unique_ptr<RowSink> make_sink(Format f, ChunkSink out, std::size_t chunk_bytes) {
  return f == Format::csv ? csv_sink(std::move(out), chunk_bytes)
                          : json_sink(std::move(out), chunk_bytes);
}

ResourceStream::ResourceStream(Resource r, Format f, ChunkSink out, std::size_t chunk_bytes)
    : resource_(r), sink_(make_sink(f, std::move(out), chunk_bytes)) {
  sink_->begin(r, columns(r));
}

ResourceStream::~ResourceStream() = default;

void ResourceStream::check(Resource r) const {
  if (r != resource_)
    throw std::logic_error("open data: a " + std::string(to_string(r)) + " row in the " +
                           std::string(to_string(resource_)) + " resource");
  if (finished_) throw std::logic_error("open data: row after finish");
}

void ResourceStream::add(const PublicDialogue& d) {
  check(Resource::dialogues);
  sink_->row(to_row(d));
}
void ResourceStream::add(const PublicActivity& a) {
  check(Resource::activities);
  sink_->row(to_row(a));
}
void ResourceStream::add(const PublicNeed& n) {
  check(Resource::needs);
  sink_->row(to_row(n));
}
void ResourceStream::add(const PublicMeasure& m) {
  check(Resource::measures);
  sink_->row(to_row(m));
}
void ResourceStream::add(const PublicFeedbackEntry& f) {
  check(Resource::feedback);
  sink_->row(to_row(f));
}
void ResourceStream::add(const ContributionCount& c) {
  check(Resource::contribution_counts);
  sink_->row(to_row(c));
}

void ResourceStream::finish() {
  if (finished_) return;
  finished_ = true;
  sink_->finish();
}

}  // namespace dialogd::cms::open_data
