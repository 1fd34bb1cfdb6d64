#pragma once
/// Bank statements in CSV, read through a small rules file that names the columns and formats.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indie/core/clock.hpp"
#include "indie/core/currency.hpp"

namespace indie {

/// How one bank writes its CSV export (see examples/rules/*.toml and indie-account(1)).
struct BankRules {
  char separator = ',';
  std::size_t skip_lines = 0;  ///< lines before the header row (a bank's title, the account number)
  /// A single-byte file (many French and German banks), converted to UTF-8 as Windows-1252, which
  /// is what files called latin-1 hold in practice (€ is 0x80, — is 0x97).
  bool windows1252 = false;
  struct Columns {
    std::string date, amount, debit, credit, payee, memo, id, currency;
    std::string fee;    ///< a fee column: the fee becomes a transaction of its own
    std::string sign;   ///< a debit/credit marker column beside unsigned amounts
    std::string state;  ///< a state column (COMPLETED, PENDING…): see skip_states
  } columns;
  std::vector<std::string> sign_out, sign_in;  ///< the markers meaning money out and in
  /// Markers of a move between one's own balances (Wise's NEUTRAL conversions): the side whose
  /// currency is the account's applies.
  std::vector<std::string> sign_both;
  /// Wallet histories with several currencies in one file (Wise's transaction history) give
  /// each row a sending side and a receiving side: [out] and [in] name their columns, the sign
  /// column says which side is the account's, and rows of other balances are left out.
  struct Side {
    std::string amount, fee, currency, payee;
  };
  std::optional<Side> out_side, in_side;
  /// Rows to leave out: a column's value in a list (balance lines such as "Anfangssaldo").
  std::vector<std::pair<std::string, std::vector<std::string>>> skip_if;
  /// States of rows that did not happen (yet): left out when the rules name a state column.
  std::vector<std::string> skip_states = {"PENDING", "REVERTED",  "DECLINED",
                                          "FAILED",  "CANCELLED", "CANCELED"};
  bool keep_zero = false;  ///< import rows of amount 0 (left out by default, with a note)
  /// %Y %y %m %d, with %H %M %S %p for a time (kept for ordering); other characters as they are
  std::string date_format = "%Y-%m-%d";
  char decimal = '.';
  std::string thousands;  ///< grouping characters to ignore, e.g. " " or "."
  std::string category;   ///< given to every imported transaction
  /// [[payee]] rules: the first whose `match` the payee or memo holds (case-insensitive) gives
  /// the transaction its category and, for a business that charges VAT, the VAT rate its
  /// amount includes.
  struct PayeeRule {
    std::string match, category, vat;
  };
  std::vector<PayeeRule> payees;
  const PayeeRule* payee_rule(std::string_view payee, std::string_view memo) const;

  /// Every column the rules name, for --detect.
  std::vector<std::string> named_columns() const;
};

/// Parses a rules file. Throws invalid_input as "<source>:<line>:<column>: <what>" for a TOML
/// error, an unknown key, a value of the wrong kind, or a missing date or amount column.
BankRules parse_bank_rules(std::string_view toml_text, std::string_view source);

/// One transaction of a statement.
struct StatementRow {
  std::size_t line = 0;  ///< where it is in the file, 1-based
  Date date{};
  std::optional<std::int64_t> seconds;  ///< the time of day, when the bank writes one
  std::int64_t amount_minor = 0;        ///< signed, in the account's currency
  std::string payee, memo;
  /// Stable across imports of overlapping statements: the bank's id when the rules name one
  /// (with the row's rank among rows sharing it: a transfer and its fee), else a hash of day,
  /// amount, payee and memo with the row's rank among identical rows.
  std::string fingerprint;
  bool fee = false;  ///< the fee of the row before it, from the rules' fee column
};

/// A row the rules leave out, and why ("state PENDING", "Description is Anfangssaldo",
/// "amount 0").
struct SkippedRow {
  std::size_t line = 0;
  std::string why;
};

struct BankStatement {
  std::vector<StatementRow> rows;  ///< oldest first (a newest-first file is turned round)
  std::vector<SkippedRow> skipped;
};

/// Reads a whole statement in the account's currency `cur`. Throws invalid_input naming the
/// file, the line and the column for anything it cannot read (nothing is half-read).
BankStatement read_statement(std::string_view text, std::string_view source, const BankRules& rules,
                             const Currency& cur);

/// The rules' columns missing from the header of `text` (after skip_lines), for --detect; empty
/// when the rules fit. Throws nothing: a file the rules cannot even split misses everything.
std::vector<std::string> missing_columns(std::string_view text, const BankRules& rules);

}  // namespace indie
