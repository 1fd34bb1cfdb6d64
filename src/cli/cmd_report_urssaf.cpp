// indie report urssaf: what a micro-entrepreneur declares to the URSSAF for a month or a quarter,
// and an estimate of what it costs. The rules are in indie/core/urssaf.hpp.
#include <fmt/format.h>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/urssaf.hpp"

namespace indie::cli {
namespace {

struct UrssafArgs {
  std::string period;
};

std::string percent(const Decimal& d) { return d.normalized().to_string(); }

void run(Context& ctx, const UrssafArgs& a) {
  const Config& config = ctx.config();
  if (config.business.legal_form != LegalForm::ei)
    throw invalid_input(fmt::format(
        "indie report urssaf is for micro-entrepreneurs, who declare their receipts to the "
        "URSSAF; business.legal_form is {}, whose contributions are computed otherwise. If you are "
        "a micro-entrepreneur: indie config set business.legal_form EI",
        to_string(config.business.legal_form)));
  // Default: the last month or quarter that ended, by urssaf.frequency.
  const Period period = declaration_period_arg(
      a.period, "--period",
      last_ended(config.urssaf.quarterly ? Period::Kind::quarter : Period::Kind::month,
                 ctx.today()),
      "the URSSAF declaration is for a month (2026-11) or a quarter (2026-Q4)");
  std::array<std::int64_t, 3> net{};
  for (const auto& r : valued_receipts(ctx.session(), period.first, period.last))
    for (std::size_t i = 0; i < 3; ++i) net[i] += r.net_eur[i];
  const YearFigures figures(static_cast<int>(period.first.year()), config.figures);
  const UrssafDeclaration d = declare_urssaf(
      period, net, figures, config.urssaf.versement_liberatoire, config.urssaf.acre_start);
  const bool people = ctx.format() == Format::table;
  if (people) {
    ctx.out << fmt::format(
        "URSSAF declaration for {}, to file and pay by {}{}.\n", period.label(), format_date(d.due),
        d.acre_reduction
            ? fmt::format(" (ACRE: contributions cut by {} %)", percent(*d.acre_reduction))
            : "");
    ctx.out << "Declare the whole euros of 'declared' on each line, 0 where there is nothing.\n\n";
  }
  TableWriter w(ctx.out, ctx.format(),
                {"period", "due", "line", "label", "receipts", "declared", "rate", "contributions",
                 "cfp_rate", "cfp", "income_tax_rate", "income_tax", "estimate"},
                {"label", "receipts", "declared", "rate", "contributions", "cfp", "income_tax"});
  const auto eur = [&](std::int64_t cents) { return Cell::amount(eur_text(cents, people)); };
  std::int64_t receipts = 0, declared = 0, contributions = 0, cfp = 0, tax = 0;
  for (const auto& l : d.lines) {
    w.row({Cell::str(period.label()), Cell::str(format_date(d.due)),
           Cell::str(std::string(to_string(l.activity))),
           Cell::str(std::string(activity_label(l.activity, Language::fr))), eur(l.receipts_cents),
           Cell::integer(l.declared_euros), Cell::amount(percent(l.rate)),
           eur(l.contributions_cents), Cell::amount(percent(l.cfp_rate)), eur(l.cfp_cents),
           l.income_tax_rate ? Cell::amount(percent(*l.income_tax_rate)) : Cell::none(),
           eur(l.income_tax_cents), eur(l.contributions_cents + l.cfp_cents + l.income_tax_cents)});
    receipts += l.receipts_cents;
    declared += l.declared_euros;
    contributions += l.contributions_cents;
    cfp += l.cfp_cents;
    tax += l.income_tax_cents;
  }
  w.row({Cell::str(period.label()), Cell::str(format_date(d.due)), Cell::str("total"),
         Cell::str("Total"), eur(receipts), Cell::integer(declared), Cell::none(),
         eur(contributions), Cell::none(), eur(cfp), Cell::none(), eur(tax), eur(d.total_cents)});
  w.finish();
  if (people)
    ctx.out << fmt::format(
        "\nAn estimate from the {} rates (indie report figures --year {}); the URSSAF's own "
        "computation is the one you pay.\n",
        figures.year(), figures.year());
}

}  // namespace

void setup_report_urssaf(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<UrssafArgs>();
  auto* cmd = group.add_subcommand(
      "urssaf", "A micro-entrepreneur's URSSAF declaration: turnover by line, contributions due");
  cmd->add_option("--period", a->period,
                  "A month (2026-11) or a quarter (2026-Q4); default: the last one that ended, "
                  "by urssaf.frequency");
  cmd->footer(
      "The turnover to declare is what was received in the period (not invoiced), excluding VAT,\n"
      "net of refunds, valued in EUR as the receipts journal values it (indie report receipts),\n"
      "on the line of its activity (business.activity; a project's or a line's own): sales of\n"
      "goods, BIC services, BNC. The form takes whole euros: each line is rounded to the nearest.\n"
      "The contributions, the vocational training contribution (CFP) and, with\n"
      "urssaf.versement_liberatoire, the income tax are an estimate from the year's rates\n"
      "(indie report figures), cut by the ACRE when urssaf.acre_start is set. The declaration is\n"
      "due by the end of the month after the period (monthly), or on 30 April, 31 July,\n"
      "31 October and 31 January (quarterly). A period with nothing received is declared too: "
      "0.\n\n"
      "Examples:\n"
      "  indie report urssaf\n"
      "  indie report urssaf --period 2026-Q4\n"
      "  indie report urssaf --format json | jq '.[] | select(.line == \"total\") | .due'");
  cmd->callback([&ctx, a] { run(ctx, *a); });
}

}  // namespace indie::cli
