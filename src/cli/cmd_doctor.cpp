// indie verify (the tamper-evident record) and indie doctor (the whole database).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "indie/store/record_repo.hpp"

namespace indie::cli {
namespace {

struct VerifyArgs {
  std::string expect;  // a head printed by an earlier verify
};

bool is_hash(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
         });
}

// The outcome of the record's walk, as one record for every format.
void print_outcome(Context& ctx, const RecordVerifier& v, const std::string& expected_seen) {
  if (ctx.format() == Format::table) {
    if (v.intact())
      ctx.out << fmt::format(
          "The record is unbroken: its {} entr{} match the invoices, credit notes and payments "
          "in the database.\nHead: {}\n",
          v.checked(), v.checked() == 1 ? "y" : "ies", v.head());
    if (!expected_seen.empty() && v.intact())
      ctx.out << fmt::format(
          "The head you kept is entry {} of it: nothing before it was "
          "rewritten.\n",
          expected_seen);
    return;
  }
  Table t;
  t.columns = {"intact", "entries", "head", "break_entry", "break"};
  std::vector<Cell> row = {Cell::boolean(v.intact()), Cell::integer(v.checked()),
                           Cell::str(v.head())};
  if (v.first_break()) {
    row.push_back(Cell::integer(v.first_break()->seq));
    row.push_back(Cell::str(v.first_break()->what));
  } else {
    row.push_back(Cell::none());
    row.push_back(Cell::none());
  }
  t.rows.push_back(row);
  print_record(ctx.out, t, ctx.format());
}

void verify(Context& ctx, const VerifyArgs& a) {
  // Heads are printed in lower case; one copied in capitals is the same hash.
  const std::string expect = to_lower(a.expect);
  if (!expect.empty() && !is_hash(expect))
    throw usage_error(fmt::format(
        "--expect takes a head printed by indie verify: 64 hex digits, not '{}'", a.expect));
  RecordRepo& records = ctx.store().records();
  const RecordVerifier v = records.verify();
  std::string expected_seen;
  if (v.intact() && !expect.empty()) {
    const auto seq = records.entry_with_hash(expect);
    if (!seq)
      throw conflict(fmt::format(
          "no entry of the record has the head you kept ({}…): the record was rewritten since "
          "you noted it, or it comes from another database",
          expect.substr(0, 12)));
    expected_seen = std::to_string(*seq);
  }
  print_outcome(ctx, v, expected_seen);
  if (!v.intact())
    throw conflict(fmt::format(
        "the record is broken{}: {}. What follows that point cannot be vouched for; compare "
        "with a backup (indie --db BACKUP verify) to see what changed",
        v.first_break()->seq > 0 ? fmt::format(" at entry {}", v.first_break()->seq) : "",
        v.first_break()->what));
}

void doctor(Context& ctx) {
  Store& store = ctx.store();
  std::vector<std::string> problems = storage_problems(store);
  for (const auto& d : schema_differences(store)) problems.push_back("schema: " + d);
  const RecordVerifier v = store.records().verify();
  if (!v.intact()) problems.push_back("record: " + v.first_break()->what);
  if (ctx.format() != Format::table) {
    Table t;
    t.columns = {"problem"};
    for (const auto& p : problems) t.rows.push_back({Cell::str(p)});
    print_table(ctx.out, t, ctx.format());
  } else if (problems.empty()) {
    ctx.out << fmt::format(
        "{} is sound: the file passes SQLite's integrity and foreign-key checks, its tables, "
        "indexes and triggers are indie's own, and the record's {} entr{} are unbroken.\n",
        store.path(), v.checked(), v.checked() == 1 ? "y" : "ies");
  } else {
    for (const auto& p : problems) ctx.out << p << "\n";
  }
  if (!problems.empty())
    throw conflict(fmt::format(
        "{} problem{} found in {}; nothing was changed. Restore a backup, or ask for help with "
        "this output",
        problems.size(), problems.size() == 1 ? "" : "s", store.path()));
}

}  // namespace

void setup_verify(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<VerifyArgs>();
  auto* cmd = app.add_subcommand(
      "verify", "Check the tamper-evident record of issued invoices, credit notes and payments");
  cmd->add_option("--expect", a->expect,
                  "A head printed by an earlier verify: check that the record still holds it");
  cmd->footer(
      "Each issued invoice, credit note and payment is sealed when it becomes final with the\n"
      "SHA-256 of its rows (and of the time entries it bills), chained to the seal before.\n"
      "verify recomputes every seal from today's rows and names the first thing changed,\n"
      "removed or added since, by any program. Exit status 1 when the record is broken.\n\n"
      "Anyone holding the file could rebuild the whole chain: keep the printed head somewhere\n"
      "else (a mail to yourself, your accountant's copy) and check it later with --expect.\n\n"
      "Examples:\n  indie verify\n  indie verify --expect 5c1e…(the 64 digits)\n"
      "  indie verify --format json");
  cmd->callback([&ctx, a] { verify(ctx, *a); });
}

void setup_doctor(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("doctor", "Check the database file, its schema and the record");
  cmd->footer(
      "Runs SQLite's integrity and foreign-key checks, compares the tables, indexes and\n"
      "triggers with indie's own (a dropped immutability trigger shows here), and verifies the\n"
      "record (indie verify). Prints each problem; exit status 1 when there is one. Changes\n"
      "nothing.\n\nExamples:\n  indie doctor\n  indie doctor --format json");
  cmd->callback([&ctx] { doctor(ctx); });
}

}  // namespace indie::cli
