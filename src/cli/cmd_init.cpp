// indie init: the config file and the database, asking nothing when given flags.
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <iostream>

#include "commands.hpp"
#include "fields.hpp"
#include "indie/core/error.hpp"
#include "indie/store/config_file.hpp"
#include "indie/store/files.hpp"

namespace indie::cli {
namespace {

// Each flag sets the config key it names.
constexpr auto kInitFlags = std::to_array<FieldFlag>({
    {"--name", "business.name", "Your name or company name"},
    {"--legal-form", "business.legal_form",
     "EI (micro-entrepreneur), EURL, SASU, SARL, SAS or other"},
    {"--address", "business.address", "Postal address"},
    {"--country", "business.country", "ISO 3166 country code (default FR)"},
    {"--siren", "business.siren", "SIREN, 9 digits"},
    {"--siret", "business.siret", "SIRET, 14 digits"},
    {"--vat-number", "business.vat_number", "Intra-EU VAT number"},
    {"--vat-regime", "business.vat_regime", "franchise (no VAT, art. 293 B) or standard"},
    {"--currency", "business.currency", "Base currency (default EUR)"},
    {"--share-capital", "business.share_capital", "Share capital (companies)"},
    {"--rcs-city", "business.rcs_city", "RCS registration city (companies, traders)"},
    {"--email", "business.email", "Contact e-mail"},
    {"--iban", "bank.iban", "IBAN for payment details"},
    {"--bic", "bank.bic", "BIC"},
    {"--terms", "invoice.payment_terms",
     "Default payment terms: days or days end of month, e.g. 45eom (default 30)"},
    {"--number-pattern", "invoice.number_pattern", "Invoice numbers (default F{YYYY}-{SEQ:4})"},
    {"--lang", "invoice.language", "Document language: fr or en (default fr)"},
});

struct InitArgs {
  FieldValues values;
  bool force = false;
};

// On a terminal with no flags, ask for the few fields that matter on day one.
void prompt(Context& ctx, FieldValues& values) {
  ctx.out << "Setting up indie. Press Enter to keep the value in brackets; change anything later\n"
             "with `indie config set`.\n";
  const std::pair<const char*, const char*> questions[] = {
      {"business.name", "Your name or company name"},
      {"business.legal_form", "Legal form (EI, EURL, SASU, SARL, SAS, other)"},
      {"business.address", "Address"},
      {"business.country", "Country"},
      {"business.siren", "SIREN"},
      {"business.vat_regime", "VAT regime (franchise or standard)"},
      {"business.currency", "Base currency"},
  };
  const Config defaults;
  for (const auto& [key, question] : questions) {
    const std::string def = config_value(defaults, config_key(key));
    for (;;) {
      ctx.out << question << (def.empty() ? "" : " [" + def + "]") << ": " << std::flush;
      std::string answer;
      if (!std::getline(std::cin, answer)) throw usage_error("init cancelled; nothing was written");
      if (answer.empty()) break;
      try {
        normalize_config_value(config_key(key), answer);
        values.emplace_back(key, answer);
        break;
      } catch (const Error& e) {
        ctx.out << "  " << e.what() << "\n";
      }
    }
  }
}

void init(Context& ctx, InitArgs& a) {
  const std::string config_path = ctx.config_path();
  const bool exists = ctx.config_exists();
  if (exists && !a.values.empty() && !a.force)
    throw conflict(fmt::format(
        "a configuration already exists at {}. Change values with `indie config set KEY "
        "VALUE`, or pass --force to replace the file",
        config_path));

  std::string text;
  if (!exists || a.force) {
    if (a.values.empty() && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) prompt(ctx, a.values);
    Config config;
    apply_fields(kInitFlags, a.values, [&](const std::string& key, const std::string& v) {
      const ConfigKey& k = config_key(key);
      assign_config_value(config, k, normalize_config_value(k, v));
    });
    text = render_config(config);
    parse_config(text, config_path);  // cross-field checks (SIRET starts with the SIREN …)
  } else {
    ctx.config();  // an existing file must parse before we go on
  }

  // The database first: if it cannot be created, no config is left half-set-up.
  ctx.create_store();
  if (!text.empty()) {
    write_file_atomic(config_path, text);
    ctx.say(fmt::format("Wrote the configuration to {}", config_path));
  } else {
    ctx.say(fmt::format("Kept the configuration at {}", config_path));
  }
  ctx.say(fmt::format("Database ready at {}", ctx.db_path()));
  ctx.say("Next: indie client add HANDLE --name \"…\"   (see indie client add --help)");
}

}  // namespace

void setup_init(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<InitArgs>();
  auto* cmd = app.add_subcommand("init", "Create the configuration and the database");
  add_field_flags(cmd, kInitFlags, args->values);
  cmd->add_flag("--force", args->force,
                "Replace an existing configuration file (the database is never replaced)");
  cmd->footer(
      "With flags, init asks nothing; on a terminal without flags it asks for the essentials.\n"
      "Running it again keeps an existing configuration and database.\n\n"
      "Examples:\n"
      "  indie init --name \"Camille Martin\" --legal-form EI --address \"12 rue des Lilas, 32000 "
      "Auch\" \\\n"
      "      --country FR --siren 732829320 --vat-regime franchise\n"
      "  indie --db ./business.db --config ./indie.toml init --name \"Camille Martin\"\n"
      "See also: man indie-config");
  cmd->callback([&ctx, args] { init(ctx, *args); });
}

}  // namespace indie::cli
