// indie account import NAME FILE|- --rules RULES.toml [--dry-run]
#include <fmt/format.h>

#include "account_common.hpp"
#include "indie/core/bank_import.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/store/files.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct ImportArgs {
  std::string account, file, rules;
  bool dry_run = false;
};

void import_statement(Context& ctx, const ImportArgs& a) {
  const BankRules rules = parse_bank_rules(read_file(a.rules), a.rules);
  const std::string source = a.file == "-" ? "<stdin>" : a.file;
  const std::string text = read_file(a.file);
  Store& store = ctx.store();
  WriteTransaction tx(store);
  AccountRepo repo(store);
  const Account acc = repo.get(a.account);
  if (acc.archived_at)
    throw conflict(fmt::format("account \"{}\" is archived; its history is closed", acc.name));
  const Currency& cur = currency(acc.currency, true);
  // Read and check every row first: a bad line stops the import before anything is written.
  const auto rows = read_statement(text, source, rules, cur);
  const std::string now = ctx.now_iso();
  std::vector<const StatementRow*> skipped;
  std::size_t added = 0;
  const bool people = ctx.format() == Format::table;
  TableWriter w(ctx.out, ctx.format(), {"line", "date", "amount", "payee", "memo", "status"});
  AccountTx t;
  t.account_id = acc.id;
  t.origin = TxOrigin::import;
  t.category = rules.category;
  t.created_at = now;
  for (const auto& r : rows) {
    t.date = r.date;
    t.amount_minor = r.amount_minor;
    t.payee = r.payee;
    t.note = r.memo;
    t.fingerprint = r.fingerprint;
    const bool is_new = repo.insert_imported(t);
    if (is_new)
      ++added;
    else
      skipped.push_back(&r);
    if (!people)
      w.row(std::vector<Cell>{
          Cell::integer(static_cast<long long>(r.line)), Cell::str(format_date(r.date)),
          Cell::amount(Money(r.amount_minor, cur).to_string()), Cell::str(r.payee),
          Cell::str(r.memo), Cell::str(is_new ? (a.dry_run ? "would-add" : "added") : "skipped")});
  }
  const std::int64_t balance = repo.balance(acc.id);
  if (!a.dry_run) tx.commit();  // a dry run rolls everything back
  if (!people) {
    w.finish();
    return;
  }
  std::string summary =
      fmt::format("{} \"{}\" from {}: {} rows, {} new, {} already imported.",
                  a.dry_run ? "Dry run, nothing written: would import into" : "Imported into",
                  acc.name, source, rows.size(), added, skipped.size());
  if (!a.dry_run)
    summary += fmt::format(" Balance {} {}.", amount_text(Money(balance, cur), true), acc.currency);
  ctx.say(summary);
  if (!skipped.empty() && !ctx.options.quiet) {
    ctx.out << "Skipped (already imported):\n";
    const std::size_t shown = std::min<std::size_t>(skipped.size(), 20);
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& r = *skipped[i];
      ctx.out << fmt::format("  line {}: {}  {:>12}  {}\n", r.line, format_date(r.date),
                             amount_text(Money(r.amount_minor, cur), true),
                             r.payee.empty() ? r.memo : r.payee);
    }
    if (skipped.size() > shown)
      ctx.out << fmt::format("  … and {} more (--format csv lists every row with its status)\n",
                             skipped.size() - shown);
  }
}

}  // namespace

void setup_account_import(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ImportArgs>();
  auto* cmd = group.add_subcommand("import", "Import a bank statement (CSV) through a rules file");
  cmd->add_option("account", a->account, "Account name or id")->required();
  cmd->add_option("file", a->file, "Statement in CSV, or - for standard input")->required();
  cmd->add_option("--rules", a->rules, "Rules file (TOML) naming the columns and formats")
      ->required();
  cmd->add_flag("-n,--dry-run", a->dry_run,
                "Read and check everything, show what would be added, write nothing");
  cmd->footer(
      "The rules name the columns (a signed amount, or debit and credit), the date format, the\n"
      "decimal mark, the separator and the encoding; examples/rules/ has files for a Wise export\n"
      "and a French bank. Rows already imported (same bank id, or same day, amount, payee and "
      "memo)\n"
      "are skipped, so overlapping statements can be imported again. All or nothing: a bad row\n"
      "stops the import, names its line and column, and changes nothing.\n\n"
      "Examples:\n  indie account import \"Wise USD\" statement.csv --rules "
      "examples/rules/wise.toml\n"
      "  indie account import Qonto releve.csv --rules examples/rules/banque-fr.toml --dry-run");
  cmd->callback([&ctx, a] { import_statement(ctx, *a); });
}

}  // namespace indie::cli
