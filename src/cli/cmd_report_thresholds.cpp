// indie report thresholds: the year's receipts against the VAT franchise thresholds and the
// micro-enterprise ceilings; indie report figures: the yearly figures indie uses. The rules are
// in indie/core/thresholds.hpp and indie/core/year_figures.hpp.
#include <fmt/format.h>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/thresholds.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct ThresholdArgs {
  std::string year, as_of;
};

void run(Context& ctx, const ThresholdArgs& a) {
  const Config& config = ctx.config();
  const int year = year_arg(ctx, a.year, "--year");
  const Period p = year_of(year);
  const Date as_of =
      a.as_of.empty() ? std::min(ctx.today(), p.last) : date_or_today(ctx, a.as_of, "--as-of");
  const auto receipts = valued_receipts(ctx.session(), p.first, std::min(as_of, p.last));
  const YearFigures figures(year, config.figures);
  const auto in = thresholds_input(config, year, as_of);
  if (!in.franchise && !in.micro) {
    ctx.err << "No threshold applies: business.vat_regime is standard and business.legal_form is "
               "not EI (micro-enterprise).\n";
    return;
  }
  const auto lines = check_thresholds(receipts, in, figures);
  const bool people = ctx.format() == Format::table;
  std::int64_t abroad = 0;
  for (const auto& r : receipts)
    if (r.source.abroad) abroad += r.net_eur[0] + r.net_eur[1];
  if (people) {
    ctx.out << fmt::format("Receipts of {} excluding VAT, in EUR, to {}{}.\n\n", year,
                           format_date(std::min(as_of, p.last)),
                           abroad != 0 ? fmt::format(": services located abroad ({} EUR, CGI "
                                                     "art. 259-1) count for the micro ceiling "
                                                     "but not for the VAT franchise",
                                                     eur_text(abroad, true))
                                       : "");
  }
  TableWriter w(ctx.out, ctx.format(),
                {"threshold", "kind", "applies_to", "limit", "counted", "remaining", "projected",
                 "crossed_on", "consequence"},
                {"threshold", "limit", "counted", "remaining", "projected", "crossed_on"});
  const auto eur = [&](std::int64_t cents) { return Cell::amount(eur_text(cents, people)); };
  for (const auto& l : lines) {
    const std::string_view kind = l.kind == ThresholdKind::micro_ceiling    ? "micro-ceiling"
                                  : l.kind == ThresholdKind::franchise_base ? "franchise-base"
                                                                            : "franchise-increased";
    w.row({Cell::str(l.name), Cell::str(std::string(kind)), Cell::str(l.goods ? "all" : "services"),
           eur(l.limit_cents), eur(l.counted_cents),
           eur(std::max<std::int64_t>(0, l.limit_cents - l.counted_cents)), eur(l.projected_cents),
           l.crossed_on ? Cell::str(format_date(*l.crossed_on)) : Cell::none(),
           Cell::str(l.consequence)});
  }
  w.finish();
  if (people) {
    ctx.out << "\n";
    for (const auto& l : lines)
      if (l.crossed_on || l.projected_cents > l.limit_cents)
        ctx.out << fmt::format("{}: {}{}.\n", l.name, l.crossed_on ? "" : "on course to cross it; ",
                               l.consequence);
  }
}

void figures(Context& ctx, const std::string& year_text) {
  const int year = year_arg(ctx, year_text, "--year");
  const YearFigures figs(year, ctx.config().figures);
  const bool people = ctx.format() == Format::table;
  TableWriter w(ctx.out, ctx.format(), {"year", "figure", "value", "unit", "source", "meaning"},
                {"figure", "value", "unit", "source"});
  for (const auto& info : figure_infos()) {
    const auto v = figs.find(info.figure);
    w.row({Cell::integer(year), Cell::str(std::string(info.name)),
           v ? Cell::amount(info.euros && people ? eur_text(figs.cents(info.figure), true)
                                                 : v->normalized().to_string())
             : Cell::none(),
           Cell::str(info.euros ? "EUR" : "%"),
           v ? Cell::str(figs.source(info.figure)) : Cell::str("missing: add it to the config"),
           Cell::str(std::string(info.help))});
  }
  w.finish();
}

}  // namespace

void setup_report_thresholds(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ThresholdArgs>();
  auto* cmd = group.add_subcommand(
      "thresholds", "The year's receipts against the VAT franchise and micro-enterprise limits");
  cmd->add_option("--year", a->year, "The year (default: this year)");
  cmd->add_option("--as-of", a->as_of, "Count up to this day and project from it (default: today)");
  cmd->footer(
      "Receipts excluding VAT, in every currency valued in EUR (indie report receipts), against:\n"
      "  franchise-base       VAT franchise en base, previous-year threshold (CGI art. 293 B): "
      "above\n"
      "                       it this year, the franchise ends on 1 January next year\n"
      "  franchise-increased  current-year threshold: VAT is due from the day it is exceeded\n"
      "  micro-ceiling        micro-BNC / micro-BIC ceiling (CGI art. 50-0, 102 ter): above it "
      "two\n"
      "                       years running, the micro regime ends\n"
      "Services thresholds count services (bnc, bic-services); goods ones count all receipts (a\n"
      "mixed activity must stay under both). The franchise counts the turnover made in France:\n"
      "services to business clients abroad (reverse charge or outside the EU, CGI art. 259-1) are\n"
      "left out of it; the micro ceilings count every receipt (directive 2006/112 art. 288). The\n"
      "franchise lines show when business.vat_regime is franchise, the micro ones when\n"
      "business.legal_form is EI. projected is the count at the year's pace so far. The figures\n"
      "come from indie report figures. indie invoice pay and indie account tx add --receipt warn\n"
      "when a receipt crosses one.\n\n"
      "Examples:\n  indie report thresholds\n  indie report thresholds --year 2025 --format json");
  cmd->callback([&ctx, a] { run(ctx, *a); });

  auto year = std::make_shared<std::string>();
  auto* fig = group.add_subcommand(
      "figures", "The yearly figures indie uses: thresholds, ceilings, contribution rates");
  fig->add_option("--year", *year, "The year (default: this year)");
  fig->footer(
      "indie ships the figures the law set for the years it knows, each with its source. Add a\n"
      "year or correct a figure in the config file (indie config path), for example:\n"
      "  [figures.2027]\n  urssaf_bnc = \"26.1\"\n  franchise_services_base = \"37500\"\n"
      "Amounts are in EUR, rates in percent, written as quoted decimals.\n\n"
      "Examples:\n  indie report figures\n  indie report figures --year 2025 --format csv");
  fig->callback([&ctx, year] { figures(ctx, *year); });
}

}  // namespace indie::cli
