#pragma once
// The command table: every command group registers itself from its own cmd_<group>.cpp.
// Adding a group touches its file and this table, nothing else.
#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"

namespace indie::cli {

using Setup = void (*)(CLI::App& app, Context& ctx);

struct CommandGroup {
  std::string_view name;
  std::string_view summary;
  Setup setup;
  /// Its commands read or print days and times, so the time zone (TZ, else the config's
  /// time.zone) is set before they run. The others never read the config for it, so `indie
  /// config set` can still mend a file whose zone is wrong.
  bool dated;
};

void setup_init(CLI::App& app, Context& ctx);
void setup_config(CLI::App& app, Context& ctx);
void setup_client(CLI::App& app, Context& ctx);
void setup_project(CLI::App& app, Context& ctx);
void setup_time(CLI::App& app, Context& ctx);
void setup_invoice(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
void setup_account(CLI::App& app, Context& ctx);
void setup_bill(CLI::App& app, Context& ctx);
void setup_rate(CLI::App& app, Context& ctx);
void setup_template(CLI::App& app, Context& ctx);
void setup_demo(CLI::App& app, Context& ctx);
void setup_verify(CLI::App& app, Context& ctx);
void setup_doctor(CLI::App& app, Context& ctx);

/// Runs indie with these arguments (argv[0] excluded) and returns the exit code: the whole
/// program but the process. Tests and `indie demo` call it directly.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace indie::cli
