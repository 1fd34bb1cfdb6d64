// indie report fx: what exchange rates earned or cost, realized and unrealized. The rules are in
// indie/core/fx_report.hpp; this file loads the history and prints the rows.
#include <fmt/format.h>

#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/fx_report.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/rate_repo.hpp"
#include "invoice_common.hpp"
#include "report_common.hpp"

namespace indie::cli {
namespace {

struct FxArgs {
  std::string from, to, as_of, in;
};

// Nothing is printed before the whole report is computed: a missing rate found late stops it
// with no half-written CSV or JSON.
void print(Context& ctx, const FxReport& report, const Currency& target, Date from, Date to) {
  const bool people = ctx.format() == Format::table;
  if (report.rows.empty() && people) {
    ctx.err << fmt::format("No exchange results between {} and {}: every amount was in {}.\n",
                           format_date(from), format_date(to), target.code);
    return;
  }
  const auto signed_text = [&](const Money& m) {
    std::string text = amount_text(m, people);
    return people && m.minor() > 0 ? "+" + text : text;
  };
  TableWriter w(ctx.out, ctx.format(),
                {"kind", "source", "date", "item", "amount", "currency", "booked", "valued",
                 "result", "value_currency"});
  for (const auto& r : report.rows)
    w.row({Cell::str(r.realized ? "realized" : "unrealized"), Cell::str(r.source),
           r.date ? Cell::str(format_date(*r.date)) : Cell::none(), Cell::str(r.item),
           Cell::amount(amount_text(r.amount, people)),
           Cell::str(std::string(r.amount.currency().code)),
           Cell::amount(amount_text(r.booked, people)), Cell::amount(amount_text(r.valued, people)),
           Cell::amount(signed_text(r.result())), Cell::str(std::string(target.code))});
  const auto total = [&](std::string_view kind, const Money& m) {
    w.row({Cell::str(std::string(kind)), Cell::str("total"), Cell::none(), Cell::none(),
           Cell::none(), Cell::none(), Cell::none(), Cell::none(), Cell::amount(signed_text(m)),
           Cell::str(std::string(target.code))});
  };
  total("realized", report.realized);
  total("unrealized", report.unrealized);
  total("total", report.realized + report.unrealized);
  w.finish();
}

void run_fx(Context& ctx, const FxArgs& a) {
  Store& store = ctx.store();
  RateRepo& rates = store.rates();
  AccountRepo& accounts = store.accounts();
  InvoiceRepo& invoices = store.invoices();
  const Currency& target =
      currency_arg(a.in.empty() ? ctx.config().business.currency : a.in, "--in");
  const Date to = date_or_today(ctx, a.to, "--to");
  const Date from = a.from.empty() ? Date{to.year(), std::chrono::January, std::chrono::day(1)}
                                   : date_or_today(ctx, a.from, "--from");
  if (from > to)
    throw usage_error(
        fmt::format("--from {} is after --to {}", format_date(from), format_date(to)));
  const Date as_of = a.as_of.empty() ? to : date_or_today(ctx, a.as_of, "--as-of");

  FxHistory history;
  history.payments = invoices.payments(from, to);
  history.transfers = accounts.transfers(from, to);
  for (auto& acc : accounts.list(true)) history.accounts.emplace(acc.id, std::move(acc));
  history.movements = [&](std::int64_t id, Date until,
                          const std::function<void(Date, std::int64_t)>& fn) {
    accounts.for_each_movement(id, until, fn);
  };
  history.receivables = invoices.receivables(as_of);
  const RatePaths paths = [&](std::string_view f, std::string_view t, Date day) {
    return rates.path(f, t, day);
  };
  print(ctx, fx_report(history, target, from, to, as_of, paths), target, from, to);
}

}  // namespace

void setup_report_fx(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<FxArgs>();
  auto* cmd = group.add_subcommand(
      "fx", "Exchange gains and losses: realized in a period, unrealized at a date");
  cmd->add_option("--from", a->from, "First day of the period (default: 1 January of --to's year)");
  cmd->add_option("--to", a->to, "Last day of the period (default: today)");
  cmd->add_option("--as-of", a->as_of, "Day of the revaluation (default: --to)");
  cmd->add_option("--in", a->in, "Report currency (default: business.currency)");
  cmd->footer(
      "Realized, for payments, transfers and spending dated in the period:\n"
      "  payment     what was received, at the reference rate of its day, against what the "
      "invoice\n"
      "              was booked at (its own rate, frozen at issue, for a report in EUR)\n"
      "  transfer    what arrived against what left, both at the reference rate of the day\n"
      "  account     money spent or converted from a foreign-currency account against its average "
      "cost\n"
      "Unrealized, at --as-of: foreign-currency balances and open receivables at that day's rate\n"
      "against what they were booked at. Reference rates come from `indie rate`; the latest\n"
      "publication on or before each day is used.\n\n"
      "Examples:\n  indie report fx\n  indie report fx --from 2026-01-01 --to 2026-12-31 --format "
      "csv\n"
      "  indie report fx --as-of 2026-06-30 --in EUR");
  cmd->callback([&ctx, a] { run_fx(ctx, *a); });
}

}  // namespace indie::cli
