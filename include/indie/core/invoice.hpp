#pragma once
/// Invoices as values: lines, their exact amounts, the VAT breakdown and totals, and the status
/// that follows from credit notes and payments. No storage here; see indie/store/invoice_repo.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/activity.hpp"
#include "indie/core/clock.hpp"
#include "indie/core/error.hpp"
#include "indie/core/money.hpp"

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
  Decimal quantity;  ///< > 0, at most 4 decimals (French e-invoice rule BR-FR-DEC)
  std::string unit = "u";
  Decimal unit_price;  ///< excluding VAT, >= 0, at most 6 decimals
  Decimal vat_rate;    ///< percent: 20, 5.5, 0
  Decimal discount;    ///< percent, 0 <= d < 100, at most 2 decimals
  ServicePeriod period;
  std::optional<std::int64_t> project_id;       ///< lines made from tracked time
  std::optional<std::int64_t> credits_line_id;  ///< credit-note lines: the line they credit
  /// The VAT of this line, in minor units, when it is fixed rather than computed: the credit
  /// note that closes an invoice carries exactly the VAT that remains of each rate, which the
  /// rate applied to the remaining base may miss by a cent (EN 16931 BR-CO-17 allows it).
  std::optional<std::int64_t> fixed_vat_minor;
  /// The line total, in minor units, when it is fixed rather than quantity x price: a credit of
  /// part of a line's quantity credits the difference of the cumulated totals, so that the
  /// parts of a line add up to the line (3 x 0.005 is 0.02, not 0.01 + 0.01 + 0.01).
  std::optional<std::int64_t> fixed_net_minor;
  /// What the line sells (bnc, bic-services, bic-sales); none on a draft: its project's, then
  /// business.activity. Issuing writes the resolved one.
  std::optional<Activity> activity;
  std::int64_t entries = 0;  ///< time entries this line bills
};

/// Checks a line's numbers (ranges and decimals); throws invalid_input naming the field.
void check_line(const InvoiceLine& line);
/// quantity x unit price, rounded once to the currency (before any discount).
Money line_gross(const InvoiceLine& line, const Currency& cur);
/// The line total excluding VAT: quantity x unit price x (1 - discount), computed exactly and
/// rounded once, half away from zero, to the currency's minor units (discounts apply before VAT);
/// or the total fixed on the line (fixed_net_minor).
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
  Money net;                          ///< HT: the sum of the line totals
  Money vat;                          ///< TVA: the sum of the per-rate VAT amounts
  Money gross;                        ///< TTC = HT + TVA, exactly
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
Money cross_convert(const Money& amount, const Decimal& from_per_eur, const Decimal& to_per_eur,
                    const Currency& target);

/// The money around one issued invoice, for its status and balance.
struct InvoiceBalance {
  Money total;     ///< TTC
  Money credited;  ///< TTC of its credit notes
  Money paid;      ///< what its payments settled, in its currency
  Money due() const { return total - credited - paid; }
};
/// The service period of an invoice: the span of its lines' periods (CHECKLIST §8.1: the date
/// of the service), empty when no line has one.
ServicePeriod service_period(const std::vector<InvoiceLine>& lines);
/// The span of two periods (either may be empty).
ServicePeriod span(const ServicePeriod& a, const ServicePeriod& b);

/// The status of an issued invoice on `today`: cancelled when fully credited, paid when nothing
/// is due, overdue after the due date, partly-paid after a payment, else issued.
InvoiceStatus invoice_status(const InvoiceBalance& b, Date due_date, Date today);

struct Invoice {
  std::int64_t id = 0;
  InvoiceKind kind = InvoiceKind::invoice;
  std::int64_t client_id = 0;
  std::string client_handle;
  std::string currency = "EUR";
  Language language = Language::fr;
  bool issued = false;
  std::optional<std::string> number;
  std::string series;
  std::int64_t seq = 0;
  std::optional<Date> issue_date, due_date;
  ServicePeriod period;  ///< printed: the lines' periods and the given one, together
  /// The date or period of the service given for the whole invoice (--service-date, --period):
  /// what lines without a period of their own were done in.
  ServicePeriod given_period;
  std::string po_number, notes;
  std::string payment_terms;  ///< as issued: "30", "45eom" (empty before schema 11)
  /// A deposit (acompte) paid before issue, recorded with it: the document's "Net à payer" is
  /// the total less it.
  std::optional<std::int64_t> deposit_minor;
  std::optional<Date> deposit_date;
  std::optional<std::int64_t> credited_id;  ///< credit notes: the invoice they credit
  std::string reason;                       ///< credit notes: why
  bool releases_time = false;
  std::string vat_category = "E";  ///< S, E, AE or O
  std::int64_t net_minor = 0, vat_minor = 0, gross_minor = 0;
  std::string eur_rate, eur_rate_date, eur_rate_source;
  std::optional<std::int64_t> vat_eur_minor;
  std::string seller, buyer;          ///< JSON snapshots, frozen at issue
  std::vector<std::string> mentions;  ///< frozen at issue
  std::string created_at;

  const Currency& cur() const { return indie::currency(currency, true); }
  /// "F2026-0007", or "draft 12".
  std::string label() const { return number ? *number : "draft " + std::to_string(id); }
};

/// One row of `invoice list`: an invoice and what happened to it since. The views borrow the row
/// being read and are valid only inside the callback.
struct InvoiceListing {
  std::int64_t id = 0;
  InvoiceKind kind = InvoiceKind::invoice;
  bool issued = false;
  std::string_view number;  ///< empty for a draft
  std::string_view client_handle, currency;
  std::string_view issue_date, due_date;  ///< ISO 8601 as stored; empty when not set
  std::int64_t net_minor = 0, vat_minor = 0, gross_minor = 0;
  std::int64_t credited_minor = 0;          ///< TTC of its issued credit notes
  std::int64_t paid_minor = 0;              ///< what its payments settled
  std::optional<std::int64_t> credited_id;  ///< credit notes: the invoice they credit
};

enum class PaymentMethod { transfer, card, cash, check, paypal, other };
PaymentMethod parse_payment_method(std::string_view text);
std::string_view to_string(PaymentMethod m);

/// The document of an issued invoice or credit note, rendered once at issue and kept: what the
/// client received, byte for byte (issue 14.1).
struct IssuedDocument {
  std::string format = "pdf";  ///< pdf, or facturx: the PDF/A-3 with the invoice's CII inside
  std::string bytes;
  std::string sha256;  ///< of the bytes, lowercase hex
  std::string created_at;
};

/// A payment received; a refund paid back to the client (negative amounts); the reversal of a
/// payment or refund recorded by mistake (its exact opposite). Rows are never changed.
enum class PaymentKind { payment, refund, reversal };
PaymentKind parse_payment_kind(std::string_view text);
std::string_view to_string(PaymentKind k);

struct Payment {
  std::int64_t id = 0;
  std::int64_t invoice_id = 0;
  PaymentKind kind = PaymentKind::payment;
  std::optional<std::int64_t> reverses;  ///< a reversal: the payment or refund it undoes
  Date date{};
  std::int64_t amount_minor = 0;  ///< in the invoice's currency; < 0 when money went back
  PaymentMethod method = PaymentMethod::transfer;
  std::string account;
  std::int64_t received_minor = 0;
  std::string received_currency;
  std::string rate;  ///< payment currency -> invoice currency, when they differ
  std::optional<std::int64_t> fx_gain_minor;
  std::string fx_currency;
  std::string note;
  std::string created_at;
};

struct InvoiceFilter {
  std::optional<std::int64_t> client_id;
  std::optional<Date> from, to;  ///< issue date (drafts: creation date), both included
  std::optional<InvoiceKind> kind;
};

/// What an issued invoice still had due on a day (credit notes and payments up to that day).
struct Receivable {
  std::string client;
  std::string currency;
  Date due_date{};
  std::int64_t due_minor = 0;
  std::string number;
  Date issue_date{};
  std::string eur_rate;  ///< frozen at issue; empty for EUR invoices
};

/// A payment with what its exchange result needs to know about its invoice.
struct SettledPayment {
  Date date{};
  std::string number, client, currency;  ///< the invoice's
  Date issue_date{};
  std::string eur_rate;           ///< the invoice's, frozen at issue
  std::int64_t amount_minor = 0;  ///< what it settled, in the invoice's currency
  std::int64_t received_minor = 0;
  std::string received_currency;
};

/// The time entries an invoice's lines bill, in time order: for its timesheet annex.
struct TimesheetEntry {
  Instant start{}, end{};
  std::string project;  ///< the project's name
  std::string note;
};

/// Issued invoices and credit notes never change (they are corrected by credit notes): throws
/// conflict, with the way out, when `invoice` is issued and someone tries to `action` it.
void require_draft(const Invoice& invoice, std::string_view action);

/// The status of any document: a draft is a draft, an issued credit note is issued, and an
/// issued invoice's status follows its money (invoice_status).
InvoiceStatus document_status(bool issued, InvoiceKind kind, const InvoiceBalance& balance,
                              const std::optional<Date>& due_date, Date today);
/// What is still due on a document: an issued invoice's TTC less its credit notes and payments;
/// nothing on a draft or a credit note.
std::int64_t amount_due(bool issued, InvoiceKind kind, std::int64_t gross_minor,
                        std::int64_t credited_minor, std::int64_t paid_minor);

/// Days from `a` to `b` (b - a).
std::int64_t days_between(Date a, Date b);
Date add_days(Date d, std::int64_t days);

/// The error for an issued invoice whose data frozen at issue (`part`: "its seller", "its legal
/// mentions") cannot be read: the database was changed behind indie's back (issue 35.12).
Error damaged_invoice(const Invoice& invoice, std::string_view part, std::string_view detail);

}  // namespace indie
