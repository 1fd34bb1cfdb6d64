#include "indie/core/identifiers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"

namespace indie {

std::optional<std::int64_t> record_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

namespace {

std::string compact_upper(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '.' && c != '-' && c != '\t') out += c;
  return to_upper(out);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool all_alnum(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

// ISO 3166-1 alpha-2, all 249 officially assigned codes.
constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW";

constexpr std::string_view kEuMembers =
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK";

bool in_list(std::string_view list, std::string_view code) {
  if (code.size() != 2) return false;
  for (std::size_t i = 0; i + 2 <= list.size(); i += 3)
    if (list.substr(i, 2) == code) return true;
  return false;
}

}  // namespace

bool luhn_valid(std::string_view digits) {
  if (!all_digits(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string normalize_siren(std::string_view text) {
  const std::string s = compact_upper(text);
  if (s.size() != 9 || !all_digits(s))
    throw invalid_input(fmt::format("SIREN '{}' must be 9 digits (e.g. 732 829 320)", text));
  if (!luhn_valid(s))
    throw invalid_input(
        fmt::format("SIREN '{}' has a wrong check digit; copy it again from your "
                    "INSEE notice or annuaire-entreprises.data.gouv.fr",
                    text));
  return s;
}

std::string normalize_siret(std::string_view text) {
  const std::string s = compact_upper(text);
  if (s.size() != 14 || !all_digits(s))
    throw invalid_input(
        fmt::format("SIRET '{}' must be 14 digits: the SIREN and a 5-digit NIC", text));
  // La Poste's establishments (SIREN 356000000) use a digit sum divisible by 5 instead of Luhn.
  bool ok = luhn_valid(s);
  if (!ok && s.starts_with("356000000")) {
    int sum = 0;
    for (char c : s) sum += c - '0';
    ok = sum % 5 == 0;
  }
  if (!ok) throw invalid_input(fmt::format("SIRET '{}' has a wrong check digit", text));
  return s;
}

std::string french_vat_number(std::string_view siren) {
  const std::string s = normalize_siren(siren);
  const long long n = std::stoll(s);
  return fmt::format("FR{:02}{}", (12 + 3 * (n % 97)) % 97, s);
}

std::string normalize_vat_number(std::string_view text) {
  const std::string s = compact_upper(text);
  if (s.size() < 4 || s.size() > 15 || !all_alnum(s) ||
      !std::isalpha(static_cast<unsigned char>(s[0])) ||
      !std::isalpha(static_cast<unsigned char>(s[1])))
    throw invalid_input(fmt::format(
        "VAT number '{}' must start with its country code and have 2-13 letters or digits "
        "(e.g. FR40303265045, DE123456789)",
        text));
  const std::string prefix = s.substr(0, 2);
  const bool known = prefix == "EL" || prefix == "XI" || in_list(kCountries, prefix);
  if (!known)
    throw invalid_input(
        fmt::format("VAT number '{}' starts with '{}', which is not a country code", text, prefix));
  if (prefix == "FR") {
    // French numbers: FR + 2-character key + SIREN. A numeric key must match the SIREN.
    if (s.size() != 13 || !all_digits(s.substr(4)))
      throw invalid_input(fmt::format(
          "French VAT number '{}' must be FR, a 2-character key and the 9-digit SIREN", text));
    if (all_digits(s.substr(2, 2)) && luhn_valid(s.substr(4)) &&
        french_vat_number(s.substr(4)) != s)
      throw invalid_input(
          fmt::format("French VAT number '{}' has a wrong key: for SIREN {} it is {}", text,
                      s.substr(4), french_vat_number(s.substr(4))));
  }
  return s;
}

std::string normalize_iban(std::string_view text) {
  const std::string s = compact_upper(text);
  if (s.size() < 15 || s.size() > 34 || !all_alnum(s) || !in_list(kCountries, s.substr(0, 2)) ||
      !all_digits(s.substr(2, 2)))
    throw invalid_input(fmt::format(
        "IBAN '{}' must be a country code, 2 check digits and up to 30 letters or digits", text));
  // ISO 13616: move the first four characters to the end, letters become 10..35, mod 97 == 1.
  const std::string r = s.substr(4) + s.substr(0, 4);
  int mod = 0;
  for (char c : r) {
    const int v = (c >= 'A') ? c - 'A' + 10 : c - '0';
    mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
  }
  if (mod != 1)
    throw invalid_input(
        fmt::format("IBAN '{}' has wrong check digits; copy it again from your bank", text));
  return s;
}

std::string normalize_bic(std::string_view text) {
  const std::string s = compact_upper(text);
  const bool ok =
      (s.size() == 8 || s.size() == 11) && all_alnum(s) &&
      std::all_of(s.begin(), s.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }) &&
      in_list(kCountries, s.substr(4, 2));
  if (!ok)
    throw invalid_input(
        fmt::format("BIC '{}' must be 8 or 11 characters: bank (4 letters), country (2), location "
                    "(2), branch (3, optional)",
                    text));
  return s;
}

std::string normalize_country(std::string_view text) {
  const std::string s = to_upper(trim(text));
  if (in_list(kCountries, s)) return s;
  std::vector<std::string> all;
  for (std::size_t i = 0; i + 2 <= kCountries.size(); i += 3)
    all.emplace_back(kCountries.substr(i, 2));
  std::string hint = s == "UK" ? " The United Kingdom is GB." : s == "EL" ? " Greece is GR." : "";
  throw invalid_input(fmt::format(
      "'{}' is not an ISO 3166 country code; use two letters such as FR, DE, US or GB.{}", text,
      hint));
}

std::string normalize_email(std::string_view text) {
  const std::string_view s = trim(text);
  const auto at = s.find('@');
  const bool ok = at != std::string_view::npos && at > 0 &&
                  s.find('@', at + 1) == std::string_view::npos &&
                  s.find('.', at) != std::string_view::npos && s.back() != '.' &&
                  s.find_first_of(" \t,;<>") == std::string_view::npos;
  if (!ok)
    throw invalid_input(fmt::format("'{}' is not an e-mail address (name@example.com)", text));
  return std::string(s);
}

std::string validate_handle(std::string_view text, std::string_view what) {
  const bool ok =
      !text.empty() && text.size() <= 32 && std::isalnum(static_cast<unsigned char>(text[0])) &&
      std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
      });
  if (!ok)
    throw invalid_input(
        fmt::format("{} '{}' must be 1-32 letters, digits, '.', '_' or '-', starting with a "
                    "letter or digit (e.g. acme, acme-corp)",
                    what, text));
  return std::string(text);
}

bool is_eu_member(std::string_view country) { return in_list(kEuMembers, to_upper(country)); }

std::string normalize_einvoice_address(std::string_view text) {
  const std::string a(trim(text));
  const bool allowed = std::all_of(a.begin(), a.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           c == '-' || c == '.' || c == '+';
  });
  if (a.size() < 9 || a.size() > 125 || !allowed)
    throw invalid_input(fmt::format(
        "e-invoicing address '{}' is not one of the French directory's: a SIREN, or a SIREN and "
        "a suffix such as 552100554_FACTURES (letters, digits, _ - . +)",
        text));
  return a;
}

}  // namespace indie
