#pragma once
/// The VAT a business that charges it owes for a month or a quarter (CHECKLIST §8.7; CGI art.
/// 269): on goods, VAT is due when they are invoiced (delivered); on services, when they are
/// paid, unless the business opted to pay on its debits (business.vat_on_debits: then when
/// invoiced, CGI art. 269-2-c). Deductible VAT comes from expenses. The EUR value of VAT due on
/// receipts is the receipt's (the bank's EUR, or the ECB rate of the day it was paid); on
/// invoices, the invoice's own rate.
#include <cstdint>
#include <string>
#include <vector>

#include "indie/core/expenses.hpp"
#include "indie/core/receipts.hpp"

namespace indie {

/// An invoice or credit note issued in the period, with its split in EUR (credit notes < 0).
struct IssuedShares {
  std::string number;
  bool taxable_in_france = true;  ///< false: reverse charge or outside the EU
  std::vector<SaleShare> shares;  ///< net and VAT in EUR cents
};

struct VatReturnLine {
  std::string kind;      ///< collected, not-taxable, deductible, total-collected, …
  std::string rate;      ///< "20"; empty for totals
  std::string basis;     ///< receipts, invoices, expenses
  std::string ca3_line;  ///< the line of form 3310-CA3 where it is clear; else empty
  std::int64_t base_cents = 0, vat_cents = 0;
};

struct VatReturn {
  std::vector<VatReturnLine> lines;
  std::int64_t collected = 0, deductible = 0;
  std::int64_t due() const { return collected - deductible; }
};

/// `receipts` and `issued` are the period's; `debits` is business.vat_on_debits.
VatReturn vat_return(const std::vector<Receipt>& receipts, const std::vector<IssuedShares>& issued,
                     const std::vector<Expense>& expenses, bool debits);

}  // namespace indie
