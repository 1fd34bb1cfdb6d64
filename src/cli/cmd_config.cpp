// indie config show|get|set|path
#include <fmt/format.h>

#include "commands.hpp"
#include "indie/app/config_changes.hpp"
#include "indie/core/error.hpp"
#include "indie/store/config_file.hpp"
#include "indie/store/files.hpp"

namespace indie::cli {

void setup_config(CLI::App& app, Context& ctx) {
  auto key = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  auto* group = app.add_subcommand(
      "config", "Show and change the configuration (business profile, defaults)");
  group->footer(
      "The file is TOML; `indie config path` prints where it is. `set` changes one value\n"
      "in place and keeps every comment.\n\nExamples:\n"
      "  indie config show\n  indie config set business.vat_regime standard\n"
      "  indie config get business.currency\nSee also: man indie-config");

  group->add_subcommand("path", "Print the configuration file's path")->callback([&ctx] {
    ctx.out << ctx.config_path() << "\n";
  });

  auto* show = group->add_subcommand("show", "Show every key with its value");
  show->footer(
      "Example:\n  indie config show --format json | jq -r '.[] | select(.value == \"\") | .key'");
  show->callback([&ctx] {
    const Config& c = ctx.config();
    Table t;
    t.columns = {"key", "value", "description"};
    if (ctx.format() == Format::table) t.table_columns = {"key", "value"};
    for (const auto& k : config_keys())
      t.rows.push_back({Cell::str(std::string(k.name)),
                        k.integer ? Cell::integer(std::stoll(config_value(c, k)))
                                  : Cell::str(config_value(c, k)),
                        Cell::str(std::string(k.help))});
    print_table(ctx.out, t, ctx.format());
    if (!ctx.config_exists() && ctx.format() == Format::table)
      ctx.err << "(no file at " << ctx.config_path()
              << " yet: these are the defaults; create it with indie init)\n";
  });

  auto* get = group->add_subcommand("get", "Print one value");
  get->add_option("key", *key, "e.g. business.currency")->required();
  get->footer("Example:\n  indie config get business.siren");
  get->callback([&ctx, key] { ctx.out << config_value(ctx.config(), config_key(*key)) << "\n"; });

  auto* set = group->add_subcommand("set", "Change one value, keeping the file's comments");
  set->add_option("key", *key, "e.g. business.vat_regime")->required();
  set->add_option("value", *value, "The new value; \"\" clears an optional one")->required();
  set->footer(
      "Examples:\n  indie config set business.vat_regime standard\n"
      "  indie config set invoice.number_pattern 'F{YYYY}-{SEQ:4}'\n  indie config set bank.iban "
      "\"\"");
  set->callback([&ctx, key, value] {
    const ConfigChanged c = set_config_value(ctx.config_path(), *key, *value);
    ctx.say(fmt::format("{} = {}", c.key, c.value));
  });
}

}  // namespace indie::cli
