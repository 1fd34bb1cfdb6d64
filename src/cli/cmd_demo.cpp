// indie demo: a narrated tour on a throw-away business, built from the real commands.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "commands.hpp"
#include "indie/core/error.hpp"

namespace indie::cli {
namespace {

void demo(Context& ctx) {
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/indie-demo-XXXXXX";
  if (mkdtemp(dir.data()) == nullptr)
    throw storage_error(
        fmt::format("cannot create a demo directory under {}; set TMPDIR to a writable place",
                    tmp && *tmp ? tmp : "/tmp"));
  const std::string db = dir + "/indie.db", config = dir + "/config.toml";
  ctx.out << "indie demo: a throw-away business in " << dir << "\n"
          << "(remove it with: rm -r " << dir << ")\n";

  const std::vector<std::vector<std::string>> steps = {
      {"init", "--name", "Camille Martin", "--legal-form", "EI", "--address",
       "12 rue des Lilas, 32000 Auch", "--country", "FR", "--siren", "732829320", "--vat-regime",
       "franchise", "--iban", "FR7630006000011234567890189", "--bic", "AGRIFRPP"},
      {"client", "add", "acme", "--name", "ACME", "--legal-name", "ACME SAS", "--country", "FR",
       "--siren", "552100554", "--address", "3 rue de la Paix", "--address", "75002 Paris",
       "--email", "compta@acme.fr"},
      {"client", "add", "globex", "--name", "Globex GmbH", "--country", "DE", "--vat-number",
       "DE129273398", "--address", "Unter den Linden 1, 10117 Berlin"},
      {"client", "add", "initech", "--name", "Initech Inc.", "--country", "US", "--currency", "USD",
       "--terms", "45", "--address", "4120 Freidrich Ln, Austin TX 78744"},
      {"project", "add", "acme/website", "--name", "Refonte du site", "--rate", "80/h"},
      {"project", "add", "acme/support", "--name", "Maintenance", "--rate", "600/d"},
      {"project", "add", "globex/audit", "--name", "Security audit", "--rate", "650/d"},
      {"project", "add", "initech/api", "--name", "API integration", "--rate", "95.50/h"},
      {"client", "list"},
      {"project", "list"},
      {"account", "add", "Qonto", "--currency", "EUR", "--opening", "3250.40", "--on",
       "2026-11-01"},
      {"account", "add", "Wise USD", "--currency", "USD", "--kind", "wallet", "--opening", "1200",
       "--on", "2026-11-02"},
      {"config", "set", "time.rounding", "15m up entry"},
      {"client", "edit", "globex", "--rounding", "1h up day"},
      {"time", "add", "acme/website", "2026-11-16", "09:00-12:20", "Maquettes de la page d'accueil",
       "--tag", "design"},
      {"time", "add", "acme/website", "2026-11-17", "14:00-17:05", "Intégration responsive"},
      {"time", "add", "initech/api", "2026-11-17", "--duration", "2h20m", "OAuth flow"},
      {"time", "add", "globex/audit", "2026-11-18", "09:00-16:40", "Pentest, day one"},
      {"time", "add", "acme/support", "2026-11-19", "22:30-00:45+1", "Server migration", "--tag",
       "ops"},
      {"time", "list"},
      {"time", "report", "--by", "project"},
      {"invoice", "new", "acme", "--from", "2026-11-01", "--to", "2026-11-30"},
      {"invoice", "line", "add", "1", "Audit technique", "--qty", "0.5", "--unit", "d", "--price",
       "650", "--period", "2026-11-18"},
      {"invoice", "issue", "1", "--date", "2026-11-24"},
      {"invoice", "show", "F2026-0001"},
      {"invoice", "pay", "F2026-0001", "--amount", "500", "--date", "2026-11-25", "--account",
       "Qonto"},
      {"invoice", "render", "F2026-0001", "--to", "txt", "-o", "-"},
      {"invoice", "list"},
      {"report", "receivables", "--as-of", "2026-11-30"},
      {"account", "tx", "add", "Qonto", "-42.50", "--date", "2026-11-26", "--payee", "OVH",
       "--category", "hosting"},
      {"rate", "set", "USD", "EUR", "0.9234", "--date", "2026-11-20", "--source", "demo"},
      {"account", "transfer", "Wise USD", "Qonto", "1000", "--received", "921.50", "--fee", "3.20",
       "--date", "2026-11-27"},
      {"account", "register", "Qonto"},
      {"account", "balance", "--as-of", "2026-11-30"},
      {"rate", "set", "USD", "EUR", "0.9180", "--date", "2026-11-02", "--source", "demo"},
      {"report", "fx", "--to", "2026-11-30"},
  };
  // The story happens in November 2026, whenever the demo runs: its commands read this clock
  // (an invoice is dated within a week of "today", payments and transfers follow it).
  setenv("INDIE_NOW", "2026-11-30T17:00:00Z", 1);
  for (const auto& step : steps) {
    std::string shown = "indie";
    for (const auto& a : step)
      shown += " " + (a.find(' ') != std::string::npos ? "\"" + a + "\"" : a);
    ctx.out << "\n$ " << shown << "\n" << std::flush;
    std::vector<std::string> args = {"--db", db, "--config", config};
    args.insert(args.end(), step.begin(), step.end());
    if (run(args, ctx.out, ctx.err) != 0) throw storage_error("the demo stopped at: " + shown);
  }
  ctx.out << "\nTry it yourself on this demo business:\n"
          << "  export INDIE_DB=" << db << " INDIE_CONFIG=" << config << "\n"
          << "  indie client show acme\n  indie time start acme/website \"your task\"\n"
          << "  indie time report --by week --format json\n"
          << "  indie account balance --in USD\n"
          << "  indie invoice render F2026-0001 --with-timesheet    # writes F2026-0001.pdf here\n"
          << "  indie invoice credit F2026-0001 --line 3 --reason \"Audit reporté\"\n"
          << "  indie client statement acme                        # what acme owes, and why\n"
          << "  indie report receipts                              # the receipts journal\n"
          << "  indie report urssaf --period 2026-11               # the URSSAF declaration\n"
          << "  indie invoice render F2026-0001 --to cii -o -      # the e-invoice XML\n"
          << "  indie invoice render F2026-0001 --to facturx -o fx.pdf   # PDF/A-3 with the XML\n"
          << "  indie bill import fx.pdf --check --any-buyer       # read as a client would\n";
}

}  // namespace

void setup_demo(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("demo", "Run a guided tour on a throw-away business");
  cmd->footer(
      "Creates a business in a new temporary directory (never touches your own data),\n"
      "adds clients, projects and time entries, prints a time report, then bills the time: an\n"
      "invoice issued, shown and partly paid, and what is still owed.\n\nExample:\n  indie demo");
  cmd->callback([&ctx] { demo(ctx); });
}

}  // namespace indie::cli
