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
  bool release_time = false;        ///< give the billed time back; only with a full credit
  std::optional<Decimal> quantity;  ///< with one line: credit this much of its quantity
};

struct CreditPlan {
  std::vector<InvoiceLine> lines;  ///< the credit note's lines, positioned 1, 2, 3 …
  InvoiceTotals totals;
  bool full = false;  ///< it credits all that remains: the invoice is then cancelled
  Money left;         ///< TTC of the invoice left to credit after this note
};

/// The next credit note of `original` (issued, with `original_lines`) after `earlier`.
///  - lines: each named line for the quantity not credited yet (or `quantity` of one line);
///  - an amount excluding VAT: on a multi-rate invoice, split across the rates pro rata of the
///    bases that remain (the usual way of a commercial discount), to the cent;
///  - neither: all that remains, base and VAT of each rate exactly.
/// A note that takes the last of a rate's base takes the last of its VAT, so any sequence of
/// credits ends at exactly nothing due. Throws invalid_input, conflict or usage_error saying
/// what to do when the request cannot be met: a line out of range or already credited, a
/// quantity beyond what is left, more than remains, nothing left, --release-time on a partial
/// credit.
CreditPlan plan_credit(const Invoice& original, const std::vector<InvoiceLine>& original_lines,
                       const std::vector<EarlierCredit>& earlier, const CreditRequest& request);

}  // namespace indie
