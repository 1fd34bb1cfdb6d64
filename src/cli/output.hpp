#pragma once
// Listings as data: one Table, printed as an aligned table, CSV (RFC 4180), TSV or JSON, with
// the same field names in every format.
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace indie::cli {

enum class Format { table, csv, tsv, json };
Format parse_format(std::string_view text);

enum class CellKind {
  text,     ///< JSON string, left-aligned
  amount,   ///< exact decimal: JSON string, right-aligned
  integer,  ///< JSON number, right-aligned
  boolean,  ///< JSON true/false; "yes"/"no" in a table
};

struct Cell {
  std::string text;
  CellKind kind = CellKind::text;
  bool null = false;  ///< JSON null, empty elsewhere

  static Cell str(std::string s) { return {std::move(s), CellKind::text, false}; }
  static Cell amount(std::string s) { return {std::move(s), CellKind::amount, false}; }
  static Cell integer(long long v) { return {std::to_string(v), CellKind::integer, false}; }
  static Cell boolean(bool v) { return {v ? "true" : "false", CellKind::boolean, false}; }
  static Cell none() { return {"", CellKind::text, true}; }
};

/// A cell that borrows its text: listings of many rows fill these straight from the database.
struct CellView {
  std::string_view text;
  CellKind kind = CellKind::text;
  bool null = false;

  static CellView of(const Cell& c) { return {c.text, c.kind, c.null}; }
};

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  /// Columns shown in the human table (all when empty); machine formats always carry all.
  std::vector<std::string> table_columns;
};

/// Writes a listing row by row: CSV, TSV and JSON go out as they come; the human table keeps
/// only its shown columns until finish(), which aligns them.
class TableWriter {
 public:
  TableWriter(std::ostream& out, Format format, std::vector<std::string> columns,
              std::vector<std::string> table_columns = {});
  void row(const std::vector<Cell>& cells);
  void row(std::span<const CellView> cells);
  void finish();
  std::size_t rows() const { return rows_; }

 private:
  struct Held {            // one table cell, kept in arena_ until finish() knows the column widths
    std::uint32_t offset;  // a listing's text stays far below 4 GiB
    std::uint32_t size;
    std::uint32_t width;
  };
  std::ostream& out_;
  Format format_;
  std::vector<std::string> columns_;
  std::vector<std::size_t> shown_;  // indexes of the table's columns
  std::vector<bool> right_;         // right-aligned (numbers), set from the first row
  std::vector<Held> held_;          // table format only, row after row
  std::string arena_;
  std::string buffer_;
  std::vector<CellView> views_;         // reused by row(const std::vector<Cell>&)
  std::vector<std::string> json_keys_;  // JSON: separator, indent and quoted key of each column
  std::size_t rows_ = 0;
};

/// A listing: JSON is an array of objects.
void print_table(std::ostream& out, const Table& table, Format format);
/// One record (`show`): the table format prints "field  value" lines, JSON a single object.
void print_record(std::ostream& out, const Table& table, Format format);

std::string json_string(std::string_view s);
/// Text from data as a terminal may show it: on one line, each control character (C0, DEL, C1:
/// an ESC or a CSI from an imported file) as U+FFFD, so it cannot drive the terminal.
std::string shown(std::string_view text);
/// A message for people (a confirmation, a warning, an error) that may quote data: its lines
/// kept, every other control character shown as U+FFFD.
std::string shown_lines(std::string_view text);

}  // namespace indie::cli
