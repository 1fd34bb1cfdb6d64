#pragma once
/// Issuing: a draft checked, numbered in its series, frozen and kept as the document it was
/// issued as; and a credit note that corrects an issued invoice. Each is one transaction that
/// holds the write lock from before the series is read, so numbers never repeat or skip.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indie/app/session.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/invoice.hpp"
#include "indie/core/money.hpp"

namespace indie {

struct IssueInvoice {
  std::string draft;                          ///< the draft's id
  std::optional<Date> date;                   ///< issue date; default: today
  bool force = false;                         ///< allow a date far from today
  std::optional<ServicePeriod> given_period;  ///< for lines without their own
  std::optional<Decimal> eur_rate;            ///< units of the currency for 1 EUR
  std::optional<Date> rate_date;              ///< the day of `eur_rate`; default: the issue date
  std::string rate_source;                    ///< where `eur_rate` comes from; default: manual
  std::string deposit;                        ///< as typed, in the invoice's currency; empty: none
  std::optional<Date> deposit_date;           ///< default: the issue date
  std::string deposit_account;
  PaymentMethod deposit_method = PaymentMethod::transfer;
};

struct InvoiceIssued {
  std::string number, client;
  Money gross;  ///< including VAT
  Date due{};
  std::optional<Money> deposit;
  std::optional<Date> deposit_date;
  std::vector<std::string> warnings;  ///< a stale exchange rate
};
InvoiceIssued issue_invoice(Session& session, const IssueInvoice& request);

struct CreditInvoice {
  std::string invoice;  ///< the number of the invoice it corrects
  std::string reason;
  std::vector<std::string> lines;   ///< line positions to credit; empty: see amount, else all
  std::string amount;               ///< as typed: credit this much (in the invoice's currency)
  std::optional<Decimal> quantity;  ///< with one line: credit this quantity of it
  bool release_time = false;        ///< its time entries become unbilled again
  std::optional<Date> date;
  bool force = false;
};

struct CreditIssued {
  std::string number, original;
  Money gross;  ///< of the credit note, including VAT
  bool full = false;
  Money left;  ///< of the original, after it
  std::int64_t released_entries = 0;
};
CreditIssued credit_invoice(Session& session, const CreditInvoice& request);

}  // namespace indie
