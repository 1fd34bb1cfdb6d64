#pragma once
/// Checks and normalizes the identifiers invoices carry: SIREN, SIRET, VAT numbers, IBAN, BIC,
/// country codes, e-mail addresses and indie's own handles. Each throws invalid_input naming the
/// field and how to fix it, and returns the normalized form (spaces removed, upper case).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace indie {

/// True for a string of digits whose Luhn sum is a multiple of 10.
bool luhn_valid(std::string_view digits);
/// A record id as typed on the command line (`12`): a positive integer, else nothing (a name).
std::optional<std::int64_t> record_id(std::string_view text);

std::string normalize_siren(std::string_view text);  ///< 9 digits, Luhn-valid
std::string normalize_siret(std::string_view text);  ///< 14 digits, Luhn-valid (La Poste rule)
/// The French VAT number of a SIREN: "FR" + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97.
std::string french_vat_number(std::string_view siren);
/// An EU VAT number: country prefix (EL for Greece, XI for Northern Ireland) and 2-13 letters or
/// digits; a French one must carry the right key.
std::string normalize_vat_number(std::string_view text);
std::string normalize_iban(std::string_view text);     ///< ISO 13616, mod-97 check
std::string normalize_bic(std::string_view text);      ///< ISO 9362, 8 or 11 characters
std::string normalize_country(std::string_view text);  ///< ISO 3166-1 alpha-2
std::string normalize_email(std::string_view text);
/// An address of the French e-invoicing directory (scheme 0225): 9 to 125 letters, digits and
/// '_', '-', '.', '+' ; whether it starts with the right SIREN is checked where that is known.
std::string normalize_einvoice_address(std::string_view text);
/// A client or project handle: 1-32 letters, digits, '.', '_' or '-', starting with a letter or
/// digit. `what` names it in the error ("client handle").
std::string validate_handle(std::string_view text, std::string_view what);

/// Member states of the European Union (for VAT treatment), by ISO 3166 code.
bool is_eu_member(std::string_view country);

}  // namespace indie
