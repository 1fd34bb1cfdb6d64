#pragma once
/// The configuration file: the business profile and defaults, as typed values, plus the
/// text-level edit that keeps a user's comments when one key changes.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "indie/money.hpp"
#include "indie/time_rounding.hpp"

namespace indie {

enum class LegalForm { ei, eurl, sasu, sarl, sas, other };
LegalForm parse_legal_form(std::string_view text);
std::string_view to_string(LegalForm f);

/// franchise: "franchise en base" (no VAT charged, CGI art. 293 B); standard: VAT charged.
enum class VatRegime { franchise, standard };
VatRegime parse_vat_regime(std::string_view text);
std::string_view to_string(VatRegime r);

struct BusinessProfile {
  std::string name;
  LegalForm legal_form = LegalForm::ei;
  std::string address;
  std::string country = "FR";
  std::string siren, siret, vat_number;
  VatRegime vat_regime = VatRegime::franchise;
  std::string currency = "EUR";  ///< base currency: reports and FX results are in it
  std::string share_capital;     ///< companies only, e.g. "1000 EUR"
  std::string rcs_city;          ///< "RCS <city>" for registered traders and companies
  std::string email;
  std::string phone;
  std::string logo;  ///< PNG for PDF documents; relative to the config file's directory
  std::string iban, bic;
};

struct InvoiceDefaults {
  int payment_terms = 30;                           ///< days
  std::string number_pattern = "F{YYYY}-{SEQ:4}";
  std::string credit_pattern = "A{YYYY}-{SEQ:4}";  ///< credit notes have their own series
  bool yearly_reset = true;                        ///< sequences start again at 1 each year
  Decimal vat_rate = Decimal::from_int(20);        ///< new lines' rate when VAT is charged
  Language language = Language::fr;
  std::string template_name = "classic";  ///< invoice render's template for html, md and txt
};

struct TimeDefaults {
  TimeRounding rounding;           ///< for clients and projects that set none
  std::string zone;                ///< e.g. Europe/Paris; empty: TZ or the system's
  int week_start = 1;              ///< 0 Sunday .. 6 Saturday; Monday by default
  std::int64_t seconds_per_day = 8 * 3600;  ///< what a day rate (600/d) counts as a day
};

struct Config {
  BusinessProfile business;
  InvoiceDefaults invoice;
  TimeDefaults time;
};

/// One key the file may hold: its name, kind, default and help text. The table is the single
/// description used by parsing, `config set`, `config show` and the man page.
struct ConfigKey {
  std::string_view name;         ///< "business.currency"
  bool integer;                  ///< TOML integer rather than string
  std::string_view default_value;
  std::string_view help;
};
std::span<const ConfigKey> config_keys();
/// The key named `name`; throws not_found with a suggestion.
const ConfigKey& config_key(std::string_view name);

/// Checks and normalizes a value for `key` (e.g. "eur" -> "EUR", SIREN Luhn check).
std::string normalize_config_value(const ConfigKey& key, std::string_view value);

/// Parses a config file's text; `source` names it in errors as "source:line:column: …".
Config parse_config(std::string_view text, std::string_view source);
/// The value of `key` in `config`, as text.
std::string config_value(const Config& config, const ConfigKey& key);
/// Sets `key` in `config` from an already normalized value.
void assign_config_value(Config& config, const ConfigKey& key, const std::string& value);

/// `text` with `key` set to `value` (normalized): the value is replaced in place when the key is
/// there, else added to its table, which is created at the end if needed. Every other byte,
/// comments included, is kept.
std::string set_config_text(std::string_view text, std::string_view source, const ConfigKey& key,
                            const std::string& value);
/// A new, commented config file for `config`.
std::string render_config(const Config& config);

}  // namespace indie
