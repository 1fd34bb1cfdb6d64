// indie report vat: the VAT a VAT-registered business owes for a month or a quarter, by rate,
// with the lines of form CA3 where they are clear. The rules are in indie/core/vat_return.hpp.
#include <fmt/format.h>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/vat_return.hpp"
#include "indie/store/books_repo.hpp"

namespace indie::cli {
namespace {

void run(Context& ctx, const std::string& period_text) {
  const Config& config = ctx.config();
  if (config.business.vat_regime == VatRegime::franchise)
    throw invalid_input(
        "under the franchise en base no VAT is charged, so none is owed: indie report thresholds "
        "says how far the franchise goes. If you now charge VAT: indie config set "
        "business.vat_regime standard");
  const Period period =
      declaration_period_arg(period_text, "--period", last_ended(Period::Kind::month, ctx.today()),
                             "VAT is returned by month (2026-11) or quarter (2026-Q4)");
  BooksRepo& books = ctx.store().books();
  const std::vector<Expense> expenses = valued_expenses(ctx.session(), period.first, period.last);
  const VatReturn r =
      vat_return(valued_receipts(ctx.session(), period.first, period.last),
                 books.issued_shares(period.first, period.last, config.business.activity), expenses,
                 config.business.vat_on_debits);
  const bool people = ctx.format() == Format::table;
  if (people)
    ctx.out << fmt::format(
        "VAT for {}: services on {}, goods on invoices; deductible VAT from expenses.\n\n",
        period.label(), config.business.vat_on_debits ? "invoices (debits option)" : "receipts");
  TableWriter w(ctx.out, ctx.format(),
                {"period", "kind", "rate", "basis", "ca3_line", "base", "vat"});
  const auto eur = [&](std::int64_t cents) { return Cell::amount(eur_text(cents, people)); };
  for (const auto& l : r.lines)
    w.row({Cell::str(period.label()), Cell::str(l.kind),
           l.rate.empty() ? Cell::none() : Cell::amount(l.rate),
           l.basis.empty() ? Cell::none() : Cell::str(l.basis),
           l.ca3_line.empty() ? Cell::none() : Cell::str(l.ca3_line),
           l.base_cents == 0 && l.kind.starts_with("total") ? Cell::none() : eur(l.base_cents),
           eur(l.vat_cents)});
  w.finish();
}

}  // namespace

void setup_report_vat(CLI::App& group, Context& ctx) {
  auto period = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand(
      "vat", "The VAT owed for a month or a quarter, by rate, with the CA3 lines");
  cmd->add_option("--period", *period,
                  "A month (2026-11) or a quarter (2026-Q4); default: last month");
  cmd->footer(
      "VAT on services is due when they are paid (the receipts of the period, indie report\n"
      "receipts), unless business.vat_on_debits is yes: then when invoiced, like goods, whose\n"
      "VAT is due on the invoices (and credit notes) issued in the period (CGI art. 269). A\n"
      "receipt's VAT is valued in EUR as the receipt is (the bank's EUR or the ECB rate of the\n"
      "day it was paid); an invoice's at its own rate. Operations not taxable in France (reverse\n"
      "charge, outside the EU) are one not-taxable line. Deductible VAT is the VAT recorded with\n"
      "expenses (indie account tx add --vat). ca3_line names the line of form 3310-CA3: 08 (20 "
      "%),\n"
      "9B (10 %), 09 (5.5 %), 16 (total collected), 20 (deductible, other goods and services),\n"
      "23 (total deductible), 28 (net due) or 25 (credit); the others are yours to place.\n\n"
      "Examples:\n  indie report vat --period 2026-11\n  indie report vat --period 2026-Q4 "
      "--format json");
  cmd->callback([&ctx, period] { run(ctx, *period); });
}

}  // namespace indie::cli
