// indie account import NAME FILE|- --rules RULES [--dry-run]
// indie account import --detect FILE
#include <fmt/format.h>

#include <filesystem>

#include "account_common.hpp"
#include "builtin_rules.hpp"
#include "indie/app/statement_import.hpp"
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
  const auto [rules_text, rules_source] = load_rules(a.rules);
  ImportStatement request{.account = a.args[0],
                          .text = read_file(a.args[1]),
                          .source = a.args[1] == "-" ? "<stdin>" : a.args[1],
                          .rules = parse_bank_rules(rules_text, rules_source),
                          .dry_run = a.dry_run};
  const StatementImported r = indie::import_statement(ctx.session(), request);
  const Currency& cur = currency(r.currency, true);
  const auto status = [&](const ImportedRow& row) -> std::string {
    switch (row.outcome) {
      case RowOutcome::skipped:
        return "skipped";
      case RowOutcome::matched:
        return a.dry_run ? "would-match" : "matched";
      case RowOutcome::paid:
        return a.dry_run ? "would-pay" : "paid";
      case RowOutcome::added:
        break;
    }
    return a.dry_run ? "would-add" : "added";
  };
  const bool people = ctx.format() == Format::table;
  if (!people) {
    // Fields are only ever added: `tx` is the transaction the row is (added, or the one
    // recorded by hand it matched), `matched` what that was and `why` what tells.
    TableWriter w(ctx.out, ctx.format(),
                  {"line", "date", "amount", "payee", "memo", "status", "tx", "matched", "why"});
    for (const auto& row : r.rows) {
      const StatementRow& s = *row.row;
      w.row(std::vector<Cell>{
          Cell::integer(static_cast<long long>(s.line)), Cell::str(format_date(s.date)),
          Cell::amount(Money(s.amount_minor, cur).to_string()), Cell::str(s.payee),
          Cell::str(s.memo), Cell::str(status(row)),
          row.tx_id != 0 && !a.dry_run ? Cell::integer(row.tx_id) : Cell::none(),
          row.what.empty() ? Cell::none() : Cell::str(row.what),
          row.why.empty() ? Cell::none() : Cell::str(row.why)});
    }
    for (const auto& s : r.statement.skipped)
      w.row(std::vector<Cell>{Cell::integer(static_cast<long long>(s.line)), Cell::str(""),
                              Cell::str(""), Cell::str(""), Cell::str(s.why), Cell::str("left-out"),
                              Cell::none(), Cell::str(""), Cell::str("")});
    w.finish();
    return;
  }
  std::string summary = fmt::format(
      "{} \"{}\" from {}: {} rows, {} new, {}{} already imported.",
      a.dry_run ? "Dry run, nothing written: would import into" : "Imported into", r.account,
      request.source, r.statement.rows.size(), r.added + r.paid,
      r.matched > 0 ? fmt::format("{} already recorded by hand, ", r.matched) : "", r.skipped);
  if (r.fees > 0)
    summary += r.fees == 1 ? " One of the new rows is a fee (category fees)."
                           : fmt::format(" {} of the new rows are fees (category fees).", r.fees);
  if (!a.dry_run)
    summary +=
        fmt::format(" Balance {} {}.", amount_text(Money(r.balance_minor, cur), true), r.currency);
  ctx.say(summary);
  if (r.vat_ignored)
    ctx.warn(
        "the rules' [[payee]] VAT rates were left out: under the franchise en base no VAT is "
        "deductible");
  if (ctx.options.quiet) return;
  const auto listed = [&](const auto& items, const auto& line_of) {
    const std::size_t shown = std::min<std::size_t>(items.size(), 20);
    for (std::size_t i = 0; i < shown; ++i) ctx.out << line_of(*items[i]);
    if (items.size() > shown)
      ctx.out << fmt::format("  … and {} more (--format csv lists every row with its status)\n",
                             items.size() - shown);
  };
  std::vector<const ImportedRow*> matched, skipped, paid, unpaid;
  for (const auto& row : r.rows) {
    if (row.outcome == RowOutcome::matched) matched.push_back(&row);
    if (row.outcome == RowOutcome::skipped) skipped.push_back(&row);
    if (row.outcome == RowOutcome::paid) paid.push_back(&row);
    if (row.outcome == RowOutcome::added && !row.why.empty()) unpaid.push_back(&row);
  }
  if (!paid.empty()) {
    ctx.out << "Payments found in the statement (recorded on the bank's day):\n";
    listed(paid, [&](const ImportedRow& row) {
      return fmt::format("  line {} is {} ({})\n", row.row->line, row.what, row.why);
    });
  }
  if (!unpaid.empty()) {
    ctx.out << "Naming an open invoice, but not recorded as its payment:\n";
    listed(unpaid, [&](const ImportedRow& row) {
      return fmt::format("  line {} (transaction {}) {}\n", row.row->line, row.tx_id, row.why);
    });
  }
  if (!matched.empty()) {
    ctx.out << "Already recorded by hand (not added again):\n";
    listed(matched, [&](const ImportedRow& row) {
      return fmt::format("  line {} is {} ({}){}\n", row.row->line, row.what, row.why,
                         row.weak ? "; check it with indie account register" : "");
    });
  }
  if (!r.statement.skipped.empty()) {
    ctx.out << fmt::format("Left out by the rules ({}):\n", r.statement.skipped.size());
    std::vector<const SkippedRow*> left;
    for (const auto& s : r.statement.skipped) left.push_back(&s);
    listed(left,
           [&](const SkippedRow& s) { return fmt::format("  line {}: {}\n", s.line, s.why); });
  }
  if (!skipped.empty()) {
    ctx.out << "Skipped (already imported):\n";
    listed(skipped, [&](const ImportedRow& row) {
      const StatementRow& s = *row.row;
      return fmt::format("  line {}: {}  {:>12}  {}\n", s.line, format_date(s.date),
                         amount_text(Money(s.amount_minor, cur), true),
                         s.payee.empty() ? s.memo : s.payee);
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
