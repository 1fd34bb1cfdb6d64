#include <fmt/format.h>

#include <array>
#include <cctype>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"

namespace indie::cli {
namespace {

constexpr auto kGroups = std::to_array<CommandGroup>({
    {"init", "Create the configuration and the database", setup_init, false},
    {"config", "Show and change the configuration (business profile, defaults)", setup_config,
     false},
    {"client", "Add, list, change and import clients", setup_client, false},
    {"project", "Add, list and change projects, with their rates", setup_project, false},
    {"time", "Track time: timer, entries, reports and imports", setup_time, true},
    {"invoice", "Invoices from time or by hand: issue, credit notes, payments", setup_invoice,
     true},
    {"account", "Accounts in any currency: transactions, transfers, balances", setup_account, true},
    {"bill", "Supplier invoices received as e-invoices: import, check, pay", setup_bill, true},
    {"rate", "Exchange rates: import the ECB's, set your own, convert", setup_rate, true},
    {"report", "Reports on money: receivables, exchange results", setup_report, true},
    {"template", "Invoice templates: list, show, export to customize", setup_template, false},
    {"verify", "Check the tamper-evident record of what is final", setup_verify, false},
    {"doctor", "Check the database file, its schema and the record", setup_doctor, false},
    {"demo", "Run a guided tour on a throw-away business", setup_demo, false},
});

std::string overview() {
  std::string s =
      "indie: clients, time, invoices and money for people who work for themselves.\n\n"
      "Usage: indie [--db PATH] [--config PATH] [--format table|csv|tsv|json] [--quiet] "
      "COMMAND ...\n\nCommands:\n";
  for (const auto& g : kGroups) s += fmt::format("  {:<9} {}\n", g.name, g.summary);
  s += fmt::format("  {:<9} {}\n", "help", "Show help for a command: indie help client add");
  s += "\nStart with `indie demo`, or set yourself up with `indie init --help`.\n"
       "Each command has --help with examples; the manual is `man indie`.\n";
  return s;
}

// CLI11 says "--name: At Most 1 required but received 2" of a flag given twice; in indie's
// words, which value wins is not guessed.
std::string plain_mismatch(const std::string& what) {
  constexpr std::string_view kAtMostOne = ": At Most 1 required but received ";
  const auto at = what.find(kAtMostOne);
  if (at == std::string::npos) return what;
  return fmt::format("{} is given {} times; give it once", what.substr(0, at),
                     what.substr(at + kAtMostOne.size()));
}

// The deepest subcommand the user named, for "did you mean" and help.
CLI::App* deepest(CLI::App* app) {
  for (;;) {
    auto subs = app->get_subcommands();
    if (subs.empty()) return app;
    app = subs.front();
  }
}

std::string suggest_subcommand(CLI::App* at, const std::string& word) {
  std::vector<std::string> names;
  if (at->get_parent() == nullptr) {  // only the group that runs is built: name them all
    for (const auto& g : kGroups) names.emplace_back(g.name);
    names.push_back("help");
  } else {
    for (const auto* sub : at->get_subcommands({})) names.push_back(sub->get_name());
  }
  return did_you_mean(word, names);
}

// "indie client add" for the `add` subcommand of `client`.
std::string command_path(const CLI::App* at) {
  std::string path = at->get_name();
  for (const CLI::App* p = at->get_parent(); p != nullptr; p = p->get_parent())
    path = p->get_name() + " " + path;
  return path;
}

// Help for one command, with its full path in the usage line.
std::string help_for(CLI::App* at, CLI::App* root) {
  if (at == root) return overview();
  return at->help(command_path(at->get_parent()));
}

// Where the command starts: the first word after the global options.
std::size_t command_start(const std::vector<std::string>& args) {
  std::size_t i = 0;
  while (i < args.size()) {
    const std::string& a = args[i];
    if (a == "--db" || a == "--config" || a == "--format")
      i += 2;
    else if (a == "-q" || a == "--quiet" || a.starts_with("--db=") || a.starts_with("--config=") ||
             a.starts_with("--format="))
      ++i;
    else
      break;
  }
  return i;
}

// The words after `help`, when the first word after the global options is `help`.
std::optional<std::vector<std::string>> help_topic(const std::vector<std::string>& args) {
  const std::size_t i = command_start(args);
  if (i >= args.size() || args[i] != "help") return std::nullopt;
  return std::vector<std::string>(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
}

// The command group this command line runs (or asks help for), if it names one. Only that
// group's commands are built: building all of them (some 130 commands and their options) was
// nine tenths of the work of a short command such as `indie time status` (issue 19).
const CommandGroup* group_named(const std::vector<std::string>& args) {
  std::size_t i = command_start(args);
  if (i < args.size() && args[i] == "help") ++i;
  if (i >= args.size()) return nullptr;
  for (const auto& g : kGroups)
    if (g.name == args[i]) return &g;
  return nullptr;
}

// A word in the place of free text (a note, a description, a payee) is never a command. CLI11
// takes any word that names a command of a parent level for that command: `indie time add
// acme/web 2026-11-19 --duration 1h "report"` saved the entry without its note and then ran
// `time report`. Each level takes at most one command, so once `time add` is read, no later word
// is looked up as a command (issue 33).
void one_command_per_level(CLI::App& app) {
  const auto subs = app.get_subcommands({});
  if (subs.empty()) return;
  app.require_subcommand(static_cast<int>(app.get_require_subcommand_min()), 1);
  for (auto* sub : subs) one_command_per_level(*sub);
}

// Messages quote what was typed or read; a 1 MB name is cut so the message stays readable.
constexpr std::size_t kMaxMessage = 2000;

int report(std::ostream& err, const std::string& raw, int code) {
  // An error may quote what was typed or read: its lines kept, no control character passes.
  const std::string message = shown_lines(raw);
  if (message.size() <= kMaxMessage) {
    err << "indie: error: " << message << "\n";
    return code;
  }
  std::size_t cut = kMaxMessage;
  while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80)
    --cut;  // whole UTF-8
  err << "indie: error: " << std::string_view(message).substr(0, cut) << "… (message cut at "
      << kMaxMessage << " bytes)\n";
  return code;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // The fast path ninja takes: print the version without building anything.
  if (args.size() == 1 && (args[0] == "--version" || args[0] == "version")) {
    out << "indie " << INDIE_VERSION << "\n";
    return 0;
  }
  // Every word typed is checked once here, so no command stores text that is not UTF-8.
  for (std::size_t i = 0; i < args.size(); ++i)
    if (const auto bad = invalid_utf8_at(args[i]))
      return report(
          err,
          fmt::format("word {} of the command line is not UTF-8 (byte 0x{:02X} at position "
                      "{}); type it again, or set your terminal to UTF-8",
                      i + 1, static_cast<unsigned char>(args[i][*bad]), *bad + 1),
          2);
  try {
    Context ctx(out, err, Clock::from_environment());
    CLI::App app("indie: clients, time, invoices and money for people who work for themselves",
                 "indie");
    app.fallthrough();  // global options may follow the command: indie client list --format csv
    app.set_version_flag("--version", std::string("indie ") + INDIE_VERSION);
    app.add_option("--db", ctx.options.db,
                   "Database file (default: $INDIE_DB or $XDG_DATA_HOME/indie/indie.db)");
    app.add_option(
        "--config", ctx.options.config,
        "Configuration file (default: $INDIE_CONFIG or $XDG_CONFIG_HOME/indie/config.toml)");
    app.add_option("--format", ctx.options.format, "Output of listings: table, csv, tsv or json")
        ->check(CLI::IsMember({"table", "csv", "tsv", "json"}));
    app.add_flag("-q,--quiet", ctx.options.quiet, "Print only data and errors, no confirmations");
    const CommandGroup* group = group_named(args);
    if (group != nullptr) group->setup(app, ctx);
    one_command_per_level(app);
    // Once every option is read and before any command runs: the zone every date is read in.
    app.parse_complete_callback([&ctx, &app, group] {
      if (group != nullptr && group->dated && app.got_subcommand(std::string(group->name)))
        ctx.set_time_zone();
    });

    // `indie help client add` is answered before parsing: CLI11 would take `client` for a command.
    if (auto topic = help_topic(args)) {
      CLI::App* at = &app;
      for (const auto& word : *topic) {
        CLI::App* next = nullptr;
        for (auto* sub : at->get_subcommands({}))
          if (sub->get_name() == word) next = sub;
        if (next == nullptr)
          return report(err, fmt::format("no command '{}'.{}", word, suggest_subcommand(at, word)),
                        2);
        at = next;
      }
      out << help_for(at, &app);
      return 0;
    }

    // `indie account tx add Qonto -- -42.50 --payee OVH`: CLI11 already reads a negative number
    // as a value, and a `--` before one would make every later flag a value too, so it goes.
    std::vector<std::string> reversed;
    for (std::size_t i = args.size(); i-- > 0;) {
      const bool before_negative =
          args[i] == "--" && i + 1 < args.size() && args[i + 1].size() > 1 &&
          args[i + 1][0] == '-' &&
          (std::isdigit(static_cast<unsigned char>(args[i + 1][1])) || args[i + 1][1] == '.');
      if (!before_negative) reversed.push_back(args[i]);
    }
    try {
      app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
      CLI::App* at = deepest(&app);
      out << help_for(at, &app);
      return 0;
    } catch (const CLI::CallForAllHelp&) {
      out << app.help("", CLI::AppFormatMode::All);
      return 0;
    } catch (const CLI::CallForVersion&) {
      out << "indie " << INDIE_VERSION << "\n";
      return 0;
    } catch (const CLI::ExtrasError& e) {
      CLI::App* at = deepest(&app);
      // With fallthrough, an unknown word may be kept by the parent rather than the subcommand.
      auto extras = at->remaining();
      if (extras.empty()) extras = app.remaining(true);
      const std::string word = extras.empty() ? "" : extras.front();
      const bool has_subs = at == &app || !at->get_subcommands({}).empty();
      const std::string where = command_path(at);
      if (has_subs && !word.empty() && word[0] != '-') {
        return report(err,
                      fmt::format("'{}' is not a command of {}.{} See: {} --help", word, where,
                                  suggest_subcommand(at, word), where),
                      2);
      }
      return report(err, fmt::format("{}. See: {} --help", e.what(), where), 2);
    } catch (const CLI::ExcludesError& e) {
      // CLI11 says "--tag excludes --no-tags"; in indie's words, nothing is guessed.
      CLI::App* at = deepest(&app);
      std::string what = e.what();
      if (const auto at_word = what.find(" excludes "); at_word != std::string::npos)
        what = fmt::format("{} and {} say opposite things; give one of them",
                           what.substr(0, at_word), what.substr(at_word + 10));
      return report(err, fmt::format("{}. See: {} --help", what, command_path(at)), 2);
    } catch (const CLI::ArgumentMismatch& e) {
      CLI::App* at = deepest(&app);
      const std::string where = command_path(at);
      return report(err, fmt::format("{}. See: {} --help", plain_mismatch(e.what()), where), 2);
    } catch (const CLI::ParseError& e) {
      CLI::App* at = deepest(&app);
      const std::string where = command_path(at);
      return report(err, fmt::format("{}. See: {} --help", e.what(), where), 2);
    }

    if (app.get_subcommands().empty()) {
      out << overview();
      return 0;
    }
    // A group named without a verb (indie client): show what it can do.
    CLI::App* at = deepest(&app);
    if (!at->get_subcommands({}).empty()) out << help_for(at, &app);
    return 0;
  } catch (const Error& e) {
    return report(err, e.what(), e.exit_code());
  } catch (const std::exception& e) {
    return report(
        err,
        fmt::format("internal error: {}. Please report it with the command you ran.", e.what()), 1);
  }
}

}  // namespace indie::cli
