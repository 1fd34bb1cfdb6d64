#pragma once
/// A client's statement of account (relevé de compte): what was invoiced, credited, paid and
/// refunded, in date order, with the running balance and what is overdue, one currency at a
/// time. Issued invoices never change (issue 14.1): what happened to them since is told here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indie/core/clock.hpp"

namespace indie {

enum class StatementItemKind { invoice, credit_note, payment, refund, reversal };
std::string_view to_string(
    StatementItemKind k);  ///< invoice, credit-note, payment, refund, reversal

/// One thing that moved what the client owes.
struct StatementItem {
  Date date{};
  StatementItemKind kind = StatementItemKind::invoice;
  std::string document;  ///< the invoice's or credit note's number; for money, its invoice's
  std::string invoice;   ///< the invoice it concerns (itself for an invoice)
  std::string currency;
  std::optional<Date> due_date;  ///< invoices
  /// What it adds to what the client owes: + for an invoice, a refund or a reversed payment;
  /// - for a credit note, a payment or a reversed refund.
  std::int64_t amount_minor = 0;
  std::int64_t payment_id = 0;  ///< payments, refunds and reversals
  std::string method;           ///< payments: transfer, card…
};

struct StatementLine {
  StatementItem item;
  std::int64_t balance_minor = 0;  ///< what the client owes after it
};

/// One currency of a statement.
struct CurrencyStatement {
  std::string currency;
  std::int64_t opening_minor = 0;  ///< owed before `from` (0 without one)
  std::vector<StatementLine> lines;
  std::int64_t closing_minor = 0;  ///< owed on `as_of`; < 0 when the client is owed money back
  std::int64_t overdue_minor = 0;  ///< of that, what invoices past their due date still ask
  std::int64_t debits_minor = 0;   ///< the lines shown that add to what is owed (>= 0)
  std::int64_t credits_minor = 0;  ///< those that take from it (<= 0)
};

/// The statement on `as_of` of `items` (any order; those after `as_of` are left out), listing
/// from `from` when given (what came before is the opening balance), by currency (alphabetical),
/// each in date order: invoices, then credit notes, then money, on a same day.
std::vector<CurrencyStatement> build_statement(std::vector<StatementItem> items,
                                               std::optional<Date> from, Date as_of);

}  // namespace indie
