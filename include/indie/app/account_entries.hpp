#pragma once
/// A transaction typed into an account: an expense with the VAT it includes, an income, or a
/// sale paid straight into the account (a receipt of the receipts journal, final once recorded).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indie/app/session.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/invoice.hpp"
#include "indie/core/money.hpp"

namespace indie {

struct AddTransaction {
  std::string account;       ///< its name or id; it must take entries (not archived)
  std::string amount;        ///< as typed, in the account's currency: income 42.50, expense -42.50
  std::optional<Date> date;  ///< default: today
  std::string payee, category, note;
  std::string invoice;                  ///< the number of an invoice it concerns, if any
  std::optional<Decimal> vat_rate;      ///< the VAT rate the amount includes (percent)
  std::string vat_amount;               ///< or the VAT it includes, as typed, without sign
  bool receipt = false;                 ///< a sale of the receipts journal
  std::string activity;                 ///< with receipt: bnc, bic-services or bic-sales
  std::optional<PaymentMethod> method;  ///< with receipt; default: from the account's kind
};

struct TransactionAdded {
  std::int64_t id = 0;
  bool receipt = false;
  std::string account, currency;
  Money amount;
  Date date{};
  Money balance;                      ///< of the account after it
  std::vector<std::string> warnings;  ///< a threshold the receipt crossed
};
TransactionAdded add_transaction(Session& session, const AddTransaction& request);

}  // namespace indie
