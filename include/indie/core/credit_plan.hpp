#pragma once
/// Planning a credit note (avoir): what is left to credit of an invoice, per VAT rate and in
/// total, after its earlier credit notes, and the lines of the next one, in full, by line or by
/// amount. Issued documents never change, so every correction goes through here.
#include <optional>
#include <string>
#include <vector>

#include "indie/core/invoice.hpp"

namespace indie {

/// An issued credit note of the invoice, as the plan needs it.
struct EarlierCredit {
  std::string number;
  std::int64_t gross_minor = 0;    ///< TTC it credited
  std::vector<InvoiceLine> lines;  ///< their credits_line_id name the lines they credited
};

/// What the user asked to credit: lines (as typed: "2"), an amount excluding VAT, or, with
/// neither, all that remains.
struct CreditRequest {
  std::vector<std::string> lines;
  std::optional<Money> amount;
  bool release_time = false;  ///< give the billed time back; only with a full credit
};

struct CreditPlan {
  std::vector<InvoiceLine> lines;  ///< the credit note's lines, positioned 1, 2, 3 …
  InvoiceTotals totals;
  bool full = false;  ///< it credits all that remains: the invoice is then cancelled
  Money left;         ///< TTC of the invoice left to credit after this note
};

/// The next credit note of `original` (issued, with `original_lines`) after `earlier`. Throws
/// invalid_input, conflict or usage_error saying what to do when the request cannot be met: a
/// line out of range or already credited, an amount on a multi-rate invoice, more than
/// remains, nothing left, --release-time on a partial credit.
CreditPlan plan_credit(const Invoice& original, const std::vector<InvoiceLine>& original_lines,
                       const std::vector<EarlierCredit>& earlier, const CreditRequest& request);

}  // namespace indie
