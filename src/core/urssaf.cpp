#include "indie/core/urssaf.hpp"

#include "indie/core/rounding.hpp"

namespace indie {
namespace {

// percent of a whole number of euros, in cents, rounded once, half away from zero.
std::int64_t percent_of_euros(std::int64_t euros, const Decimal& percent) {
  // euros * 100 cents * percent / 100 = euros * percent, in cents.
  const Decimal product = Decimal::from_int(euros) * percent;
  return product.rounded(0).mantissa();
}

}  // namespace

Date urssaf_due_date(const Period& period) {
  const auto next =
      std::chrono::year_month(period.last.year(), period.last.month()) + std::chrono::months(1);
  return end_of_month(Date{next.year(), next.month(), std::chrono::day(1)});
}

UrssafDeclaration declare_urssaf(const Period& period, const std::array<std::int64_t, 3>& net_cents,
                                 const YearFigures& figures, bool versement_liberatoire,
                                 std::optional<Date> acre_start) {
  UrssafDeclaration d;
  d.period = period;
  d.due = urssaf_due_date(period);
  // The ACRE applies to the periods that end on or before its last day.
  if (acre_start && period.last >= *acre_start && period.last <= acre_last_day(*acre_start))
    d.acre_reduction = acre_reduction(*acre_start);
  constexpr std::array<std::array<Figure, 3>, 3> kFigures{{
      {Figure::urssaf_bnc, Figure::cfp_bnc, Figure::vl_bnc},
      {Figure::urssaf_bic_services, Figure::cfp_bic_services, Figure::vl_bic_services},
      {Figure::urssaf_bic_sales, Figure::cfp_bic_sales, Figure::vl_bic_sales},
  }};
  for (std::size_t i = 0; i < 3; ++i) {
    UrssafLine& l = d.lines[i];
    l.activity = i == 0 ? Activity::bnc : i == 1 ? Activity::bic_services : Activity::bic_sales;
    l.receipts_cents = net_cents[i];
    // The form takes whole euros: rounded to the nearest, half up, as tax forms are.
    l.declared_euros = static_cast<std::int64_t>(
        divide_rounded(net_cents[i], 100, RoundingRule::half_away_from_zero));
    if (l.declared_euros == 0 && net_cents[i] == 0) {
      // Nothing to declare on this line: its rates are not needed (a year may lack them).
      if (const auto r = figures.find(kFigures[i][0])) l.rate = *r;
      continue;
    }
    l.rate = figures.get(kFigures[i][0]);
    if (d.acre_reduction) {
      const Decimal kept = l.rate * (Decimal::from_int(100) - *d.acre_reduction);
      l.rate = Decimal(kept.mantissa(), kept.scale() + 2).normalized();
    }
    l.contributions_cents = percent_of_euros(l.declared_euros, l.rate);
    l.cfp_rate = figures.get(kFigures[i][1]);
    l.cfp_cents = percent_of_euros(l.declared_euros, l.cfp_rate);
    if (versement_liberatoire) {
      l.income_tax_rate = figures.get(kFigures[i][2]);
      l.income_tax_cents = percent_of_euros(l.declared_euros, *l.income_tax_rate);
    }
    d.total_cents += l.contributions_cents + l.cfp_cents + l.income_tax_cents;
  }
  return d;
}

}  // namespace indie
