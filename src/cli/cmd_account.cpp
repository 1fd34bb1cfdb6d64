// indie account add|list|show|archive|balance (transactions and transfers: cmd_account_tx.cpp)
#include <fmt/format.h>

#include "account_common.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "invoice_common.hpp"

namespace indie::cli {

std::optional<Valued> value_in(RateRepo& rates, const Money& amount, const Currency& target,
                               Date date) {
  try {
    FxPath path = rates.path(amount.currency().code, target.code, date);
    return Valued{convert(amount, path, target), std::move(path)};
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::not_found) throw;
    return std::nullopt;
  }
}

namespace {

struct AccountArgs {
  std::string name, currency, kind = "bank", opening, on, notes, in, as_of;
  bool all = false;
};

void add(Context& ctx, const AccountArgs& a) {
  Account acc;
  acc.name = check_account_name(a.name);
  if (a.currency.empty())
    throw invalid_input(fmt::format(
        "say which currency \"{}\" holds: --currency EUR (an account holds one currency)",
        acc.name));
  acc.currency = currency_arg(a.currency, "--currency").code;
  try {
    acc.kind = parse_account_kind(a.kind);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("--kind: {}", e.what()));
  }
  acc.notes = a.notes;
  acc.created_at = ctx.now_iso();
  const Currency& cur = currency(acc.currency);
  std::optional<Money> opening;
  if (!a.opening.empty()) opening = amount_arg(a.opening, cur, "--opening");
  if (!a.on.empty() && !opening)
    throw usage_error("--on is the day of the --opening balance; give --opening too");
  const Date on = date_or_today(ctx, a.on, "--on");
  Store& store = ctx.store();
  WriteTransaction tx(store);
  AccountRepo& repo = store.accounts();
  acc.id = repo.insert(acc);
  if (opening && !opening->is_zero()) {
    AccountTx t;
    t.account_id = acc.id;
    t.date = on;
    t.amount_minor = opening->minor();
    t.payee = "Opening balance";
    t.origin = TxOrigin::opening;
    t.created_at = acc.created_at;
    repo.insert_tx(t);
  }
  tx.commit();
  ctx.say(fmt::format(
      "Added account \"{}\" ({}, {}){}.", acc.name, acc.currency, to_string(acc.kind),
      opening
          ? fmt::format(" with {} {} on {}", opening->to_string(), acc.currency, format_date(on))
          : ""));
}

void list(Context& ctx, const AccountArgs& a) {
  Store& store = ctx.store();
  AccountRepo& repo = store.accounts();
  RateRepo& rates = store.rates();
  const Currency& base = currency(ctx.config().business.currency);
  const Date today = ctx.today();
  const bool people = ctx.format() == Format::table;
  TableWriter w(ctx.out, ctx.format(),
                {"id", "name", "currency", "kind", "balance", "value", "value_currency",
                 "rate_date", "transactions", "last_date", "archived_at"},
                {"name", "currency", "kind", "balance", "value", "value_currency", "transactions",
                 "last_date"});
  std::vector<std::string> missing;
  for (const auto& acc : repo.list(a.all)) {
    const Money balance(repo.balance(acc.id), currency(acc.currency, true));
    const auto stats = repo.stats(acc.id);
    const auto valued = value_in(rates, balance, base, today);
    if (!valued) missing.push_back(acc.currency);
    w.row(std::vector<Cell>{
        Cell::integer(acc.id), Cell::str(acc.name), Cell::str(acc.currency),
        Cell::str(std::string(to_string(acc.kind))), Cell::amount(amount_text(balance, people)),
        valued ? Cell::amount(amount_text(valued->value, people)) : Cell::none(),
        Cell::str(std::string(base.code)),
        valued && !valued->path.legs.empty() ? Cell::str(format_date(valued->path.date()))
                                             : Cell::none(),
        Cell::integer(stats.count), stats.last ? Cell::str(format_date(*stats.last)) : Cell::none(),
        acc.archived_at ? Cell::str(*acc.archived_at) : Cell::none()});
  }
  if (w.rows() == 0 && people) {
    ctx.err << "No accounts yet. Add one with: indie account add \"Qonto\" --currency EUR\n";
    return;
  }
  w.finish();
  if (!missing.empty())
    ctx.warn(fmt::format("no rate to {} for {}; set one with: indie rate set {} {} RATE", base.code,
                         join(missing, ", "), missing.front(), base.code));
}

void show(Context& ctx, const AccountArgs& a) {
  Store& store = ctx.store();
  AccountRepo& repo = store.accounts();
  const Account acc = repo.get(a.name);
  const Money balance(repo.balance(acc.id), currency(acc.currency, true));
  const auto stats = repo.stats(acc.id);
  const bool people = ctx.format() == Format::table;
  Table t;
  t.columns = {"id",         "name",      "currency", "kind",       "balance",    "transactions",
               "first_date", "last_date", "notes",    "created_at", "archived_at"};
  t.rows.push_back({Cell::integer(acc.id), Cell::str(acc.name), Cell::str(acc.currency),
                    Cell::str(std::string(to_string(acc.kind))),
                    Cell::amount(amount_text(balance, people)), Cell::integer(stats.count),
                    stats.first ? Cell::str(format_date(*stats.first)) : Cell::none(),
                    stats.last ? Cell::str(format_date(*stats.last)) : Cell::none(),
                    Cell::str(acc.notes), Cell::str(acc.created_at),
                    acc.archived_at ? Cell::str(*acc.archived_at) : Cell::none()});
  print_record(ctx.out, t, ctx.format());
}

void archive(Context& ctx, const AccountArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  AccountRepo& repo = store.accounts();
  const Account acc = repo.get(a.name);
  if (acc.archived_at) throw conflict(fmt::format("account \"{}\" is already archived", acc.name));
  const Money balance(repo.balance(acc.id), currency(acc.currency, true));
  repo.archive(acc.id, ctx.now_iso());
  tx.commit();
  ctx.say(
      fmt::format("Archived account \"{}\"; `indie account list --all` still shows it.", acc.name));
  if (!balance.is_zero())
    ctx.warn(fmt::format("\"{}\" still holds {} {}; it stays in `indie account balance --all`.",
                         acc.name, amount_text(balance, true), acc.currency));
}

void balance(Context& ctx, const AccountArgs& a) {
  Store& store = ctx.store();
  AccountRepo& repo = store.accounts();
  RateRepo& rates = store.rates();
  const Currency& target =
      currency_arg(a.in.empty() ? ctx.config().business.currency : a.in, "--in");
  const Date as_of = date_or_today(ctx, a.as_of, "--as-of");
  const bool people = ctx.format() == Format::table;
  // Every balance is valued before anything is printed: a currency with no rate stops the
  // command with no half-written CSV or JSON.
  std::vector<std::vector<Cell>> rows;
  Money total = Money::zero(target);
  for (const auto& acc : repo.list(a.all)) {
    const Money bal(repo.balance(acc.id, as_of), currency(acc.currency, true));
    if (bal.is_zero() && acc.archived_at) continue;
    // A balance is never added in its own currency: each is converted first, or the command stops.
    const FxPath path = rates.path(acc.currency, target.code, as_of);
    const Money value = convert(bal, path, target);
    total += value;
    rows.push_back({Cell::str(acc.name), Cell::str(acc.currency),
                    Cell::amount(amount_text(bal, people)),
                    Cell::amount(path_rate(path, 6).to_string()),
                    path.legs.empty() ? Cell::none() : Cell::str(format_date(path.date())),
                    Cell::amount(amount_text(value, people)), Cell::str(std::string(target.code))});
  }
  TableWriter w(ctx.out, ctx.format(),
                {"account", "currency", "balance", "rate", "rate_date", "value", "value_currency"});
  for (const auto& r : rows) w.row(r);
  if (people) {
    if (w.rows() == 0) {
      ctx.err << "No accounts yet. Add one with: indie account add \"Qonto\" --currency EUR\n";
      return;
    }
    w.row(std::vector<Cell>{Cell::str("total"), Cell::str(""), Cell::amount(""), Cell::amount(""),
                            Cell::str(""), Cell::amount(amount_text(total, true)),
                            Cell::str(std::string(target.code))});
  }
  w.finish();
}

}  // namespace

void setup_account(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand(
      "account", "Accounts in any currency: transactions, transfers, balances, bank imports");
  group->footer(
      "An account holds one currency (a bank account, a Wise balance, cash). Its balance is the "
      "sum\n"
      "of its transactions; values in another currency use `indie rate` rates of the day.\n\n"
      "Examples:\n  indie account add \"Wise USD\" --currency USD --kind wallet --opening 1200 "
      "--on 2026-01-01\n"
      "  indie account balance --in EUR");
  group->require_subcommand(1);
  auto a = std::make_shared<AccountArgs>();

  auto* add_cmd = group->add_subcommand("add", "Add an account");
  add_cmd->add_option("name", a->name, "Name, e.g. \"Wise USD\" (unique, any case)")->required();
  add_cmd->add_option("--currency", a->currency, "ISO 4217 code of what it holds, e.g. USD")
      ->required();
  add_cmd->add_option("--kind", a->kind, "bank (default), cash, card or wallet");
  add_cmd->add_option("--opening", a->opening, "Balance it starts with");
  add_cmd->add_option("--on", a->on, "Day of the opening balance (default: today)");
  add_cmd->add_option("--notes", a->notes, "Free notes");
  add_cmd->footer(
      "Examples:\n  indie account add Qonto --currency EUR --opening 3250.40 --on 2026-01-01\n"
      "  indie account add \"Wise USD\" --currency USD --kind wallet");
  add_cmd->callback([&ctx, a] { add(ctx, *a); });

  auto* list_cmd = group->add_subcommand(
      "list", "List accounts with their balance and its value in the base currency");
  list_cmd->add_flag("-a,--all", a->all, "Include archived accounts");
  list_cmd->footer(
      "Examples:\n  indie account list\n  indie account list --format json | jq '.[] | {name, "
      "balance}'");
  list_cmd->callback([&ctx, a] { list(ctx, *a); });

  auto* show_cmd = group->add_subcommand("show", "Show one account");
  show_cmd->add_option("name", a->name, "Name or id")->required();
  show_cmd->footer("Example:\n  indie account show \"Wise USD\"");
  show_cmd->callback([&ctx, a] { show(ctx, *a); });

  auto* archive_cmd = group->add_subcommand(
      "archive", "Hide an account from lists and balances, keeping its history");
  archive_cmd->add_option("name", a->name, "Name or id")->required();
  archive_cmd->callback([&ctx, a] { archive(ctx, *a); });

  auto* bal = group->add_subcommand(
      "balance", "Balances in their own currency and their value in one currency, with the total");
  bal->add_option("--in", a->in, "Currency to value them in (default: business.currency)");
  bal->add_option("--as-of", a->as_of,
                  "Balances and rates at the end of this day (default: today)");
  bal->add_flag("-a,--all", a->all, "Include archived accounts that still hold money");
  bal->footer(
      "Each balance is converted at the rate of the --as-of day (else the last earlier one) "
      "before\n"
      "the total is made; a currency without a rate stops the command with what to set.\n\n"
      "Examples:\n  indie account balance\n  indie account balance --in USD --as-of 2025-12-31 "
      "--format csv");
  bal->callback([&ctx, a] { balance(ctx, *a); });

  setup_account_tx(*group, ctx);
  setup_account_import(*group, ctx);
  setup_account_reconcile(*group, ctx);
}

}  // namespace indie::cli
