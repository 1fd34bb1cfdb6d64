#pragma once
// The report group's subcommands that live in their own files.
#include "commands.hpp"

namespace indie::cli {

/// indie report fx (cmd_report_fx.cpp).
void setup_report_fx(CLI::App& group, Context& ctx);

}  // namespace indie::cli
