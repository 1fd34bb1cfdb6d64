#pragma once
/// What the books read from the store: receipts and expenses of a span valued in EUR, and the
/// thresholds a new receipt may cross.
#include <functional>
#include <string>
#include <vector>

#include "indie/app/session.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/receipts.hpp"
#include "indie/core/thresholds.hpp"

namespace indie {

/// How each currency becomes EUR on a day, from the rates stored (each day asked once); the
/// error for a missing rate says what to import or set.
EurPath eur_paths(Store& store);

/// The receipts dated between `from` and `to`, valued in EUR (the reference rates of the day for
/// money that arrived in another currency). Throws, saying what to import, when a rate is missing.
std::vector<Receipt> valued_receipts(Session& session, Date from, Date to);
/// The expenses dated between `from` and `to`, valued in EUR like the receipts.
std::vector<Expense> valued_expenses(Session& session, Date from, Date to);

/// What the thresholds of `year` are checked with, from the business profile.
ThresholdsInput thresholds_input(const Config& config, int year, Date as_of);

/// After a receipt recorded on `day` (inside its transaction): a warning for each threshold of
/// the year it takes the receipts above (indie report thresholds); `is_new` tells the new
/// receipt. A missing rate or figure is a warning too, never a failure of the payment.
std::vector<std::string> crossed_threshold_warnings(
    Session& session, Date day, const std::function<bool(const Receipt&)>& is_new);

/// Cents as EUR for a table (1 234.56) or a machine (1234.56).
std::string eur_text(std::int64_t cents, bool for_people);

}  // namespace indie
