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

FranchiseThreshold crossed_franchise_threshold(std::int64_t before, std::int64_t after) {
  const auto crossed = [&](std::int64_t limit) { return before <= limit && after > limit; };
  if (crossed(kFranchiseIncreasedMinor)) return FranchiseThreshold::increased;
  if (crossed(kFranchiseBaseMinor)) return FranchiseThreshold::base;
  return FranchiseThreshold::none;
}

}  // namespace indie
