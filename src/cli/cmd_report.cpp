// indie report receivables: who owes what, and for how long.
#include <fmt/format.h>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/aging.hpp"
#include "indie/core/error.hpp"
#include "invoice_common.hpp"
#include "report_common.hpp"

namespace indie::cli {
namespace {

void receivables(Context& ctx, const std::string& as_of_text) {
  const Date as_of = date_or_today(ctx, as_of_text, "--as-of");
  const auto [rows, totals] = age_receivables(ctx.store().invoices().receivables(as_of), as_of);
  const bool people = ctx.format() == Format::table;
  if (rows.empty() && people) {
    ctx.err << fmt::format("Nothing is owed to you on {}.\n", format_date(as_of));
    return;
  }
  TableWriter w(ctx.out, ctx.format(),
                {"client", "currency", "current", "days_1_30", "days_31_60", "days_61_90",
                 "days_over_90", "total"});
  const auto emit = [&](const std::string& client, const std::string& code, const AgeBuckets& b) {
    const Currency& cur = currency(code, true);
    std::vector<Cell> cells = {Cell::str(client), Cell::str(code)};
    for (const auto v : b) cells.push_back(Cell::amount(amount_text(Money(v, cur), people)));
    w.row(cells);
  };
  for (const auto& [key, b] : rows) emit(key.first, key.second, b);
  for (const auto& [code, b] : totals) emit("total", code, b);
  w.finish();
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand(
      "report", "Reports: receivables, exchange results, receipts journal, URSSAF, thresholds");
  group->footer(
      "Examples:\n  indie report receivables\n  indie report receipts --period 2026-Q4\n"
      "  indie report urssaf --period 2026-11\nSee: man indie-report");
  auto as_of = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand("receivables",
                                    "What clients owe, by client and currency, in aged buckets");
  cmd->add_option("--as-of", *as_of, "The day to look from (default: today)");
  cmd->footer(
      "Each issued invoice counts for what was still due that day (after credit notes and "
      "payments),\n"
      "in a bucket by days past its due date: current, 1-30, 31-60, 61-90, over 90. One total row\n"
      "per currency; currencies are never added together.\n\nExamples:\n"
      "  indie report receivables\n  indie report receivables --as-of 2026-12-31 --format csv");
  cmd->callback([&ctx, as_of] { receivables(ctx, *as_of); });
  setup_report_fx(*group, ctx);
  setup_report_receipts(*group, ctx);
  setup_report_urssaf(*group, ctx);
  setup_report_thresholds(*group, ctx);
  setup_report_des(*group, ctx);
  setup_report_expenses(*group, ctx);
  setup_report_vat(*group, ctx);
  setup_report_year(*group, ctx);
}

}  // namespace indie::cli
