// indie account tx add|edit|rm, indie account register, indie account transfer
#include <fmt/format.h>

#include "account_common.hpp"
#include "books_common.hpp"
#include "indie/app/account_entries.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/text.hpp"
#include "indie/store/invoice_repo.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct TxArgs {
  std::string account, amount, date, payee, category, note, invoice, from, to;
  std::int64_t id = 0;
  std::string target, received, fee;
  bool receipt = false;
  std::string activity, method, vat, vat_amount;
};

void tx_add(Context& ctx, const TxArgs& a) {
  AddTransaction request{.account = a.account,
                         .amount = a.amount,
                         .payee = a.payee,
                         .category = a.category,
                         .note = a.note,
                         .invoice = a.invoice,
                         .vat_amount = a.vat_amount,
                         .receipt = a.receipt,
                         .activity = a.activity};
  if (!a.date.empty()) request.date = date_or_today(ctx, a.date, "--date");
  if (!a.vat.empty())
    request.vat_rate = decimal_arg(a.vat, "--vat", "; give the rate in percent, e.g. 20");
  if (!a.method.empty()) request.method = method_arg(a.method, "--method");
  const TransactionAdded r = add_transaction(ctx.session(), request);
  ctx.say(fmt::format("Added {} {}: {} {} on {} in \"{}\"; balance {} {}.",
                      r.receipt ? "receipt" : "transaction", r.id, r.amount.to_string(), r.currency,
                      format_date(r.date), r.account, amount_text(r.balance, true), r.currency));
  for (const auto& w : r.warnings) ctx.warn(w);
}

AccountTx get_tx(AccountRepo& repo, std::int64_t id) {
  auto t = repo.find_tx(id);
  if (!t)
    throw not_found(
        fmt::format("no transaction {}; see the ids with: indie account register NAME", id));
  return *t;
}

void tx_edit(Context& ctx, const TxArgs& a, const CLI::App& cmd) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  AccountRepo& repo = store.accounts();
  AccountTx t = get_tx(repo, a.id);
  const Account acc = repo.get(t.account_id);
  const bool money_changes = cmd.count("--amount") || cmd.count("--date");
  if (money_changes && (t.origin == TxOrigin::transfer || t.origin == TxOrigin::fee ||
                        t.origin == TxOrigin::payment))
    throw conflict(
        t.origin == TxOrigin::payment
            ? fmt::format("transaction {} is the payment of {} (indie invoice pay); its amount and "
                          "day stay "
                          "as paid, but its payee, category and note can change",
                          t.id, t.invoice_number)
            : fmt::format("transaction {} is part of transfer {}; change its payee, category or "
                          "note here, or "
                          "remove the transfer (indie account tx rm {}) and record it again",
                          t.id, *t.transfer_id, t.id));
  if (cmd.count("--amount")) {
    t.amount_minor = amount_arg(a.amount, currency(acc.currency), "--amount").minor();
    if (t.amount_minor == 0)
      throw invalid_input("--amount: a transaction of 0 changes nothing; remove it instead");
  }
  if (cmd.count("--date")) t.date = date_or_today(ctx, a.date, "--date");
  if (cmd.count("--payee")) t.payee = a.payee;
  if (cmd.count("--category")) t.category = a.category;
  if (cmd.count("--note")) t.note = a.note;
  if (cmd.count("--invoice"))
    t.invoice_id =
        a.invoice.empty() ? std::nullopt : std::optional(store.invoices().get(a.invoice).id);
  check_tx_text(t);
  repo.update_tx(t);
  tx.commit();
  ctx.say(fmt::format("Changed transaction {} in \"{}\".", t.id, acc.name));
}

void tx_rm(Context& ctx, const TxArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  AccountRepo& repo = store.accounts();
  const AccountTx t = get_tx(repo, a.id);
  if (t.origin == TxOrigin::payment)
    throw conflict(fmt::format(
        "transaction {} is the payment of {} (indie invoice pay); it stays with the invoice", t.id,
        t.invoice_number));
  if (t.transfer_id) {
    // A transfer goes as a whole: both legs and the fee, so no account is left half-moved.
    const std::size_t n = repo.remove_transfer(*t.transfer_id);
    tx.commit();
    ctx.say(fmt::format("Removed transfer {} ({} transactions).", *t.transfer_id, n));
    return;
  }
  repo.remove_tx(t.id);
  tx.commit();
  ctx.say(fmt::format("Removed transaction {}.", t.id));
}

void register_cmd(Context& ctx, const TxArgs& a) {
  Store& store = ctx.store();
  AccountRepo& repo = store.accounts();
  const Account acc = repo.get(a.account);
  std::optional<Date> from, to;
  if (!a.from.empty()) from = date_or_today(ctx, a.from, "--from");
  if (!a.to.empty()) to = date_or_today(ctx, a.to, "--to");
  if (from && to && *from > *to) throw invalid_input("--from is after --to");
  const Currency& cur = currency(acc.currency, true);
  const bool people = ctx.format() == Format::table;
  TableWriter w(ctx.out, ctx.format(),
                {"id", "date", "amount", "balance", "currency", "payee", "category", "note",
                 "origin", "invoice"},
                {"id", "date", "amount", "balance", "payee", "category", "note", "invoice"});
  std::string amount, running;
  repo.register_rows(acc.id, from, to, [&](const AccountTx& t, std::int64_t balance) {
    amount.clear();
    running.clear();
    append_scaled(amount, t.amount_minor, cur.minor_units,
                  people ? NumberLocale::en : NumberLocale::canonical);
    append_scaled(running, balance, cur.minor_units,
                  people ? NumberLocale::en : NumberLocale::canonical);
    const std::string id = std::to_string(t.id), date = format_date(t.date);
    const std::array<CellView, 10> cells = {
        CellView{id, CellKind::integer},
        CellView{date},
        CellView{amount, CellKind::amount},
        CellView{running, CellKind::amount},
        CellView{acc.currency},
        CellView{t.payee},
        CellView{t.category},
        CellView{t.note},
        CellView{to_string(t.origin)},
        t.invoice_number.empty() ? CellView{{}, CellKind::text, true} : CellView{t.invoice_number}};
    w.row(cells);
  });
  if (w.rows() == 0 && people) {
    ctx.err << fmt::format("No transactions in \"{}\"{}.\n", acc.name,
                           from || to ? " between those days" : " yet");
    return;
  }
  w.finish();
}

void transfer(Context& ctx, const TxArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  AccountRepo& repo = store.accounts();
  const Account from = repo.get(a.account), to = repo.get(a.target);
  const Currency& fc = currency(from.currency);
  const Currency& tc = currency(to.currency);
  const Money sent = amount_arg(a.amount, fc, "amount");
  std::optional<Money> arrived;
  if (!a.received.empty()) arrived = amount_arg(a.received, tc, "--received");
  const Money fee = a.fee.empty() ? Money::zero(fc) : amount_arg(a.fee, fc, "--fee");
  TransferPlan plan =
      plan_transfer(from, to, sent, arrived, fee, date_or_today(ctx, a.date, "--date"), a.note);
  const Transfer& tr = plan.transfer;
  const Money received(tr.received_minor, tc);
  const std::int64_t id = repo.insert_transfer(tr);
  for (auto& t : plan.legs) {
    t.transfer_id = id;
    t.created_at = ctx.now_iso();
    repo.insert_tx(t);
  }
  tx.commit();
  std::string message = fmt::format("Transfer {}: {} {} from \"{}\" to \"{}\"", id,
                                    amount_text(sent, true), fc.code, from.name, to.name);
  if (fc.code != tc.code)
    message += fmt::format(", {} {} arrived (1 {} = {} {})", amount_text(received, true), tc.code,
                           fc.code, tr.rate, tc.code);
  if (fee.minor() > 0) message += fmt::format(", fee {} {}", amount_text(fee, true), fc.code);
  ctx.say(message + ".");
}

}  // namespace

void setup_account_tx(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<TxArgs>();
  auto* txg = group.add_subcommand("tx", "Add, change or remove one transaction");
  txg->require_subcommand(1);

  auto* add = txg->add_subcommand("add", "Record income (positive) or an expense (negative)");
  add->add_option("account", a->account, "Account name or id")->required();
  add->add_option("amount", a->amount,
                  "Signed amount in the account's currency: 1200 for income, -42.50 for an expense")
      ->required();
  add->add_option("--date", a->date, "Day (default: today)");
  add->add_option("--payee,--supplier", a->payee, "Who paid or was paid: the client or supplier");
  add->add_option("--category", a->category, "Free category, e.g. software, travel");
  add->add_option("--note", a->note, "Free note");
  add->add_option("--invoice", a->invoice,
                  "Invoice number it relates to (a reference; use indie invoice pay for payments)");
  add->add_option("--vat", a->vat,
                  "The VAT rate the amount includes, in percent (20, 10, 5.5, 2.1): deductible on "
                  "an expense, collected on a receipt; VAT-registered businesses only");
  add->add_option(
      "--vat-amount", a->vat_amount,
      "The VAT the amount includes, as on the supplier's invoice (default: from --vat)");
  add->add_flag("--receipt", a->receipt,
                "A sale paid straight into the account, not through an invoice: it goes in the "
                "receipts journal and, like a payment, never changes");
  add->add_option("--activity", a->activity,
                  "With --receipt: bnc, bic-services or bic-sales (default: business.activity)");
  add->add_option("--method", a->method,
                  "With --receipt: transfer, card, cash, check, paypal or other (default: from "
                  "the account's kind)");
  add->footer(
      "A receipt (--receipt) is final: a mistake is corrected by a receipt of the opposite\n"
      "amount. --payee is the client, --note what was sold.\n\n"
      "Examples:\n  indie account tx add Qonto -- -42.50 --payee OVH --category hosting\n"
      "  indie account tx add \"Wise USD\" 1200 --date 2026-11-02 --payee \"Globex Inc\"\n"
      "  indie account tx add Qonto -- -120 --supplier OVH --category hosting --vat 20\n"
      "  indie account tx add Caisse 45 --receipt --payee \"Client au comptant\" --note "
      "\"Atelier\"");
  add->callback([&ctx, a] { tx_add(ctx, *a); });

  auto* edit = txg->add_subcommand("edit", "Change a transaction (only the flags given)");
  edit->add_option("id", a->id, "Transaction id (see indie account register)")->required();
  edit->add_option("--amount", a->amount, "Signed amount");
  edit->add_option("--date", a->date, "Day");
  edit->add_option("--payee", a->payee, "Payee");
  edit->add_option("--category", a->category, "Category");
  edit->add_option("--note", a->note, "Note");
  edit->add_option("--invoice", a->invoice, "Invoice number, or \"\" to unlink");
  edit->footer("Example:\n  indie account tx edit 42 --category travel");
  edit->callback([&ctx, a, edit] { tx_edit(ctx, *a, *edit); });

  auto* rm = txg->add_subcommand(
      "rm", "Remove a transaction (a transfer goes with both legs and its fee)");
  rm->add_option("id", a->id, "Transaction id")->required();
  rm->callback([&ctx, a] { tx_rm(ctx, *a); });

  auto* reg =
      group.add_subcommand("register", "An account's transactions with the running balance");
  reg->add_option("account", a->account, "Account name or id")->required();
  reg->add_option("--from", a->from, "First day (the balance starts from what came before)");
  reg->add_option("--to", a->to, "Last day");
  reg->footer(
      "Examples:\n  indie account register Qonto --from 2026-11-01 --to 2026-11-30\n"
      "  indie account register \"Wise USD\" --format csv > wise.csv");
  reg->callback([&ctx, a] { register_cmd(ctx, *a); });

  auto* tr =
      group.add_subcommand("transfer", "Move money between two accounts, in one currency or two");
  tr->add_option("from", a->account, "Account the money leaves")->required();
  tr->add_option("to", a->target, "Account it arrives in")->required();
  tr->add_option("amount", a->amount, "What leaves, in the first account's currency")->required();
  tr->add_option("--received", a->received,
                 "What arrived, in the second account's currency (required between currencies)");
  tr->add_option("--fee", a->fee, "Fee taken from the first account, recorded as an expense");
  tr->add_option("--date", a->date, "Day (default: today)");
  tr->add_option("--note", a->note, "Note on both legs");
  tr->footer(
      "Both legs are recorded, each in its own currency, with the rate they imply (received / "
      "sent).\n"
      "`indie report fx` compares that rate with the day's reference rate.\n\n"
      "Examples:\n  indie account transfer \"Wise USD\" Qonto 1000 --received 912.40 --fee 4.14\n"
      "  indie account transfer Qonto Cash 200");
  tr->callback([&ctx, a] { transfer(ctx, *a); });
}

}  // namespace indie::cli
