#pragma once
/// Importing a bank statement into an account: every row checked before anything is written,
/// rows seen before skipped, and rows that are movements already recorded by hand (a payment,
/// a refund, a bill paid, a transfer) taken as those movements, never added twice (issue 29).
#include <cstdint>
#include <string>
#include <vector>

#include "indie/app/session.hpp"
#include "indie/core/bank_import.hpp"

namespace indie {

struct ImportStatement {
  std::string account;  ///< its name or id
  std::string text;     ///< the statement
  std::string source;   ///< its name in messages (the file, or <stdin>)
  BankRules rules;
  bool dry_run = false;  ///< everything done, then rolled back
};

/// added: a new movement; skipped: imported before; matched: a movement recorded by hand; paid:
/// a new movement that pays the open invoices it names, recorded as their payments.
enum class RowOutcome { added, skipped, matched, paid };

struct ImportedRow {
  const StatementRow* row = nullptr;
  RowOutcome outcome = RowOutcome::added;
  std::int64_t tx_id = 0;  ///< the transaction added, or the one recorded by hand it is
  std::string what;        ///< matched: "the payment of F2026-0007 recorded on 2026-12-09";
                           ///< paid: "the payment of F2026-0007 (paid in full)"
  std::string why;         ///< matched: "same amount, F2026-0007 named, 1 day apart";
                           ///< added: why a row naming an open invoice did not pay it
  bool weak = false;       ///< matched on amount and date alone
};

struct StatementImported {
  std::string account, currency;
  BankStatement statement;        ///< the rows read and those the rules left out
  std::vector<ImportedRow> rows;  ///< in the statement's order (points into `statement`)
  std::size_t added = 0, skipped = 0, matched = 0, paid = 0, fees = 0;
  std::vector<std::int64_t> payments;  ///< recorded from rows that name open invoices
  std::int64_t balance_minor = 0;      ///< after the import
  bool vat_ignored = false;            ///< the rules' VAT rates left out (franchise en base)
};

StatementImported import_statement(Session& session, const ImportStatement& request);

}  // namespace indie
