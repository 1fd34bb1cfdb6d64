#pragma once
// What the book-keeping reports share: the period flags and amounts as they print (the receipts
// and expenses of a span are the app's, indie/app/books.hpp).
#include <functional>
#include <string>
#include <vector>

#include "context.hpp"
#include "indie/app/books.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/period.hpp"
#include "indie/core/receipts.hpp"
#include "indie/core/thresholds.hpp"

namespace indie::cli {

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

/// A month or a quarter typed after `flag` (2026-11, 2026-Q4); errors name the flag. A year is
/// refused saying `year_refusal`. Empty text: `fallback`.
Period declaration_period_arg(const std::string& text, std::string_view flag, Period fallback,
                              std::string_view year_refusal);
/// A year typed after `flag` (empty: none in the message); empty text: this year.
int year_arg(Context& ctx, const std::string& text, std::string_view flag);

/// indie report receipts, urssaf, thresholds, figures (cmd_report_*.cpp).
void setup_report_receipts(CLI::App& group, Context& ctx);
void setup_report_urssaf(CLI::App& group, Context& ctx);
void setup_report_thresholds(CLI::App& group, Context& ctx);
void setup_report_des(CLI::App& group, Context& ctx);
void setup_report_expenses(CLI::App& group, Context& ctx);
void setup_report_vat(CLI::App& group, Context& ctx);
void setup_report_year(CLI::App& group, Context& ctx);

}  // namespace indie::cli
