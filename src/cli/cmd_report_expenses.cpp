// indie report expenses: money spent, in EUR, with its VAT, grouped; and the purchases register.
// The rules are in indie/core/expenses.hpp.
#include <fmt/format.h>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/text.hpp"
#include "indie/store/books_repo.hpp"

namespace indie::cli {
namespace {

struct ExpenseArgs {
  std::string period, year, from, to, by = "category";
  bool register_ = false;
};

void run(Context& ctx, const ExpenseArgs& a) {
  const Span span = span_args(ctx, a.period, a.year, a.from, a.to);
  const ExpenseGrouping by = parse_expense_grouping(a.by);
  const std::vector<Expense> expenses = valued_expenses(ctx.session(), span.from, span.to);
  const bool people = ctx.format() == Format::table;
  if (expenses.empty() && people) {
    ctx.err << fmt::format("No expenses in {}.\n", span.label);
    return;
  }
  const auto eur = [&](std::int64_t cents) { return Cell::amount(eur_text(cents, people)); };
  std::int64_t total = 0, vat = 0;
  for (const auto& e : expenses) {
    total += e.eur;
    vat += e.vat_eur;
  }
  if (a.register_) {
    // The purchases register (registre des achats): one row per purchase, cash apart.
    TableWriter w(
        ctx.out, ctx.format(),
        {"date", "supplier", "reference", "category", "account", "method", "amount", "currency",
         "eur", "vat_rate", "vat_eur", "basis", "cash"},
        {"date", "supplier", "reference", "method", "amount", "currency", "eur", "vat_eur"});
    for (const auto& e : expenses) {
      const auto& s = e.source;
      const bool cash = s.account_kind == "cash";
      w.row({Cell::str(format_date(s.date)), Cell::str(s.supplier), Cell::str(s.note),
             Cell::str(s.category), Cell::str(s.account),
             Cell::str(cash                       ? "cash"
                       : s.account_kind == "card" ? "card"
                                                  : "transfer"),
             Cell::amount(amount_text_of(s.amount_minor, s.currency, people)),
             Cell::str(s.currency), eur(e.eur),
             s.vat_rate.empty() ? Cell::none() : Cell::amount(s.vat_rate), eur(e.vat_eur),
             Cell::str(std::string(to_string(e.basis))), Cell::boolean(cash)});
    }
    w.row({Cell::str("total"), Cell::none(), Cell::none(), Cell::none(), Cell::none(), Cell::none(),
           Cell::none(), Cell::none(), eur(total), Cell::none(), eur(vat), Cell::none(),
           Cell::none()});
    w.finish();
    return;
  }
  const std::string key = a.by == "payee" ? "supplier" : to_lower(a.by);
  TableWriter w(ctx.out, ctx.format(), {key, "count", "eur", "vat_eur", "net_eur"});
  for (const auto& g : group_expenses(expenses, by))
    w.row({Cell::str(g.key.empty() ? "(none)" : g.key), Cell::integer(g.count), eur(g.eur),
           eur(g.vat_eur), eur(g.eur - g.vat_eur)});
  w.row({Cell::str("total"), Cell::integer(static_cast<long long>(expenses.size())), eur(total),
         eur(vat), eur(total - vat)});
  w.finish();
}

}  // namespace

void setup_report_expenses(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ExpenseArgs>();
  auto* cmd = group.add_subcommand(
      "expenses", "Money spent, in EUR, with its deductible VAT; the purchases register");
  cmd->add_option("--period", a->period, "A month (2026-11), a quarter (2026-Q4) or a year");
  cmd->add_option("--year", a->year, "A year: 2026 (the default: the current year)");
  cmd->add_option("--from", a->from, "First day, with --to");
  cmd->add_option("--to", a->to, "Last day");
  cmd->add_option("--by", a->by, "category (default), supplier or month");
  cmd->add_flag("--register", a->register_,
                "The purchases register: one row per purchase, with its method, cash apart");
  cmd->footer(
      "Expenses are the transactions below 0 of every account (typed, imported, and transfer\n"
      "fees), not the transfers between your accounts nor money paid back to clients. Each is\n"
      "valued in EUR at the reference rate of its day when the account is in another currency.\n"
      "vat_eur is the VAT recorded with it (indie account tx add --vat 20), deductible for a\n"
      "business that charges VAT. The purchases register (--register) is the yearly record a\n"
      "goods or lodging activity must keep: date, supplier, reference (the note), amount and\n"
      "method, cash marked apart.\n\n"
      "Examples:\n  indie report expenses --year 2026\n"
      "  indie report expenses --period 2026-Q4 --by supplier --format csv\n"
      "  indie report expenses --year 2026 --register --format csv > registre-des-achats.csv");
  cmd->callback([&ctx, a] { run(ctx, *a); });
}

}  // namespace indie::cli
