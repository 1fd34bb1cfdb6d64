#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "indie/csv.hpp"
#include "indie/error.hpp"
#include "indie/text.hpp"

namespace indie::cli {
namespace {

std::string tsv_field(std::string_view s) {
  // TSV cannot quote: escape the characters that would break a row, as PostgreSQL's text format does.
  std::string out;
  for (char c : s) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

std::string human(const Cell& c) {
  if (c.null) return "";
  if (c.kind == CellKind::boolean) return c.text == "true" ? "yes" : "no";
  std::string s = c.text;
  // One row per record on a terminal: show multi-line text (addresses) on one line.
  for (std::size_t p; (p = s.find('\n')) != std::string::npos;) s.replace(p, 1, ", ");
  return s;
}

std::string json_value(const Cell& c) {
  if (c.null) return "null";
  if (c.kind == CellKind::integer || c.kind == CellKind::boolean) return c.text;
  return json_string(c.text);
}

void append_json_object(std::string& out, const std::vector<std::string>& columns, const std::vector<Cell>& row,
                        std::string_view indent) {
  out += "{";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    out += i ? ",\n" : "\n";
    out += indent;
    out += "  ";
    out += json_string(columns[i]);
    out += ": ";
    out += json_value(row[i]);
  }
  out += "\n";
  out += indent;
  out += "}";
}

void append_delimited(std::string& out, const std::vector<Cell>& row, char sep) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += sep;
    out += sep == ',' ? csv_field(row[i].text) : tsv_field(row[i].text);
  }
  // RFC 4180 ends records with CRLF; TSV, read by Unix tools, with LF.
  out += sep == ',' ? "\r\n" : "\n";
}

}  // namespace

Format parse_format(std::string_view text) {
  if (text == "table") return Format::table;
  if (text == "csv") return Format::csv;
  if (text == "tsv") return Format::tsv;
  if (text == "json") return Format::json;
  throw usage_error(fmt::format("unknown format '{}': use table, csv, tsv or json", text));
}

std::string json_string(std::string_view s) { return quoted_escaped(s); }

TableWriter::TableWriter(std::ostream& out, Format format, std::vector<std::string> columns,
                         std::vector<std::string> table_columns)
    : out_(out), format_(format), columns_(std::move(columns)) {
  if (format_ == Format::table) {
    for (std::size_t i = 0; i < columns_.size(); ++i)
      if (table_columns.empty() || std::find(table_columns.begin(), table_columns.end(), columns_[i]) != table_columns.end())
        shown_.push_back(i);
    return;
  }
  if (format_ == Format::json) {
    out_ << "[";
    return;
  }
  std::vector<Cell> header;
  for (const auto& c : columns_) header.push_back(Cell::str(c));
  append_delimited(buffer_, header, format_ == Format::csv ? ',' : '\t');
  out_ << buffer_;
}

void TableWriter::row(const std::vector<Cell>& cells) {
  buffer_.clear();
  switch (format_) {
    case Format::csv: append_delimited(buffer_, cells, ','); break;
    case Format::tsv: append_delimited(buffer_, cells, '\t'); break;
    case Format::json:
      buffer_ += rows_ ? ",\n  " : "\n  ";
      append_json_object(buffer_, columns_, cells, "  ");
      break;
    case Format::table: {
      if (right_.empty())
        for (auto i : shown_) right_.push_back(cells[i].kind == CellKind::amount || cells[i].kind == CellKind::integer);
      std::vector<Shown> shown;
      shown.reserve(shown_.size());
      for (auto i : shown_) {
        std::string text = human(cells[i]);
        const std::size_t w = display_width(text);
        shown.push_back({std::move(text), w});
      }
      held_.push_back(std::move(shown));
      break;
    }
  }
  out_ << buffer_;
  ++rows_;
}

void TableWriter::finish() {
  if (format_ == Format::json) {
    out_ << (rows_ ? "\n]\n" : "]\n");
    return;
  }
  if (format_ != Format::table) return;
  std::vector<Shown> header;
  for (auto i : shown_) header.push_back({columns_[i], display_width(columns_[i])});
  std::vector<std::size_t> width;
  for (const auto& h : header) width.push_back(h.width);
  for (const auto& r : held_)
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].width);
  right_.resize(shown_.size(), false);
  const auto print_line = [&](const std::vector<Shown>& values) {
    buffer_.clear();
    for (std::size_t c = 0; c < values.size(); ++c) {
      if (c) buffer_ += "  ";
      const std::size_t pad = width[c] - values[c].width;
      if (right_[c]) buffer_.append(pad, ' ');
      buffer_ += values[c].text;
      if (!right_[c]) buffer_.append(pad, ' ');
    }
    while (!buffer_.empty() && buffer_.back() == ' ') buffer_.pop_back();
    buffer_ += '\n';
    out_ << buffer_;
  };
  print_line(header);
  for (const auto& r : held_) print_line(r);
}

void print_table(std::ostream& out, const Table& t, Format format) {
  TableWriter w(out, format, t.columns, t.table_columns);
  for (const auto& r : t.rows) w.row(r);
  w.finish();
}

void print_record(std::ostream& out, const Table& t, Format format) {
  if (format == Format::json) {
    std::string text;
    append_json_object(text, t.columns, t.rows.at(0), "");
    out << text << "\n";
    return;
  }
  if (format != Format::table) return print_table(out, t, format);
  std::size_t width = 0;
  for (const auto& c : t.columns) width = std::max(width, display_width(c));
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const std::string value = t.rows[0][i].null ? "" : (t.rows[0][i].kind == CellKind::boolean ? human(t.rows[0][i]) : t.rows[0][i].text);
    // Multi-line values (addresses, notes) continue under the value column.
    std::string shown;
    for (const auto& part : split(value, '\n')) shown += (shown.empty() ? "" : "\n" + std::string(width + 2, ' ')) + part;
    out << t.columns[i] << std::string(width - display_width(t.columns[i]) + 2, ' ') << shown << "\n";
  }
}

}  // namespace indie::cli
