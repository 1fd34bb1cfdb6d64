#pragma once
/// The settings: the business profile and defaults as typed values, and the one table that
/// describes every key (type, default, help, validation, formatting). Reading and writing the
/// TOML file that holds them is the store's (indie/store/config_file.hpp).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "indie/core/activity.hpp"
#include "indie/core/money.hpp"
#include "indie/core/time_rounding.hpp"
#include "indie/core/year_figures.hpp"

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
  std::string einvoice_address;  ///< BT-34 in the French directory; empty: the SIREN
  VatRegime vat_regime = VatRegime::franchise;
  std::string currency = "EUR";  ///< base currency: reports and FX results are in it
  std::string share_capital;     ///< companies only, e.g. "1000 EUR"
  std::string rcs_city;          ///< "RCS <city>" for registered traders and companies
  std::string email;
  std::string phone;
  std::string logo;  ///< PNG for PDF documents; relative to the config file's directory
  std::string iban, bic;
  /// What the business sells: the URSSAF line, the VAT thresholds and the e-invoice's category.
  Activity activity = Activity::bnc;
  /// VAT on services due when invoiced rather than when paid (CGI art. 269-2-c): the invoices
  /// say "Option pour le paiement de la taxe d'après les débits".
  bool vat_on_debits = false;
};

/// A micro-entrepreneur's declarations to the URSSAF.
struct UrssafSettings {
  bool quarterly = false;              ///< declares every quarter rather than every month
  bool versement_liberatoire = false;  ///< pays its income tax with the contributions
  std::optional<Date> acre_start;      ///< the business started with the ACRE on that day
};

struct InvoiceDefaults {
  int payment_terms = 30;           ///< days
  bool terms_end_of_month = false;  ///< "45eom": days, then the end of that month
  /// Late-payment penalty rate in percent a year; empty: the ECB's refinancing rate + 10 points
  /// (L441-10 II). Never below 3 times the legal interest rate (checked at issue).
  std::string late_penalty_rate;
  /// Early-payment discount conditions; empty: "Pas d'escompte pour paiement anticipé".
  std::string early_discount;
  std::string number_pattern = "F{YYYY}-{SEQ:4}";
  std::string credit_pattern = "A{YYYY}-{SEQ:4}";  ///< credit notes have their own series
  bool yearly_reset = true;                        ///< sequences start again at 1 each year
  Decimal vat_rate = Decimal::from_int(20);        ///< new lines' rate when VAT is charged
  Language language = Language::fr;
  std::string template_name = "classic";  ///< invoice render's template for html, md and txt
  /// "cii": every invoice must make a valid e-invoice, checked at issue; "facturx": and the
  /// document issued is the Factur-X; "none": not checked; "auto": einvoice_for() decides.
  std::string einvoice = "auto";
};

struct TimeDefaults {
  TimeRounding rounding;                    ///< for clients and projects that set none
  std::string zone;                         ///< e.g. Europe/Paris; empty: TZ or the system's
  int week_start = 1;                       ///< 0 Sunday .. 6 Saturday; Monday by default
  std::int64_t seconds_per_day = 8 * 3600;  ///< what a day rate (600/d) counts as a day
};

struct Config {
  BusinessProfile business;
  InvoiceDefaults invoice;
  TimeDefaults time;
  UrssafSettings urssaf;
  /// The config's [figures.YEAR] tables: yearly figures added or corrected by the user.
  FigureOverrides figures;
};

/// One key the file may hold. The table of them is the single description used by the file
/// reader, `config set`, `config show`, `indie init` and the man page: adding a key is one row.
struct ConfigKey {
  std::string_view name;  ///< "business.currency"
  bool integer;           ///< TOML integer rather than string
  std::string_view default_value;
  std::string_view help;
  /// Checks typed text and returns it normalized ("eur" -> "EUR"); throws invalid_input.
  std::string (*normalize)(std::string_view value);
  /// The current value, as text that `normalize` accepts.
  std::string (*get)(const Config& config);
  /// Stores an already normalized value.
  void (*set)(Config& config, const std::string& value);
};
std::span<const ConfigKey> config_keys();
/// The key named `name`; throws not_found with a suggestion.
const ConfigKey& config_key(std::string_view name);

/// Checks and normalizes a value for `key` (e.g. "eur" -> "EUR", SIREN Luhn check).
std::string normalize_config_value(const ConfigKey& key, std::string_view value);
/// The value of `key` in `config`, as text.
inline std::string config_value(const Config& config, const ConfigKey& key) {
  return key.get(config);
}
/// Sets `key` in `config` from an already normalized value.
inline void assign_config_value(Config& config, const ConfigKey& key, const std::string& value) {
  key.set(config, value);
}
/// Checks what single keys cannot: a SIRET starts with the SIREN. Throws invalid_input.
void check_config_consistency(const Config& config);

/// Hours in a billed day, exactly as typed ("7.005"): seconds_per_day is a whole number of
/// seconds, so the hours have at most four decimals.
std::string hours_per_day_text(std::int64_t seconds_per_day);

/// What invoice.einvoice (`setting`) makes of one invoice, by its client as frozen at issue:
/// "none", "cii" or "facturx". "auto" is "facturx" for a French business client (domestic
/// treatment), whose invoices the e-invoicing reform makes e-invoices, and "none" for private
/// persons and clients abroad (e-reporting, not e-invoicing: the platform reports them).
std::string_view einvoice_for(std::string_view setting, std::string_view vat_treatment);

}  // namespace indie
