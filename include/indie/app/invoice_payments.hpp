#pragma once
/// Money received on an issued invoice, money paid back to the client, and the exact opposite of
/// either when it was recorded by mistake. Each is one transaction; a recorded payment never
/// changes, every correction is a new row.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indie/app/session.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/invoice.hpp"
#include "indie/core/money.hpp"

namespace indie {

struct PayInvoice {
  std::string invoice;          ///< its number
  std::string amount;           ///< as typed, in `currency`: read once the invoice is known
  std::string currency;         ///< what the client paid in; empty: the invoice's
  std::optional<Decimal> rate;  ///< 1 `currency` = rate of the invoice's; default: stored rates
  std::optional<Date> date;     ///< the day the money arrived; default: today
  PaymentMethod method = PaymentMethod::transfer;
  std::string account;            ///< where it landed; empty: not recorded in an account
  std::optional<Money> received;  ///< what the bank credited; default: `amount`
  std::string note;
  bool allow_overpay = false;
  /// A row imported from a statement that is this payment: it takes its account, day and
  /// amount, and no second movement is added (issue 29).
  std::optional<std::int64_t> tx_id;
};

struct InvoicePaid {
  std::int64_t payment_id = 0;
  std::string number;
  Money paid;     ///< in the currency paid
  Money settled;  ///< what it settles, in the invoice's currency
  Money left;     ///< still due after it; below zero when overpaid
  std::string account;
  std::optional<Money> fx_gain;  ///< EUR, against the invoice's frozen rate
  std::vector<std::string> warnings;
  /// The imported row that is this payment (given, or found: same amount, at most a week
  /// apart, naming the invoice or the client), when there is one.
  std::optional<std::int64_t> linked_tx;
  std::string linked_why;
};
/// Records a payment on an issued invoice (and in `account`, which must be open and hold the
/// currency received). When the account's statement was imported first, the row that is this
/// payment becomes its side in the account: nothing is counted twice.
InvoicePaid pay_invoice(Session& session, const PayInvoice& request);

struct RefundInvoice {
  std::string invoice;  ///< the invoice's number, or its credit note's
  std::string amount;   ///< as typed, in the invoice's currency
  std::optional<Date> date;
  PaymentMethod method = PaymentMethod::transfer;
  std::string account;
  std::optional<Money> sent;  ///< what left the account, when in another currency
  std::string note;
};

struct InvoiceRefunded {
  std::int64_t payment_id = 0;
  std::string number;
  Money refunded;  ///< in the invoice's currency
  Money sent;      ///< what left the account
  Money left;      ///< due after it
  std::string account;
  std::optional<Money> fx_gain;
};
/// Records money paid back to the client of an issued invoice.
InvoiceRefunded refund_invoice(Session& session, const RefundInvoice& request);

struct ReversePayment {
  std::int64_t payment_id = 0;
  std::string invoice;  ///< when given, the payment must be on it
  std::optional<Date> date;
  std::string note;
};

struct PaymentReversed {
  std::int64_t reversal_id = 0;
  PaymentKind original_kind = PaymentKind::payment;
  std::string number;
  Money undone;  ///< the original's amount, above zero
  Money left;    ///< due after the reversal
  std::string account;
};
/// Records the exact opposite of a payment or refund, in the same account.
PaymentReversed reverse_payment(Session& session, const ReversePayment& request);

}  // namespace indie
