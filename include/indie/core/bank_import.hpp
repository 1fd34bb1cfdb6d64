#pragma once
/// Bank statements in CSV, read through a small rules file that names the columns and formats.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/clock.hpp"
#include "indie/core/currency.hpp"

namespace indie {

/// How one bank writes its CSV export (see examples/rules/*.toml and indie-account(1)).
struct BankRules {
  char separator = ',';
  std::size_t skip_lines = 0;  ///< lines before the header row (a bank's title, the account number)
  bool latin1 = false;         ///< ISO-8859-1 file (many French banks), converted to UTF-8
  struct Columns {
    std::string date, amount, debit, credit, payee, memo, id, currency;
  } columns;
  std::string date_format = "%Y-%m-%d";  ///< %Y %y %m %d, other characters as they are
  char decimal = '.';
  std::string thousands;  ///< grouping characters to ignore, e.g. " " or "."
  std::string category;   ///< given to every imported transaction
};

/// Parses a rules file. Throws invalid_input as "<source>:<line>:<column>: <what>" for a TOML
/// error, an unknown key, a value of the wrong kind, or a missing date or amount column.
BankRules parse_bank_rules(std::string_view toml_text, std::string_view source);

/// One transaction of a statement.
struct StatementRow {
  std::size_t line = 0;  ///< where it is in the file, 1-based
  Date date{};
  std::int64_t amount_minor = 0;  ///< signed, in the account's currency
  std::string payee, memo;
  /// Stable across imports of overlapping statements: the bank's id when the rules name one,
  /// else a hash of day, amount, payee and memo with the row's rank among identical rows.
  std::string fingerprint;
};

/// Reads a whole statement in the account's currency `cur`. Throws invalid_input naming the
/// file, the line and the column for anything it cannot read (nothing is half-read).
std::vector<StatementRow> read_statement(std::string_view text, std::string_view source,
                                         const BankRules& rules, const Currency& cur);

}  // namespace indie
