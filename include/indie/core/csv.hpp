#pragma once
/// RFC 4180 CSV: a strict reader that names the line and column of a fault, and a writer.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace indie {

/// One record with the 1-based line on which it starts (quoted fields may span lines).
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Parses the whole text. Accepts CRLF or LF line ends and a UTF-8 byte-order mark; skips
/// blank lines. Throws invalid_input as "<source>:<line>:<column>: <what>" for an unterminated
/// quote or a stray quote in an unquoted field, and for rows whose field count differs from the
/// first row's.
std::vector<CsvRecord> parse_csv(std::string_view text, std::string_view source = "<stdin>",
                                 char separator = ',');

/// Like parse_csv, but calls `fn` for each record as it is read, without keeping them. With
/// `is_header`, the records before the first one it accepts (a bank's lines about the account)
/// are passed to it alone, whatever their number of fields; the header and what follows go to
/// `fn` as usual.
void for_each_csv_record(std::string_view text, std::string_view source, char separator,
                         const std::function<void(const CsvRecord&)>& fn,
                         const std::function<bool(const CsvRecord&)>& is_header = {});

/// A field quoted only when it must be (separator, quote, CR or LF inside, or edge spaces).
std::string csv_field(std::string_view value, char separator = ',');
/// The same, appended to `out` (listings write millions of fields without a string each).
void append_csv_field(std::string& out, std::string_view value, char separator = ',');

}  // namespace indie
