#pragma once
/// The year's turnover against the VAT franchise thresholds and the micro-enterprise ceilings
/// (RESEARCH §5.3), from the receipts journal.
///
/// What counts (CGI art. 293 B and 50-0 / 102 ter; directive 2006/112 art. 288 as amended by
/// directive 2020/285): both count receipts excluding VAT, in EUR, whatever the currency. The
/// franchise counts the turnover made in France: services whose place of supply is abroad (a
/// business client in another country, CGI art. 259-1) are left out. The micro ceilings count
/// every receipt. When the two differ, both figures are shown.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indie/core/activity.hpp"
#include "indie/core/receipts.hpp"
#include "indie/core/year_figures.hpp"

namespace indie {

enum class ThresholdKind { franchise_base, franchise_increased, micro_ceiling };

struct ThresholdLine {
  std::string name;  ///< the figure: franchise_services_base …
  ThresholdKind kind = ThresholdKind::franchise_base;
  bool goods = false;  ///< the goods (global) threshold rather than the services one
  std::int64_t limit_cents = 0;
  std::int64_t counted_cents = 0;    ///< so far in the year
  std::int64_t projected_cents = 0;  ///< at the year's pace so far, for the whole year
  std::optional<Date> crossed_on;    ///< the receipt that took the count above the limit
  std::string consequence;           ///< what the law says happens, in words
};

struct ThresholdsInput {
  int year = 0;
  Date as_of{};  ///< the projection's "today"
  Activity activity = Activity::bnc;
  bool franchise = true;  ///< VAT franchise en base: its thresholds apply
  bool micro = true;      ///< micro-enterprise (EI): its ceilings apply
};

/// The lines that apply, counted over `receipts` (in date order; only the year's count).
std::vector<ThresholdLine> check_thresholds(const std::vector<Receipt>& receipts,
                                            const ThresholdsInput& input,
                                            const YearFigures& figures);

/// The lines of `after` whose limit `before` had not crossed.
std::vector<ThresholdLine> newly_crossed(const std::vector<ThresholdLine>& before,
                                         const std::vector<ThresholdLine>& after);

}  // namespace indie
