// indie account reconcile ACCOUNT [--apply ROW=NUMBER]: what is left to reconcile, and linking a
// statement row to the invoice it pays (indie/app/reconciliation.hpp, pay_invoice).
#include <fmt/format.h>

#include "account_common.hpp"
#include "indie/app/invoice_payments.hpp"
#include "indie/app/reconciliation.hpp"
#include "indie/core/error.hpp"
#include "indie/core/identifiers.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct ReconcileArgs {
  std::string account, apply;
};

void apply(Context& ctx, const ReconcileArgs& a) {
  const auto eq = a.apply.find('=');
  const auto row = record_id(a.apply.substr(0, eq == std::string::npos ? 0 : eq));
  if (eq == std::string::npos || !row || eq + 1 >= a.apply.size())
    throw usage_error(fmt::format(
        "--apply: '{}' is not ROW=NUMBER, e.g. --apply 42=F2026-0007 (the row's id and the "
        "invoice it pays, as indie account reconcile lists them)",
        a.apply));
  const InvoicePaid r =
      // The account named is checked: a row of another account is refused, not paid.
      pay_invoice(ctx.session(),
                  {.invoice = a.apply.substr(eq + 1), .account = a.account, .tx_id = *row});
  ctx.say(fmt::format(
      "Row {} is now the payment of {} ({} {}; payment {}){}.", *row, r.number,
      amount_text(r.paid, true), r.paid.currency().code, r.payment_id,
      r.left.minor() > 0
          ? fmt::format("; {} {} still due", amount_text(r.left, true), r.left.currency().code)
          : "; paid in full"));
  for (const auto& w : r.warnings) ctx.warn(w);
}

void list(Context& ctx, const ReconcileArgs& a) {
  const Reconciliation r = reconciliation(ctx.session(), a.account);
  const Currency& cur = currency(r.account.currency, true);
  const auto money = [&](std::int64_t minor) {
    return amount_text(Money(minor, cur), ctx.format() == Format::table);
  };
  TableWriter w(ctx.out, ctx.format(),
                {"kind", "id", "date", "amount", "who", "text", "suggestion", "why"});
  for (const auto& u : r.rows) {
    const auto& s = u.suggestions;
    w.row(std::vector<Cell>{
        Cell::str("row"), Cell::integer(u.row.id), Cell::str(format_date(u.row.date)),
        Cell::amount(money(u.row.amount_minor)), Cell::str(u.row.payee), Cell::str(u.row.note),
        s.empty() ? Cell::none() : Cell::str(s.front().number),
        s.empty() ? Cell::none() : Cell::str(s.front().why)});
    for (std::size_t i = 1; i < s.size(); ++i)
      w.row(std::vector<Cell>{Cell::str("row"), Cell::integer(u.row.id), Cell::none(), Cell::none(),
                              Cell::none(), Cell::none(), Cell::str(s[i].number),
                              Cell::str(s[i].why)});
  }
  for (const auto& o : r.open_invoices)
    w.row(std::vector<Cell>{Cell::str("invoice"), Cell::str(o.number),
                            Cell::str(format_date(o.issue_date)), Cell::amount(money(o.due_minor)),
                            Cell::str(o.client), Cell::str("due " + format_date(o.due_date)),
                            Cell::none(), Cell::none()});
  for (const auto& t : r.waiting)
    w.row(std::vector<Cell>{Cell::str("recorded"), Cell::integer(t.id),
                            Cell::str(format_date(t.date)), Cell::amount(money(t.amount_minor)),
                            Cell::str(t.payee), Cell::str(t.note), Cell::none(),
                            Cell::str("not in a statement yet")});
  w.finish();
  if (ctx.format() != Format::table) return;
  if (r.rows.empty() && r.open_invoices.empty() && r.waiting.empty()) {
    ctx.say(fmt::format("Nothing left to reconcile in \"{}\".", r.account.name));
    return;
  }
  ctx.say(fmt::format(
      "\"{}\": {} row{} of money in paying nothing yet, {} open invoice{} in {}, {} movement{} "
      "recorded by hand not yet in a statement.",
      r.account.name, r.rows.size(), r.rows.size() == 1 ? "" : "s", r.open_invoices.size(),
      r.open_invoices.size() == 1 ? "" : "s", r.account.currency, r.waiting.size(),
      r.waiting.size() == 1 ? "" : "s"));
  for (const auto& u : r.rows)
    if (!u.suggestions.empty()) {
      ctx.say(
          fmt::format("Link a row to the invoice it pays: indie account reconcile \"{}\" "
                      "--apply {}={}",
                      r.account.name, u.row.id, u.suggestions.front().number));
      break;
    }
}

}  // namespace

void setup_account_reconcile(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ReconcileArgs>();
  auto* cmd = group.add_subcommand(
      "reconcile", "What is left to reconcile: statement rows paying nothing, open invoices");
  cmd->add_option("account", a->account, "Account name or id")->required();
  cmd->add_option("--apply", a->apply,
                  "ROW=NUMBER: record the statement row ROW as the payment of invoice NUMBER");
  cmd->footer(
      "Lists the rows of money in imported from the account's statements that pay nothing yet,\n"
      "each with the open invoices it may pay and why (its number named; the payer named and the\n"
      "amount due; the amount due alone); the open invoices in the account's currency; and the\n"
      "movements recorded by hand that no statement has shown yet. Nothing is changed without\n"
      "--apply, which records the row as the invoice's payment (its day and amount), as\n"
      "indie invoice pay NUMBER --tx ROW does.\n\nExamples:\n"
      "  indie account reconcile Qonto\n  indie account reconcile Qonto --format json | jq\n"
      "  indie account reconcile Qonto --apply 42=F2026-0007");
  cmd->callback([&ctx, a] {
    if (a->apply.empty())
      list(ctx, *a);
    else
      apply(ctx, *a);
  });
}

}  // namespace indie::cli
