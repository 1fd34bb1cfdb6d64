// indie account import NAME FILE|- --rules RULES [--dry-run]
// indie account import --detect FILE
#include <fmt/format.h>

#include <filesystem>

#include "account_common.hpp"
#include "builtin_rules.hpp"
#include "indie/core/bank_import.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"
#include "indie/store/files.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct ImportArgs {
  std::vector<std::string> args;  // ACCOUNT FILE, or FILE with --detect
  std::string rules;
  bool dry_run = false, detect = false;
};

std::string rule_name(std::string_view file) {
  return std::string(file.substr(0, file.size() - std::string_view(".toml").size()));
}

std::vector<std::string> shipped_names() {
  std::vector<std::string> names;
  for (const auto& r : builtin_rules()) names.push_back(rule_name(r.file));
  return names;
}

// --rules: a file, or the name of rules shipped with indie ("wise", "revolut-business").
std::pair<std::string, std::string> load_rules(const std::string& given) {
  if (given == "-" || std::filesystem::exists(given) || given.find('/') != std::string::npos)
    return {read_file(given), given};
  const std::string name = to_lower(given.ends_with(".toml") ? rule_name(given) : given);
  for (const auto& r : builtin_rules())
    if (rule_name(r.file) == name) return {std::string(r.text), "rules " + name};
  throw not_found(fmt::format(
      "no rules file '{}' and no shipped rules of that name.{} Shipped: {}. `indie account "
      "import --detect FILE` says which fit a statement",
      given, did_you_mean(name, shipped_names()), join(shipped_names(), ", ")));
}

// Which shipped rules fit a statement's header.
void detect(Context& ctx, const std::string& file) {
  const std::string text = read_file(file);
  TableWriter w(ctx.out, ctx.format(), {"rules", "fits", "missing"});
  std::size_t fitting = 0;
  for (const auto& shipped : builtin_rules()) {
    const BankRules rules = parse_bank_rules(shipped.text, shipped.file);
    const auto missing = missing_columns(text, rules);
    if (missing.empty()) ++fitting;
    w.row(std::vector<Cell>{Cell::str(rule_name(shipped.file)),
                            Cell::str(missing.empty() ? "yes" : "no"),
                            Cell::str(join(missing, "; "))});
  }
  w.finish();
  if (fitting == 0)
    throw not_found(fmt::format(
        "no shipped rules fit {}; write a rules file naming its columns (man indie-account, "
        "IMPORT RULES; examples/rules/ has models)",
        file == "-" ? "<stdin>" : file));
}

void import_statement(Context& ctx, const ImportArgs& a) {
  if (a.detect) {
    if (a.args.size() != 1)
      throw usage_error("--detect takes the statement alone: indie account import --detect FILE");
    detect(ctx, a.args[0]);
    return;
  }
  if (a.args.size() != 2)
    throw usage_error(
        "give the account and the statement: indie account import ACCOUNT FILE --rules RULES");
  if (a.rules.empty())
    throw usage_error(
        "--rules is required: a rules file, or the name of shipped rules (indie account import "
        "--detect FILE says which fit)");
  const std::string& account = a.args[0];
  const std::string& file = a.args[1];
  const auto [rules_text, rules_source] = load_rules(a.rules);
  const BankRules rules = parse_bank_rules(rules_text, rules_source);
  const std::string source = file == "-" ? "<stdin>" : file;
  const std::string text = read_file(file);
  Store& store = ctx.store();
  WriteTransaction tx(store);
  AccountRepo& repo = store.accounts();
  const Account acc = account_for_entry(store, account);
  const Currency& cur = currency(acc.currency, true);
  // Read and check every row first: a bad line stops the import before anything is written.
  const BankStatement statement = read_statement(text, source, rules, cur);
  const std::string now = ctx.now_iso();
  std::vector<const StatementRow*> skipped;
  std::size_t added = 0, fees = 0;
  const bool people = ctx.format() == Format::table;
  TableWriter w(ctx.out, ctx.format(), {"line", "date", "amount", "payee", "memo", "status"});
  const bool charges_vat = ctx.config().business.vat_regime == VatRegime::standard;
  bool vat_ignored = false;
  AccountTx t;
  t.account_id = acc.id;
  t.origin = TxOrigin::import;
  t.created_at = now;
  for (const auto& r : statement.rows) {
    t.date = r.date;
    t.amount_minor = r.amount_minor;
    t.payee = r.payee;
    t.note = r.memo;
    t.category = r.fee ? "fees" : rules.category;
    t.vat_rate.clear();
    t.vat_minor.reset();
    if (const auto* rule = r.fee ? nullptr : rules.payee_rule(r.payee, r.memo)) {
      if (!rule->category.empty()) t.category = rule->category;
      // VAT is deductible only for a business that charges it; under the franchise the rule's
      // rate is left out (said once, after the import).
      if (!rule->vat.empty() && charges_vat) {
        t.vat_rate = rule->vat;
        t.vat_minor = vat_included(t.amount_minor, Decimal::parse(rule->vat));
      } else if (!rule->vat.empty()) {
        vat_ignored = true;
      }
    }
    t.fingerprint = r.fingerprint;
    const bool is_new = repo.insert_imported(t);
    if (is_new) {
      ++added;
      if (r.fee) ++fees;
    } else {
      skipped.push_back(&r);
    }
    if (!people)
      w.row(std::vector<Cell>{
          Cell::integer(static_cast<long long>(r.line)), Cell::str(format_date(r.date)),
          Cell::amount(Money(r.amount_minor, cur).to_string()), Cell::str(r.payee),
          Cell::str(r.memo), Cell::str(is_new ? (a.dry_run ? "would-add" : "added") : "skipped")});
  }
  if (!people)
    for (const auto& s : statement.skipped)
      w.row(std::vector<Cell>{Cell::integer(static_cast<long long>(s.line)), Cell::str(""),
                              Cell::str(""), Cell::str(""), Cell::str(s.why),
                              Cell::str("left-out")});
  const std::int64_t balance = repo.balance(acc.id);
  if (!a.dry_run) tx.commit();  // a dry run rolls everything back
  if (!people) {
    w.finish();
    return;
  }
  std::string summary =
      fmt::format("{} \"{}\" from {}: {} rows, {} new, {} already imported.",
                  a.dry_run ? "Dry run, nothing written: would import into" : "Imported into",
                  acc.name, source, statement.rows.size(), added, skipped.size());
  if (fees > 0)
    summary += fees == 1 ? " One of the new rows is a fee (category fees)."
                         : fmt::format(" {} of the new rows are fees (category fees).", fees);
  if (!a.dry_run)
    summary += fmt::format(" Balance {} {}.", amount_text(Money(balance, cur), true), acc.currency);
  ctx.say(summary);
  if (vat_ignored)
    ctx.warn(
        "the rules' [[payee]] VAT rates were left out: under the franchise en base no VAT is "
        "deductible");
  if (ctx.options.quiet) return;
  const auto listed = [&](std::size_t total, const auto& line_of) {
    const std::size_t shown = std::min<std::size_t>(total, 20);
    for (std::size_t i = 0; i < shown; ++i) ctx.out << line_of(i);
    if (total > shown)
      ctx.out << fmt::format("  … and {} more (--format csv lists every row with its status)\n",
                             total - shown);
  };
  if (!statement.skipped.empty()) {
    ctx.out << fmt::format("Left out by the rules ({}):\n", statement.skipped.size());
    listed(statement.skipped.size(), [&](std::size_t i) {
      return fmt::format("  line {}: {}\n", statement.skipped[i].line, statement.skipped[i].why);
    });
  }
  if (!skipped.empty()) {
    ctx.out << "Skipped (already imported):\n";
    listed(skipped.size(), [&](std::size_t i) {
      const auto& r = *skipped[i];
      return fmt::format("  line {}: {}  {:>12}  {}\n", r.line, format_date(r.date),
                         amount_text(Money(r.amount_minor, cur), true),
                         r.payee.empty() ? r.memo : r.payee);
    });
  }
}

}  // namespace

void setup_account_import(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ImportArgs>();
  auto* cmd = group.add_subcommand("import", "Import a bank statement (CSV) through a rules file");
  cmd->add_option("account file", a->args,
                  "Account name or id, then the statement in CSV (- for standard input); with "
                  "--detect, the statement alone")
      ->expected(1, 2);
  cmd->add_option("--rules", a->rules,
                  "Rules (TOML) naming the columns and formats: a file, or shipped rules by name "
                  "(wise, revolut, n26…)");
  cmd->add_flag("--detect", a->detect,
                "Say which shipped rules fit the statement's header; import nothing");
  cmd->add_flag("-n,--dry-run", a->dry_run,
                "Read and check everything, show what would be added, write nothing");
  cmd->footer(fmt::format(
      "The rules name the columns (a signed amount; debit and credit; or an amount and a sign\n"
      "column), a fee column, the date format, the decimal mark, the separator, the encoding,\n"
      "and the rows to leave out (balance lines, pending or declined payments, amounts of 0).\n"
      "Rows already imported (same bank id and rank, or same day, amount, payee and memo) are\n"
      "skipped, so overlapping statements can be imported again. All or nothing: a bad row\n"
      "stops the import, names its line and column, and changes nothing.\n\n"
      "Shipped rules: {}.\n\n"
      "Examples:\n"
      "  indie account import --detect statement.csv\n"
      "  indie account import \"Wise USD\" statement.csv --rules wise\n"
      "  indie account import Qonto releve.csv --rules my-bank.toml --dry-run",
      join(shipped_names(), ", ")));
  cmd->callback([&ctx, a] { import_statement(ctx, *a); });
}

}  // namespace indie::cli
