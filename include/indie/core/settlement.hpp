#pragma once
/// Settling a payment against an issued invoice: what it settles, what is still due, the
/// overpayment rule and the realized exchange result of a foreign-currency invoice. (The
/// thresholds the year's receipts may cross are in thresholds.hpp.)
#include <cstdint>
#include <optional>

#include "indie/core/invoice.hpp"

namespace indie {

/// Throws, saying what to do, unless `invoice` is an issued invoice (not a draft, not a credit
/// note).
void check_payable(const Invoice& invoice);

struct Settlement {
  Money due;                     ///< due before the payment (TTC - credit notes - payments)
  Money left;                    ///< due after it; negative when overpaid
  std::optional<Money> fx_gain;  ///< EUR received against the invoice's frozen rate (a loss < 0)
};

/// Settles `settled` (in the invoice's currency) on `invoice`, which already has
/// `credited_minor` of credit notes and `paid_minor` of payments; `received` is what the bank
/// credited. More than is due is refused unless `allow_overpay`.
Settlement settle_payment(const Invoice& invoice, std::int64_t credited_minor,
                          std::int64_t paid_minor, const Money& settled, const Money& received,
                          bool allow_overpay);

/// A refund of `refunded` (in the invoice's currency, > 0) on `invoice`: money paid back to the
/// client when its payments exceed its TTC less its credit notes (after a credit note, or an
/// overpayment). Throws, saying what may be refunded, for more than that. `sent` is what left
/// the account (> 0); the exchange result is that of the money going back. `due` and `left` are
/// negative: what is owed to the client before and after.
Settlement settle_refund(const Invoice& invoice, std::int64_t credited_minor,
                         std::int64_t paid_minor, const Money& refunded, const Money& sent);

/// The reversal of `original` (a payment or refund recorded by mistake) on `date`: its exact
/// opposite, same invoice, method and account. Throws for a reversal, which is not reversed
/// (record the payment again instead).
Payment reversal_of(const Payment& original, Date date, std::string created_at);

}  // namespace indie
