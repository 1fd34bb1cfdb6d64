#include "indie/core/csv.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {

std::vector<CsvRecord> parse_csv(std::string_view text, std::string_view source, char sep) {
  std::vector<CsvRecord> records;
  for_each_csv_record(text, source, sep, [&](const CsvRecord& rec) { records.push_back(rec); });
  return records;
}

// One record is reused, its strings keeping their capacity: a million-row import reads
// without a million allocations.
void for_each_csv_record(std::string_view text, std::string_view source, char sep,
                         const std::function<void(const CsvRecord&)>& fn,
                         const std::function<bool(const CsvRecord&)>& is_header) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // A file that is not UTF-8 is refused whole, where it goes wrong, before any row is read.
  if (const auto bad = invalid_utf8_at(text))
    throw invalid_input(
        fmt::format("{}:{}: byte 0x{:02X} is not UTF-8; save the file as UTF-8 (for a bank "
                    "statement in Latin-1, set encoding = \"latin-1\" under [csv] in its rules)",
                    source, line_column(text, *bad), static_cast<unsigned char>(text[*bad])));
  // Control characters (NUL, ESC …, and the C1 controls a Windows-1252 file read as Latin-1
  // produces) are no text: refused whole, where they are, before any row is read.
  if (const auto bad = control_character_at(text))
    throw invalid_input(
        fmt::format("{}:{}: a control character (U+{:04X}) is in the file; remove it, or "
                    "check the file's encoding",
                    source, line_column(text, *bad), control_code_point(text, *bad)));
  std::size_t header_fields = 0;
  CsvRecord rec;
  std::size_t line = 1, column = 1, i = 0;
  const auto fail = [&](std::size_t l, std::size_t c, std::string_view what) {
    throw invalid_input(fmt::format("{}:{}:{}: {}", source, l, c, what));
  };

  while (i < text.size()) {
    // Skip blank lines between records.
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      i += text[i] == '\r' ? 2 : 1;
      ++line;
      column = 1;
      continue;
    }
    rec.line = line;
    std::size_t n = 0;
    bool end_of_record = false;
    while (!end_of_record) {
      if (n == rec.fields.size()) rec.fields.emplace_back();
      std::string& field = rec.fields[n++];
      field.clear();
      if (i < text.size() && text[i] == '"') {
        const std::size_t qline = line, qcol = column;
        ++i;
        ++column;
        for (;;) {
          if (i >= text.size()) fail(qline, qcol, "a quoted field is never closed (unbalanced \")");
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              column += 2;
              continue;
            }
            ++i;
            ++column;
            break;
          }
          field += c;
          ++i;
          if (c == '\n') {
            ++line;
            column = 1;
          } else {
            ++column;
          }
        }
        if (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r')
          fail(line, column,
               "unexpected text after a closing quote (inside a quoted field, write a quote twice: "
               "\"\")");
      } else {
        // A quote inside an unquoted field (12" screen, a bank's memo) is a character like any
        // other, as spreadsheets and Python's csv module read it (issue 29); only a field that
        // starts with one is quoted.
        const std::size_t from = i;
        while (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
          ++i;
          ++column;
        }
        field.assign(text.substr(from, i - from));
      }
      if (i < text.size() && text[i] == sep) {
        ++i;
        ++column;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      column = 1;
      end_of_record = true;
    }
    rec.fields.resize(n);
    if (header_fields == 0 && is_header && !is_header(rec)) continue;  // a line before it
    if (header_fields == 0)
      header_fields = n;
    else if (n != header_fields)
      fail(rec.line, 1,
           fmt::format("expected {} fields as in the header, found {}", header_fields, n));
    fn(rec);
  }
}

void append_csv_field(std::string& out, std::string_view value, char sep) {
  // One pass over the bytes: this runs for every field of every listed row.
  bool quote = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  for (std::size_t i = 0; i < value.size() && !quote; ++i) {
    const char c = value[i];
    quote = c == sep || c == '"' || c == '\r' || c == '\n';
  }
  if (!quote) {
    out += value;
    return;
  }
  out += '"';
  for (std::size_t from = 0;;) {
    const std::size_t q = value.find('"', from);
    out += value.substr(from, q == std::string_view::npos ? std::string_view::npos : q + 1 - from);
    if (q == std::string_view::npos) break;
    out += '"';  // a quote inside is doubled
    from = q + 1;
  }
  out += '"';
}

std::string csv_field(std::string_view value, char sep) {
  std::string out;
  append_csv_field(out, value, sep);
  return out;
}

}  // namespace indie
