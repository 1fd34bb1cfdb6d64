#pragma once
// What the book-keeping reports share: the receipts of a span of days, valued in EUR; the period
// flags; the year's figures.
#include <functional>
#include <string>
#include <vector>

#include "context.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/period.hpp"
#include "indie/core/receipts.hpp"
#include "indie/core/thresholds.hpp"

namespace indie::cli {

/// How each currency becomes EUR on a day, from the rates stored (each day asked once); the
/// error for a missing rate says what to import or set.
EurPath eur_paths(Store& store);

/// The receipts dated between `from` and `to`, valued in EUR (the reference rates of the day for
/// money that arrived in another currency). Throws, saying what to import, when a rate is missing.
std::vector<Receipt> valued_receipts(Context& ctx, Date from, Date to);

/// The span a report covers: --period (2026-11, 2026-Q4, 2026), --year, or --from/--to
/// (default: the current year). Errors name the flag.
struct Span {
  Date from{}, to{};
  std::string label;  ///< "2026", "2026-Q4", "2026-01-01 to 2026-06-30"
};
Span span_args(Context& ctx, const std::string& period, const std::string& year,
               const std::string& from, const std::string& to);

/// An amount of `code` for a table or a machine.
std::string amount_text_of(std::int64_t minor, const std::string& code, bool for_people);
/// The expenses dated between `from` and `to`, valued in EUR like the receipts.
std::vector<Expense> valued_expenses(Context& ctx, Date from, Date to);

/// A month or a quarter typed after `flag` (2026-11, 2026-Q4); errors name the flag. A year is
/// refused saying `year_refusal`. Empty text: `fallback`.
Period declaration_period_arg(const std::string& text, std::string_view flag, Period fallback,
                              std::string_view year_refusal);
/// A year typed after `flag` (empty: none in the message); empty text: this year.
int year_arg(Context& ctx, const std::string& text, std::string_view flag);
/// What the thresholds of `year` are checked with, from the business profile.
ThresholdsInput thresholds_input(const Config& config, int year, Date as_of);

/// Cents as EUR for a table (1 234.56) or a machine (1234.56).
std::string eur_text(std::int64_t cents, bool for_people);

/// After a receipt recorded on `day` (inside its transaction): a warning for each threshold of
/// the year it takes the receipts above (indie report thresholds); `is_new` tells the new
/// receipt. A missing rate or figure is a warning too, never a failure of the payment.
std::vector<std::string> crossed_threshold_warnings(
    Context& ctx, Date day, const std::function<bool(const Receipt&)>& is_new);

/// indie report receipts, urssaf, thresholds, figures (cmd_report_*.cpp).
void setup_report_receipts(CLI::App& group, Context& ctx);
void setup_report_urssaf(CLI::App& group, Context& ctx);
void setup_report_thresholds(CLI::App& group, Context& ctx);
void setup_report_des(CLI::App& group, Context& ctx);
void setup_report_expenses(CLI::App& group, Context& ctx);
void setup_report_vat(CLI::App& group, Context& ctx);
void setup_report_year(CLI::App& group, Context& ctx);

}  // namespace indie::cli
