#pragma once
/// Clients and projects: who is billed, for what, at which rate.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "indie/core/activity.hpp"
#include "indie/core/money.hpp"
#include "indie/core/payment_terms.hpp"
#include "indie/core/settings.hpp"
#include "indie/core/time_rounding.hpp"

namespace indie {

/// A postal address (the client's, the delivery one, the business's) holds at most this many
/// characters: a French address is six lines of 38 (NF Z10-011); the invoice's address block
/// shows all of it, so a longer one is refused rather than printed cut (issue 35.1).
inline constexpr std::size_t kMaxAddressCharacters = 300;
/// Throws invalid_input naming `field` when `address` is longer than kMaxAddressCharacters.
void check_address_length(std::string_view field, std::string_view address);

/// How VAT applies to a client's invoices (see legal/CHECKLIST.md §8.3-8.6).
enum class VatTreatment {
  domestic,         ///< same country as the seller: French VAT (or franchise mention)
  eu_business,      ///< business in another EU state: reverse charge, "Autoliquidation"
  non_eu_business,  ///< business outside the EU: no French VAT (CGI art. 259-1)
  consumer,         ///< private person: VAT as at home, no B2B mentions
};
VatTreatment parse_vat_treatment(std::string_view text);
std::string_view to_string(VatTreatment t);
/// The usual treatment for a business client in `client_country` when the seller is in
/// `seller_country`: domestic at home (Monaco counts as France), eu-business in the EU, else
/// non-eu-business. A consumer must be said explicitly.
VatTreatment default_vat_treatment(std::string_view client_country,
                                   std::string_view seller_country);

struct Client {
  std::int64_t id = 0;
  std::string handle;      ///< short name used on the command line: acme
  std::string name;        ///< display name
  std::string legal_name;  ///< registered name for invoices (defaults to name)
  std::string address;     ///< lines separated by '\n'
  std::string country;     ///< ISO 3166 alpha-2, or empty
  std::string email;
  std::string siren;
  std::string vat_number;
  std::string currency;  ///< ISO 4217
  Language language = Language::fr;
  int payment_terms = 30;           ///< days
  bool terms_end_of_month = false;  ///< "45 jours fin de mois"
  PaymentTerms terms() const { return {payment_terms, terms_end_of_month}; }
  VatTreatment vat_treatment = VatTreatment::domestic;
  std::optional<TimeRounding> rounding;  ///< billing of tracked time; none: the config's
  std::string notes;
  /// Where goods go when not to `address` (lines separated by '\n'; e-invoicing reform).
  std::string delivery_address;
  /// The client's address in the French e-invoicing directory (scheme 0225, BT-49): its SIREN,
  /// or its SIREN and a suffix (552100554_FACTURES); empty: the SIREN.
  std::string einvoice_address;
  std::string created_at;                  ///< ISO 8601 UTC
  std::optional<std::string> archived_at;  ///< set once archived

  bool archived() const { return archived_at.has_value(); }
};

/// What a rate is counted in.
enum class RateUnit { hour, day };

/// A price per unit of time: `80/h`, `600/d`.
struct Rate {
  Decimal amount;  ///< in the project's currency, at most its minor units
  RateUnit unit = RateUnit::hour;

  /// Parses `80/h`, `600/d`, `92.50/hour`, in `cur`. Refuses a negative amount or too many
  /// decimals.
  static Rate parse(std::string_view text, const Currency& cur);
  std::string to_string() const;  ///< "80.00/h"
};

struct Project {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::string client_handle;
  std::string handle;  ///< unique within its client: website (acme/website)
  std::string name;
  std::string currency;  ///< defaults to the client's
  std::optional<Rate> rate;
  bool billable = true;
  std::optional<TimeRounding> rounding;  ///< none: the client's, else the config's
  std::optional<Activity> activity;      ///< none: business.activity
  std::string notes;
  std::string created_at;
  std::optional<std::string> archived_at;

  bool archived() const { return archived_at.has_value(); }
  std::string path() const { return client_handle + "/" + handle; }
};

/// Client fields, named as flags' long names and CSV/JSON columns are: handle, name, legal_name,
/// address, country, email, siren, vat_number, currency, language, payment_terms, vat_treatment,
/// rounding, notes.
std::span<const std::string_view> client_fields();
/// Checks, normalizes and stores one field; throws invalid_input (the caller names the flag or
/// the CSV line). An empty value clears an optional field.
void set_client_field(Client& client, std::string_view field, std::string_view value);
/// Fills what was not given from the business profile and checks the fields against each other
/// (VAT treatment against country, VAT number against country and SIREN). `given` lists the
/// fields the user set in this command.
void complete_client(Client& client, const Config& config, std::span<const std::string> given);

/// Project fields: name, currency, rate, billable, rounding, activity, notes (and handle).
std::span<const std::string_view> project_fields();
void set_project_field(Project& project, std::string_view field, std::string_view value);
/// Checks the rate against the project's currency (decimals), after both are set.
void complete_project(Project& project);

/// Splits `acme/website` into its client and project handles; throws when there is no '/'.
std::pair<std::string, std::string> split_project_path(std::string_view path);

}  // namespace indie
