#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "indie/core/csv.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie::cli {
namespace {

void append_tsv_field(std::string& out, std::string_view s) {
  // TSV cannot quote: escape the characters that would break a row, as PostgreSQL's text format
  // does.
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char* escaped = c == '\t'   ? "\\t"
                          : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r"
                          : c == '\\' ? "\\\\"
                                      : nullptr;
    if (!escaped) continue;
    out += s.substr(from, i - from);
    out += escaped;
    from = i + 1;
  }
  out += s.substr(from);
}

// One row per record on a terminal: show multi-line text (addresses) on one line. Text from
// data never reaches the terminal as control characters: an ESC from an imported file would
// otherwise be a terminal escape sequence. Each C0, DEL or C1 control shows as U+FFFD.
void append_shown(std::string& out, std::string_view text) {
  const bool plain = std::none_of(text.begin(), text.end(), [](char ch) {
    const auto b = static_cast<unsigned char>(ch);
    return b < 0x20 || b == 0x7F || b == 0xC2;
  });
  if (plain) {
    out += text;
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      out += ", ";
    } else if (b == '\r') {
      // CRLF line ends print as one separator
    } else if (b < 0x20 || b == 0x7F) {
      out += "\xEF\xBF\xBD";
    } else if (b == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out += static_cast<char>(b);
    }
  }
}

// A cell as a person reads it in a table, appended to `out`.
void append_human(std::string& out, const CellView& c) {
  if (c.null) return;
  if (c.kind == CellKind::boolean) {
    out += c.text == "true" ? "yes" : "no";
    return;
  }
  append_shown(out, c.text);
}

std::string human(const Cell& c) {
  std::string out;
  append_human(out, CellView::of(c));
  return out;
}

void append_json_value(std::string& out, const CellView& c) {
  if (c.null)
    out += "null";
  else if (c.kind == CellKind::integer || c.kind == CellKind::boolean)
    out += c.text;
  else
    append_quoted_escaped(out, c.text);
}

// What comes before each value of a JSON object: the separator, the indent and the quoted key.
// Made once per listing, not once per row.
std::vector<std::string> json_key_prefixes(const std::vector<std::string>& columns,
                                           std::string_view indent) {
  std::vector<std::string> prefixes;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    std::string p = i ? ",\n" : "\n";
    p += indent;
    p += "  ";
    append_quoted_escaped(p, columns[i]);
    p += ": ";
    prefixes.push_back(std::move(p));
  }
  return prefixes;
}

void append_json_object(std::string& out, const std::vector<std::string>& key_prefixes,
                        std::span<const CellView> row, std::string_view indent) {
  out += "{";
  for (std::size_t i = 0; i < key_prefixes.size(); ++i) {
    out += key_prefixes[i];
    append_json_value(out, row[i]);
  }
  out += "\n";
  out += indent;
  out += "}";
}

void append_delimited(std::string& out, std::span<const CellView> row, char sep) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out += sep;
    if (sep == ',')
      append_csv_field(out, row[i].text);
    else
      append_tsv_field(out, row[i].text);
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
      if (table_columns.empty() ||
          std::find(table_columns.begin(), table_columns.end(), columns_[i]) != table_columns.end())
        shown_.push_back(i);
    return;
  }
  if (format_ == Format::json) {
    json_keys_ = json_key_prefixes(columns_, "  ");
    out_ << "[";
    return;
  }
  std::vector<CellView> header;
  for (const auto& c : columns_) header.push_back({c});
  append_delimited(buffer_, header, format_ == Format::csv ? ',' : '\t');
  out_ << buffer_;
}

void TableWriter::row(const std::vector<Cell>& cells) {
  views_.clear();
  for (const auto& c : cells) views_.push_back(CellView::of(c));
  row(views_);
}

void TableWriter::row(std::span<const CellView> cells) {
  buffer_.clear();
  switch (format_) {
    case Format::csv:
      append_delimited(buffer_, cells, ',');
      break;
    case Format::tsv:
      append_delimited(buffer_, cells, '\t');
      break;
    case Format::json:
      buffer_ += rows_ ? ",\n  " : "\n  ";
      append_json_object(buffer_, json_keys_, cells, "  ");
      break;
    case Format::table: {
      if (right_.empty())
        for (auto i : shown_)
          right_.push_back(cells[i].kind == CellKind::amount || cells[i].kind == CellKind::integer);
      // All held cells share one arena: a listing of 10,000 rows would otherwise allocate
      // 80,000 small strings before printing anything.
      for (auto i : shown_) {
        const std::size_t begin = arena_.size();
        append_human(arena_, cells[i]);
        const std::string_view text(arena_.data() + begin, arena_.size() - begin);
        held_.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(text.size()),
                         static_cast<std::uint32_t>(display_width(text))});
      }
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
  const std::size_t n = shown_.size();
  std::vector<std::size_t> width;
  for (auto i : shown_) width.push_back(display_width(columns_[i]));
  for (std::size_t k = 0; k < held_.size(); ++k)
    width[k % n] = std::max<std::size_t>(width[k % n], held_[k].width);
  right_.resize(n, false);
  std::string text;
  // One line at a time into `text`: sized once, then filled with memcpy/memset (this loop
  // runs for every cell of a 10,000-row listing).
  const auto emit_line = [&](const auto& cell) {
    std::size_t bytes = 2 * n + 1;
    for (std::size_t c = 0; c < n; ++c) {
      const auto [value, value_width] = cell(c);
      bytes += width[c] - value_width + value.size();
    }
    const std::size_t start = text.size();
    text.resize(start + bytes);
    char* p = text.data() + start;
    for (std::size_t c = 0; c < n; ++c) {
      const auto [value, value_width] = cell(c);
      const std::size_t pad = width[c] - value_width;
      if (c) p = std::fill_n(p, 2, ' ');
      if (right_[c]) p = std::fill_n(p, pad, ' ');
      p = std::copy(value.begin(), value.end(), p);
      if (!right_[c]) p = std::fill_n(p, pad, ' ');
    }
    while (p > text.data() + start && p[-1] == ' ') --p;
    *p++ = '\n';
    text.resize(static_cast<std::size_t>(p - text.data()));
    if (text.size() > (1 << 16)) {
      out_ << text;
      text.clear();
    }
  };
  emit_line([&](std::size_t c) {
    const std::string_view name = columns_[shown_[c]];
    return std::pair{name, display_width(name)};
  });
  const std::string_view arena = arena_;
  for (std::size_t r = 0; r < held_.size(); r += n)
    emit_line([&](std::size_t c) {
      const Held& h = held_[r + c];
      return std::pair{arena.substr(h.offset, h.size), std::size_t{h.width}};
    });
  out_ << text;
}

void print_table(std::ostream& out, const Table& t, Format format) {
  TableWriter w(out, format, t.columns, t.table_columns);
  for (const auto& r : t.rows) w.row(r);
  w.finish();
}

void print_record(std::ostream& out, const Table& t, Format format) {
  if (format == Format::json) {
    std::string text;
    std::vector<CellView> views;
    for (const auto& c : t.rows.at(0)) views.push_back(CellView::of(c));
    append_json_object(text, json_key_prefixes(t.columns, ""), views, "");
    out << text << "\n";
    return;
  }
  if (format != Format::table) return print_table(out, t, format);
  std::size_t width = 0;
  for (const auto& c : t.columns) width = std::max(width, display_width(c));
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const std::string value =
        t.rows[0][i].null
            ? ""
            : (t.rows[0][i].kind == CellKind::boolean ? human(t.rows[0][i]) : t.rows[0][i].text);
    // Multi-line values (addresses, notes) continue under the value column.
    std::string shown;
    for (const auto& part : split(value, '\n'))
      shown += (shown.empty() ? "" : "\n" + std::string(width + 2, ' ')) + part;
    out << t.columns[i] << std::string(width - display_width(t.columns[i]) + 2, ' ') << shown
        << "\n";
  }
}

std::string shown(std::string_view text) {
  std::string out;
  append_shown(out, text);
  return out;
}

std::string shown_lines(std::string_view text) {
  std::string out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t nl = text.find('\n', from);
    append_shown(out, text.substr(from, nl == std::string_view::npos ? nl : nl - from));
    if (nl == std::string_view::npos) return out;
    out += '\n';
    from = nl + 1;
  }
}

}  // namespace indie::cli
