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

void print_json_object(std::ostream& out, const Table& t, const std::vector<Cell>& row, std::string_view indent) {
  out << "{";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    out << (i ? "," : "") << "\n" << indent << "  " << json_string(t.columns[i]) << ": " << json_value(row[i]);
  }
  out << "\n" << indent << "}";
}

std::vector<std::size_t> shown_columns(const Table& t) {
  std::vector<std::size_t> idx;
  if (t.table_columns.empty()) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) idx.push_back(i);
    return idx;
  }
  for (const auto& name : t.table_columns) {
    auto it = std::find(t.columns.begin(), t.columns.end(), name);
    if (it != t.columns.end()) idx.push_back(static_cast<std::size_t>(it - t.columns.begin()));
  }
  return idx;
}

void print_delimited(std::ostream& out, const Table& t, char sep) {
  const auto field = [sep](std::string_view s) { return sep == ',' ? csv_field(s) : tsv_field(s); };
  // RFC 4180 ends records with CRLF; TSV, read by Unix tools, with LF.
  const std::string_view eol = sep == ',' ? "\r\n" : "\n";
  for (std::size_t i = 0; i < t.columns.size(); ++i) out << (i ? std::string(1, sep) : "") << field(t.columns[i]);
  out << eol;
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? std::string(1, sep) : "") << field(row[i].text);
    out << eol;
  }
}

}  // namespace

Format parse_format(std::string_view text) {
  if (text == "table") return Format::table;
  if (text == "csv") return Format::csv;
  if (text == "tsv") return Format::tsv;
  if (text == "json") return Format::json;
  throw usage_error(fmt::format("unknown format '{}': use table, csv, tsv or json", text));
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<int>(c));
        else out += c;
    }
  }
  return out + "\"";
}

void print_table(std::ostream& out, const Table& t, Format format) {
  switch (format) {
    case Format::csv: print_delimited(out, t, ','); return;
    case Format::tsv: print_delimited(out, t, '\t'); return;
    case Format::json: {
      out << "[";
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        out << (r ? ",\n  " : "\n  ");
        print_json_object(out, t, t.rows[r], "  ");
      }
      out << (t.rows.empty() ? "]\n" : "\n]\n");
      return;
    }
    case Format::table: break;
  }
  const auto cols = shown_columns(t);
  std::vector<std::size_t> width(cols.size());
  std::vector<std::vector<std::string>> cells(t.rows.size(), std::vector<std::string>(cols.size()));
  for (std::size_t c = 0; c < cols.size(); ++c) width[c] = display_width(t.columns[cols[c]]);
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    for (std::size_t c = 0; c < cols.size(); ++c) {
      cells[r][c] = human(t.rows[r][cols[c]]);
      width[c] = std::max(width[c], display_width(cells[r][c]));
    }
  const auto right = [&](std::size_t c) {
    return !t.rows.empty() && (t.rows[0][cols[c]].kind == CellKind::amount || t.rows[0][cols[c]].kind == CellKind::integer);
  };
  const auto line = [&](const std::vector<std::string>& values) {
    std::string s;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const std::string pad(width[c] - display_width(values[c]), ' ');
      if (c) s += "  ";
      s += right(c) ? pad + values[c] : values[c] + (c + 1 == cols.size() ? "" : pad);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << "\n";
  };
  std::vector<std::string> header;
  for (auto c : cols) header.push_back(t.columns[c]);
  line(header);
  for (const auto& r : cells) line(r);
}

void print_record(std::ostream& out, const Table& t, Format format) {
  if (format == Format::json) {
    print_json_object(out, t, t.rows.at(0), "");
    out << "\n";
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
