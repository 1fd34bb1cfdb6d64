#pragma once
/// Invoices as values: lines, their exact amounts, the VAT breakdown and totals, and the status
/// that follows from credit notes and payments. No storage here; see invoice_repo.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/clock.hpp"
#include "indie/money.hpp"

namespace indie {

/// EN 16931 document types: 380 commercial invoice, 381 credit note ("Avoir").
enum class InvoiceKind { invoice, credit_note };
std::string_view to_string(InvoiceKind k);  ///< invoice, credit-note
int type_code(InvoiceKind k);               ///< 380, 381

/// What a listing shows. Only draft and issued are stored; the others follow from the money.
enum class InvoiceStatus { draft, issued, partly_paid, paid, overdue, cancelled };
InvoiceStatus parse_invoice_status(std::string_view text);
std::string_view to_string(InvoiceStatus s);  ///< draft, issued, partly-paid …

/// Units a line quantity may be counted in (each maps to a UN/ECE rec. 20 code for e-invoices).
/// h hour, d day, u unit (piece or flat fee), month, week, km, page, word.
std::string normalize_unit(std::string_view text);

/// A date or a period of service (CHECKLIST §8.1: the date of the service when it differs from
/// the issue date).
struct ServicePeriod {
  std::optional<Date> from, to;  ///< both set, or neither; a single day has from == to
  bool empty() const { return !from.has_value(); }
  /// `2026-11-01..2026-11-15` or one date `2026-11-03`; throws invalid_input otherwise.
  static ServicePeriod parse(std::string_view text, Date today);
  std::string to_string() const;  ///< "2026-11-01..2026-11-15", "2026-11-03" or ""
};

struct InvoiceLine {
  std::int64_t id = 0;
  int position = 0;  ///< 1, 2, 3 … as shown and as `line edit ID N` names it
  std::string description;
  Decimal quantity;    ///< > 0, at most 4 decimals (French e-invoice rule BR-FR-DEC)
  std::string unit = "u";
  Decimal unit_price;  ///< excluding VAT, >= 0, at most 6 decimals
  Decimal vat_rate;    ///< percent: 20, 5.5, 0
  Decimal discount;    ///< percent, 0 <= d < 100, at most 2 decimals
  ServicePeriod period;
  std::optional<std::int64_t> project_id;      ///< lines made from tracked time
  std::optional<std::int64_t> credits_line_id;  ///< credit-note lines: the line they credit
  std::int64_t entries = 0;                     ///< time entries this line bills
};

/// Checks a line's numbers (ranges and decimals); throws invalid_input naming the field.
void check_line(const InvoiceLine& line);
/// quantity x unit price, rounded once to the currency (before any discount).
Money line_gross(const InvoiceLine& line, const Currency& cur);
/// The line total excluding VAT: quantity x unit price x (1 - discount), computed exactly and
/// rounded once, half away from zero, to the currency's minor units (discounts apply before VAT).
Money line_net(const InvoiceLine& line, const Currency& cur);

/// One VAT rate's part of an invoice: the sum of the rounded line totals, and the VAT on that
/// sum, rounded once (EN 16931 BR-CO-17: "add, then apply").
struct VatBreakdown {
  Decimal rate;
  Money base;
  Money vat;
};

struct InvoiceTotals {
  std::vector<VatBreakdown> by_rate;  ///< highest rate first
  Money net;    ///< HT: the sum of the line totals
  Money vat;    ///< TVA: the sum of the per-rate VAT amounts
  Money gross;  ///< TTC = HT + TVA, exactly
};
InvoiceTotals compute_totals(const std::vector<InvoiceLine>& lines, const Currency& cur);

/// `amount` in a foreign currency converted to EUR at an ECB-style rate (units of that currency
/// per 1 EUR), rounded once: 800.00 USD at 1.1225 -> 712.69 EUR.
Money to_eur(const Money& amount, const Decimal& units_per_eur);
/// `amount` converted into `target` at `rate` (target units per 1 unit of amount's currency),
/// rounded once.
Money convert(const Money& amount, const Decimal& rate, const Currency& target);

/// `amount` converted through EUR with two ECB-style rates (units per 1 EUR; 1 for EUR itself):
/// amount / from_per_eur x to_per_eur, rounded once.
Money cross_convert(const Money& amount, const Decimal& from_per_eur, const Decimal& to_per_eur, const Currency& target);

/// The money around one issued invoice, for its status and balance.
struct InvoiceBalance {
  Money total;     ///< TTC
  Money credited;  ///< TTC of its credit notes
  Money paid;      ///< what its payments settled, in its currency
  Money due() const { return total - credited - paid; }
};
/// The status of an issued invoice on `today`: cancelled when fully credited, paid when nothing
/// is due, overdue after the due date, partly-paid after a payment, else issued.
InvoiceStatus invoice_status(const InvoiceBalance& b, Date due_date, Date today);

/// Days from `a` to `b` (b - a).
std::int64_t days_between(Date a, Date b);
Date add_days(Date d, std::int64_t days);

}  // namespace indie
