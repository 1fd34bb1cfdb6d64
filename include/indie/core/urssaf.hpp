#pragma once
/// A micro-entrepreneur's turnover declaration to the URSSAF (RESEARCH §5.2): the receipts of the
/// month or quarter, excluding VAT, net of refunds, on the line of each activity, in whole euros;
/// and an estimate of what it will cost, from the year's rates.
#include <array>
#include <cstdint>
#include <optional>

#include "indie/core/activity.hpp"
#include "indie/core/period.hpp"
#include "indie/core/year_figures.hpp"

namespace indie {

struct UrssafLine {
  Activity activity = Activity::bnc;
  std::int64_t receipts_cents = 0;  ///< exact, excluding VAT
  std::int64_t declared_euros = 0;  ///< what the form takes: rounded to the nearest euro
  Decimal rate;                     ///< social contributions, percent (after the ACRE)
  std::int64_t contributions_cents = 0;
  Decimal cfp_rate;
  std::int64_t cfp_cents = 0;
  std::optional<Decimal> income_tax_rate;  ///< versement libératoire, when chosen
  std::int64_t income_tax_cents = 0;
};

struct UrssafDeclaration {
  Period period;
  Date due{};                             ///< the last day to declare and pay
  std::array<UrssafLine, 3> lines;        ///< bnc, bic-services, bic-sales: the form's three lines
  std::optional<Decimal> acre_reduction;  ///< percent cut of the contributions, when it applies
  std::int64_t total_cents = 0;           ///< contributions + CFP + income tax: the estimate
};

/// The last day to declare a period: the end of the month after it (monthly: 30 November for
/// October; quarterly: 30 April, 31 July, 31 October, 31 January). URSSAF, "Déclarer et payer
/// mes cotisations" (autoentrepreneur.urssaf.fr).
Date urssaf_due_date(const Period& period);

/// `net_cents`: the period's receipts excluding VAT by activity (bnc, bic-services, bic-sales).
/// Throws not_found naming a missing yearly figure.
UrssafDeclaration declare_urssaf(const Period& period, const std::array<std::int64_t, 3>& net_cents,
                                 const YearFigures& figures, bool versement_liberatoire,
                                 std::optional<Date> acre_start);

}  // namespace indie
