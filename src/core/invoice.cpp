#include "indie/core/invoice.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

constexpr int kMaxQuantityScale = 4;  // BR-FR-DEC: quantities with at most 4 decimals
constexpr int kMaxPriceScale = 6;     // and unit prices with at most 6
const Decimal kMaxQuantity = Decimal::from_int(1'000'000);
const Decimal kMaxPrice = Decimal::from_int(1'000'000'000);
constexpr std::array<std::string_view, 6> kMethods = {"transfer", "card",   "cash",
                                                      "check",    "paypal", "other"};

std::int64_t checked(int128 v) {
  if (v > INT64_MAX || v < INT64_MIN) throw invalid_input("the amount is too large");
  return static_cast<std::int64_t>(v);
}

constexpr std::array kStatuses = {"draft", "issued", "partly-paid", "paid", "overdue", "cancelled"};

}  // namespace

std::string_view to_string(InvoiceKind k) {
  return k == InvoiceKind::invoice ? "invoice" : "credit-note";
}
int type_code(InvoiceKind k) { return k == InvoiceKind::invoice ? 380 : 381; }

InvoiceStatus parse_invoice_status(std::string_view text) {
  const std::string t = to_lower(trim(text));
  for (std::size_t i = 0; i < kStatuses.size(); ++i)
    if (t == kStatuses[i] || (t == "partly_paid" && i == 2)) return static_cast<InvoiceStatus>(i);
  throw usage_error(fmt::format(
      "unknown status '{}': use draft, issued, partly-paid, paid, overdue or cancelled", text));
}

std::string_view to_string(InvoiceStatus s) { return kStatuses[static_cast<std::size_t>(s)]; }

std::string normalize_unit(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "h" || t == "hour" || t == "hours" || t == "heure" || t == "heures") return "h";
  if (t == "d" || t == "day" || t == "days" || t == "j" || t == "jour" || t == "jours") return "d";
  if (t == "u" || t == "unit" || t == "units" || t == "unité" || t == "forfait" || t == "flat")
    return "u";
  for (const char* u : {"month", "week", "km", "page", "word"})
    if (t == u || t == std::string(u) + "s") return u;
  throw invalid_input(fmt::format(
      "unknown unit '{}': use h, d, u (a unit or flat fee), month, week, km, page or word", text));
}

ServicePeriod ServicePeriod::parse(std::string_view text, Date today) {
  const std::string_view t = trim(text);
  ServicePeriod p;
  if (const auto dots = t.find(".."); dots != std::string_view::npos) {
    p.from = parse_date(t.substr(0, dots), today);
    p.to = parse_date(t.substr(dots + 2), today);
    if (*p.to < *p.from)
      throw invalid_input(fmt::format("the period {} ends before it starts; write FROM..TO", t));
  } else {
    p.from = p.to = parse_date(t, today);
  }
  return p;
}

std::string ServicePeriod::to_string() const {
  if (empty()) return "";
  if (*from == *to) return format_date(*from);
  return format_date(*from) + ".." + format_date(*to);
}

void check_line(const InvoiceLine& l) {
  if (trim(l.description).empty())
    throw invalid_input("a line needs a description of what is billed");
  if (!is_printable_utf8(l.description))
    throw invalid_input("the description has control characters");
  if (l.quantity.is_negative() || l.quantity.is_zero())
    throw invalid_input(
        fmt::format("quantity {} must be more than 0; to reduce an invoice use --discount, or a "
                    "credit note once issued",
                    l.quantity.to_string()));
  if (l.quantity.significant_scale() > kMaxQuantityScale)
    throw invalid_input(fmt::format("quantity {} has more than {} decimals", l.quantity.to_string(),
                                    kMaxQuantityScale));
  if (l.quantity > kMaxQuantity)
    throw invalid_input(fmt::format("quantity {} is too large", l.quantity.to_string()));
  if (l.unit_price.is_negative())
    throw invalid_input(
        fmt::format("price {} is negative; use --discount, or a credit note once issued",
                    l.unit_price.to_string()));
  if (l.unit_price.significant_scale() > kMaxPriceScale)
    throw invalid_input(fmt::format("price {} has more than {} decimals", l.unit_price.to_string(),
                                    kMaxPriceScale));
  if (l.unit_price > kMaxPrice)
    throw invalid_input(fmt::format("price {} is too large", l.unit_price.to_string()));
  if (l.discount.is_negative() || l.discount >= Decimal::from_int(100) ||
      l.discount.significant_scale() > 2)
    throw invalid_input(
        fmt::format("discount {} must be a percentage from 0 to 99.99", l.discount.to_string()));
  if (l.vat_rate.is_negative() || l.vat_rate > Decimal::from_int(100) ||
      l.vat_rate.significant_scale() > 2)
    throw invalid_input(
        fmt::format("VAT rate {} must be a percentage such as 20 or 5.5", l.vat_rate.to_string()));
}

Money line_gross(const InvoiceLine& l, const Currency& cur) {
  const Decimal q = l.quantity.normalized(), p = l.unit_price.normalized();
  const int128 num = static_cast<int128>(q.mantissa()) * p.mantissa() * pow10_128(cur.minor_units);
  return Money(checked(divide_rounded(num, pow10_128(q.scale() + p.scale()), default_rounding)),
               cur);
}

Money line_net(const InvoiceLine& l, const Currency& cur) {
  if (l.fixed_net_minor) return Money(*l.fixed_net_minor, cur);
  // q × p × (100 − d) / 100, exact in 128 bits, then one rounding to minor units.
  const Decimal q = l.quantity.normalized(), p = l.unit_price.normalized();
  const Decimal keep = (Decimal::from_int(100) - l.discount).normalized();
  const int128 num = static_cast<int128>(q.mantissa()) * p.mantissa() * keep.mantissa() *
                     pow10_128(cur.minor_units);
  const int128 den = pow10_128(q.scale() + p.scale() + keep.scale() + 2);
  const Money net(checked(divide_rounded(num, den, default_rounding)), cur);
  check_amount_limit(net, fmt::format("the line total {}", net.to_string()));
  return net;
}

InvoiceTotals compute_totals(const std::vector<InvoiceLine>& lines, const Currency& cur) {
  // Per rate: the base of every line; the base of the lines whose VAT is computed; the VAT
  // fixed on the others (a closing credit note's lines).
  struct RateSums {
    Money base, computed_base, fixed_vat;
  };
  std::map<Decimal, RateSums, std::greater<>> rates;
  for (const auto& l : lines) {
    const Decimal rate = l.vat_rate.normalized();
    auto it = rates.find(rate);
    if (it == rates.end())
      it =
          rates.emplace(rate, RateSums{Money::zero(cur), Money::zero(cur), Money::zero(cur)}).first;
    const Money net = line_net(l, cur);
    it->second.base += net;
    if (l.fixed_vat_minor)
      it->second.fixed_vat += Money(*l.fixed_vat_minor, cur);
    else
      it->second.computed_base += net;
  }
  InvoiceTotals t{{}, Money::zero(cur), Money::zero(cur), Money::zero(cur)};
  for (const auto& [rate, r] : rates) {
    // VAT per rate on the summed base, rounded once (BR-CO-17).
    const Money vat =
        r.computed_base.times(Decimal(rate.mantissa(), rate.scale() + 2)) + r.fixed_vat;
    const Money& base = r.base;
    t.by_rate.push_back({rate, base, vat});
    t.net += base;
    t.vat += vat;
  }
  t.gross = t.net + t.vat;
  return t;
}

Money to_eur(const Money& amount, const Decimal& units_per_eur) {
  if (units_per_eur.is_negative() || units_per_eur.is_zero())
    throw invalid_input("an exchange rate must be more than 0");
  const Currency& eur = currency("EUR");
  const Decimal r = units_per_eur.normalized();
  // amount / r in EUR minor units: minor × 10^r.scale × 10^2 / (r.mantissa × 10^minor_units).
  const int128 num =
      static_cast<int128>(amount.minor()) * pow10_128(r.scale()) * pow10_128(eur.minor_units);
  const int128 den = static_cast<int128>(r.mantissa()) * pow10_128(amount.currency().minor_units);
  return Money(checked(divide_rounded(num, den, default_rounding)), eur);
}

Money convert(const Money& amount, const Decimal& rate, const Currency& target) {
  if (rate.is_negative() || rate.is_zero())
    throw invalid_input("an exchange rate must be more than 0");
  const Decimal r = rate.normalized();
  const int128 num =
      static_cast<int128>(amount.minor()) * r.mantissa() * pow10_128(target.minor_units);
  const int128 den = pow10_128(r.scale() + amount.currency().minor_units);
  return Money(checked(divide_rounded(num, den, default_rounding)), target);
}

Money cross_convert(const Money& amount, const Decimal& from_per_eur, const Decimal& to_per_eur,
                    const Currency& target) {
  const Decimal f = from_per_eur.normalized(), t = to_per_eur.normalized();
  if (f.mantissa() <= 0 || t.mantissa() <= 0)
    throw invalid_input("an exchange rate must be more than 0");
  // amount × t / f, in target minor units: minor × t.m × 10^f.s × 10^target / (f.m × 10^t.s ×
  // 10^source).
  const int128 num = static_cast<int128>(amount.minor()) * t.mantissa() * pow10_128(f.scale()) *
                     pow10_128(target.minor_units);
  const int128 den = static_cast<int128>(f.mantissa()) * pow10_128(t.scale()) *
                     pow10_128(amount.currency().minor_units);
  const int128 v = divide_rounded(num, den, default_rounding);
  if (v > INT64_MAX || v < INT64_MIN) throw invalid_input("the converted amount is too large");
  return Money(static_cast<std::int64_t>(v), target);
}

InvoiceStatus invoice_status(const InvoiceBalance& b, Date due_date, Date today) {
  if (!b.total.is_zero() && b.credited == b.total) return InvoiceStatus::cancelled;
  const Money due = b.due();
  if (due.minor() <= 0)
    return b.credited == b.total ? InvoiceStatus::cancelled : InvoiceStatus::paid;
  if (today > due_date) return InvoiceStatus::overdue;
  if (!b.paid.is_zero()) return InvoiceStatus::partly_paid;
  return InvoiceStatus::issued;
}

std::int64_t days_between(Date a, Date b) {
  return (std::chrono::sys_days(b) - std::chrono::sys_days(a)).count();
}

Date add_days(Date d, std::int64_t days) {
  return Date(std::chrono::sys_days(d) + std::chrono::days(days));
}

PaymentMethod parse_payment_method(std::string_view text) {
  const std::string t = to_lower(trim(text));
  for (std::size_t i = 0; i < kMethods.size(); ++i)
    if (t == kMethods[i]) return static_cast<PaymentMethod>(i);
  throw invalid_input(fmt::format(
      "unknown payment method '{}': use transfer, card, cash, check, paypal or other", text));
}

std::string_view to_string(PaymentMethod m) { return kMethods[static_cast<std::size_t>(m)]; }

namespace {
constexpr std::array<std::string_view, 3> kPaymentKinds{"payment", "refund", "reversal"};
}

PaymentKind parse_payment_kind(std::string_view text) {
  for (std::size_t i = 0; i < kPaymentKinds.size(); ++i)
    if (text == kPaymentKinds[i]) return static_cast<PaymentKind>(i);
  throw invalid_input(fmt::format("unknown kind of payment '{}'", text));
}

std::string_view to_string(PaymentKind k) { return kPaymentKinds[static_cast<std::size_t>(k)]; }

ServicePeriod service_period(const std::vector<InvoiceLine>& lines) {
  ServicePeriod period;
  for (const auto& l : lines) {
    if (l.period.empty()) continue;
    if (period.empty()) {
      period = l.period;
      continue;
    }
    period.from = std::min(*period.from, *l.period.from);
    period.to = std::max(*period.to, *l.period.to);
  }
  return period;
}

ServicePeriod span(const ServicePeriod& a, const ServicePeriod& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(*a.from, *b.from), std::max(*a.to, *b.to)};
}

void require_draft(const Invoice& i, std::string_view action) {
  if (!i.issued) return;
  if (i.kind == InvoiceKind::credit_note)
    throw conflict(
        fmt::format("credit note {} is issued and cannot {}; issued documents never change",
                    *i.number, action));
  throw conflict(fmt::format(
      "{} is issued and cannot {}: issued invoices cannot change; create a credit note: "
      "indie invoice credit {} --reason \"…\"",
      *i.number, action, *i.number));
}

InvoiceStatus document_status(bool issued, InvoiceKind kind, const InvoiceBalance& balance,
                              const std::optional<Date>& due_date, Date today) {
  if (!issued) return InvoiceStatus::draft;
  if (kind == InvoiceKind::credit_note) return InvoiceStatus::issued;
  return invoice_status(balance, *due_date, today);
}

std::int64_t amount_due(bool issued, InvoiceKind kind, std::int64_t gross_minor,
                        std::int64_t credited_minor, std::int64_t paid_minor) {
  if (!issued || kind == InvoiceKind::credit_note) return 0;
  return gross_minor - credited_minor - paid_minor;
}

Error damaged_invoice(const Invoice& invoice, std::string_view part, std::string_view detail) {
  return storage_error(fmt::format(
      "{} is damaged: {}, frozen at issue, cannot be read ({}). The database was changed "
      "outside indie: run indie doctor and indie verify to see what else changed, and restore "
      "the file from a backup",
      invoice.label(), part, detail));
}

}  // namespace indie
