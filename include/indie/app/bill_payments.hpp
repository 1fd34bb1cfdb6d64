#pragma once
/// Paying a supplier's bill: a new transaction in an open account, or one already there (a bank
/// import's) linked to it. Either carries the supplier, the category and the bill's VAT share.
#include <cstdint>
#include <optional>
#include <string>

#include "indie/app/session.hpp"

namespace indie {

struct PayBill {
  std::int64_t bill_id = 0;
  std::string account;                ///< record a new payment from it; or:
  std::optional<std::int64_t> tx_id;  ///< link this transaction
  std::string amount;                 ///< with `account`: as typed, in the account's currency
  std::optional<Date> date;           ///< with `account`; default: today
};

struct BillPaid {
  std::int64_t bill_id = 0;
  std::string supplier, number, currency;
  bool credit_note = false;
  std::int64_t tx_id = 0;
  std::int64_t settled_minor = 0;  ///< in the bill's currency
  std::int64_t left_minor = 0;     ///< still to pay after it
};
BillPaid pay_bill(Session& session, const PayBill& request);

}  // namespace indie
