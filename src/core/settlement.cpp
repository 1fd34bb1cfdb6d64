#include "indie/core/settlement.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"

namespace indie {

void check_payable(const Invoice& inv) {
  if (inv.kind == InvoiceKind::credit_note)
    throw invalid_input(
        fmt::format("{} is a credit note: record payments on invoices", inv.label()));
  if (!inv.issued)
    throw conflict(
        fmt::format("draft {} is not issued, so it cannot be paid yet: issue it first with indie "
                    "invoice issue {}",
                    inv.id, inv.id));
}

Settlement settle_payment(const Invoice& inv, std::int64_t credited_minor, std::int64_t paid_minor,
                          const Money& settled, const Money& received, bool allow_overpay) {
  const Currency& cur = inv.cur();
  if (settled.currency().code != cur.code)
    throw invalid_input(
        fmt::format("a payment settles {} in its currency, {}", inv.label(), cur.code));
  const Money due(inv.gross_minor - credited_minor - paid_minor, cur);
  if (settled.minor() > due.minor() && !allow_overpay)
    throw invalid_input(fmt::format(
        "{} {} is more than the {} {} still due on {}; check the amount, or record it anyway "
        "with --allow-overpay",
        settled.amount().format(NumberLocale::en), cur.code, due.amount().format(NumberLocale::en),
        cur.code, inv.label()));
  std::optional<Money> fx_gain;
  // Realized exchange result: what the bank credited in EUR against the invoice's frozen rate.
  if (cur.code != "EUR" && !inv.eur_rate.empty() && received.currency().code == "EUR")
    fx_gain = received - to_eur(settled, Decimal::parse(inv.eur_rate));
  return {due, due - settled, fx_gain};
}

Settlement settle_refund(const Invoice& inv, std::int64_t credited_minor, std::int64_t paid_minor,
                         const Money& refunded, const Money& sent) {
  const Currency& cur = inv.cur();
  if (refunded.currency().code != cur.code)
    throw invalid_input(
        fmt::format("a refund on {} is in its currency, {}", inv.label(), cur.code));
  if (refunded.minor() <= 0 || sent.minor() <= 0)
    throw invalid_input("a refund is an amount more than 0: the money that goes back");
  const Money due(inv.gross_minor - credited_minor - paid_minor, cur);
  const auto text = [&](const Money& m) {
    return fmt::format("{} {}", m.amount().format(NumberLocale::en), cur.code);
  };
  if (due.minor() >= 0)
    throw invalid_input(fmt::format(
        "nothing was paid on {} beyond what it is owed ({} still due), so there is nothing to "
        "refund; credit it first if the client is owed money back: indie invoice credit {}",
        inv.label(), text(due), inv.label()));
  if (refunded.minor() > -due.minor())
    throw invalid_input(
        fmt::format("{} is more than the {} that {} owes back to the client; refund at most that",
                    text(refunded), text(-due), inv.label()));
  std::optional<Money> fx_gain;
  // Money going back at another rate than the one frozen at issue: a gain when it costs fewer
  // euros than the invoice was booked at.
  if (cur.code != "EUR" && !inv.eur_rate.empty() && sent.currency().code == "EUR")
    fx_gain = -sent - to_eur(-refunded, Decimal::parse(inv.eur_rate));
  return {due, due + refunded, fx_gain};
}

Payment reversal_of(const Payment& original, Date date, std::string created_at) {
  if (original.kind == PaymentKind::reversal)
    throw invalid_input(fmt::format(
        "payment {} is itself a reversal; to record that money again, use indie invoice pay "
        "(or indie invoice refund)",
        original.id));
  Payment r = original;
  r.id = 0;
  r.kind = PaymentKind::reversal;
  r.reverses = original.id;
  r.date = date;
  r.amount_minor = -original.amount_minor;
  r.received_minor = -original.received_minor;
  if (original.fx_gain_minor) r.fx_gain_minor = -*original.fx_gain_minor;
  r.note.clear();
  r.created_at = std::move(created_at);
  return r;
}

}  // namespace indie
