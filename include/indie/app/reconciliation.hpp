#pragma once
/// What is left to reconcile in an account (issue 29): money that came in from a statement and
/// pays nothing yet, the open invoices of the account's currency, and the movements recorded by
/// hand that no statement has shown yet; with, for each row, the invoices it may pay and why.
#include <cstdint>
#include <string>
#include <vector>

#include "indie/app/session.hpp"
#include "indie/core/account.hpp"
#include "indie/core/invoice.hpp"

namespace indie {

struct PaymentSuggestion {
  std::string number;  ///< the open invoice
  std::string why;     ///< "its number named", "the payer named, the amount due", "the amount due"
};

struct UnpaidRow {
  AccountTx row;  ///< imported, money in, linked to no payment
  std::vector<PaymentSuggestion> suggestions;
};

struct Reconciliation {
  Account account;
  std::vector<UnpaidRow> rows;
  std::vector<Receivable> open_invoices;  ///< in the account's currency
  std::vector<AccountTx> waiting;         ///< recorded by hand, not yet in a statement
};

/// Reads what is left to reconcile in `account`; changes nothing.
Reconciliation reconciliation(Session& session, const std::string& account);

}  // namespace indie
