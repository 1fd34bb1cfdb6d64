#include "indie/core/client.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "indie/core/error.hpp"
#include "indie/core/identifiers.hpp"
#include "indie/core/text.hpp"

namespace indie {

VatTreatment parse_vat_treatment(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "domestic") return VatTreatment::domestic;
  if (t == "eu-business") return VatTreatment::eu_business;
  if (t == "non-eu-business") return VatTreatment::non_eu_business;
  if (t == "consumer") return VatTreatment::consumer;
  throw invalid_input(fmt::format(
      "unknown VAT treatment '{}': use domestic, eu-business, non-eu-business or consumer", text));
}

std::string_view to_string(VatTreatment t) {
  switch (t) {
    case VatTreatment::domestic:
      return "domestic";
    case VatTreatment::eu_business:
      return "eu-business";
    case VatTreatment::non_eu_business:
      return "non-eu-business";
    case VatTreatment::consumer:
      return "consumer";
  }
  return "?";
}

VatTreatment default_vat_treatment(std::string_view client_country,
                                   std::string_view seller_country) {
  const std::string c = to_upper(client_country);
  const std::string s = seller_country.empty() ? "FR" : to_upper(seller_country);
  // Monaco is part of the French VAT territory (CGI art. 256-0 and the 1963 Franco-Monegasque
  // convention).
  const auto home = [](const std::string& x) { return x == "MC" ? std::string("FR") : x; };
  if (c.empty() || home(c) == home(s)) return VatTreatment::domestic;
  if (is_eu_member(c)) return VatTreatment::eu_business;
  return VatTreatment::non_eu_business;
}

Rate Rate::parse(std::string_view text, const Currency& cur) {
  const std::string_view t = trim(text);
  const auto slash = t.find('/');
  if (slash == std::string_view::npos)
    throw invalid_input(fmt::format("rate '{}' needs a unit: write it like 80/h or 600/d", text));
  const std::string unit = to_lower(trim(t.substr(slash + 1)));
  Rate r;
  if (unit == "h" || unit == "hour")
    r.unit = RateUnit::hour;
  else if (unit == "d" || unit == "day")
    r.unit = RateUnit::day;
  else
    throw invalid_input(
        fmt::format("rate '{}' has unknown unit '{}': use h (hour) or d (day)", text, unit));
  const Money m = Money::parse(trim(t.substr(0, slash)), cur);
  if (m.is_negative())
    throw invalid_input(fmt::format("rate '{}' is negative; a rate is zero or more", text));
  r.amount = m.amount();
  return r;
}

std::string Rate::to_string() const {
  return amount.to_string() + (unit == RateUnit::hour ? "/h" : "/d");
}

std::pair<std::string, std::string> split_project_path(std::string_view path) {
  const auto slash = path.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == path.size())
    throw invalid_input(
        fmt::format("'{}' is not a project: write it as CLIENT/PROJECT, e.g. acme/website", path));
  return {std::string(path.substr(0, slash)), std::string(path.substr(slash + 1))};
}

}  // namespace indie

namespace indie {

void check_address_length(std::string_view field, std::string_view address) {
  const std::size_t n = code_points(address);
  if (n > kMaxAddressCharacters)
    throw invalid_input(fmt::format(
        "{} has {} characters; an address has at most {}, all of which the invoice shows: "
        "shorten it (a French address is six lines of 38 characters)",
        field, n, kMaxAddressCharacters));
}

namespace {

constexpr auto kClientFields = std::to_array<std::string_view>(
    {"handle", "name", "legal_name", "address", "country", "email", "siren", "vat_number",
     "currency", "language", "payment_terms", "vat_treatment", "rounding", "notes",
     "terms_end_of_month", "delivery_address", "einvoice_address"});

constexpr auto kProjectFields = std::to_array<std::string_view>(
    {"handle", "name", "currency", "rate", "billable", "rounding", "activity", "notes"});

bool contains(std::span<const std::string> given, std::string_view field) {
  return std::find(given.begin(), given.end(), field) != given.end();
}

// Names are one line of printable text; notes and addresses may also hold line breaks and tabs.
std::string plain_text(std::string_view field, std::string_view value, bool multiline) {
  std::string checked(value);
  if (multiline) std::erase_if(checked, [](char c) { return c == '\n' || c == '\t' || c == '\r'; });
  if (!is_printable_utf8(checked))
    throw invalid_input(fmt::format("{} has control characters; remove them", field));
  return std::string(trim(value));
}

// The VAT prefix of a country: Greece is EL in VIES.
std::string vat_prefix(const std::string& country) { return country == "GR" ? "EL" : country; }

bool parse_bool(std::string_view field, std::string_view v) {
  const std::string t = to_lower(trim(v));
  if (t == "true" || t == "yes" || t == "1" || t == "on") return true;
  if (t == "false" || t == "no" || t == "0" || t == "off") return false;
  throw invalid_input(fmt::format("{} '{}' must be true or false", field, v));
}

// An empty value clears the policy so the next level's applies.
std::optional<TimeRounding> optional_rounding(std::string_view v) {
  if (v.empty()) return std::nullopt;
  return TimeRounding::parse(v);
}

}  // namespace

std::span<const std::string_view> client_fields() { return kClientFields; }
std::span<const std::string_view> project_fields() { return kProjectFields; }

void set_client_field(Client& c, std::string_view field, std::string_view value) {
  const std::string_view v = trim(value);
  const auto optional = [&](std::string (*normalize)(std::string_view)) {
    return v.empty() ? std::string() : normalize(v);
  };
  if (field == "handle")
    c.handle = validate_handle(v, "client handle");
  else if (field == "name") {
    if (v.empty()) throw invalid_input("the name cannot be empty");
    c.name = plain_text(field, v, false);
  } else if (field == "legal_name")
    c.legal_name = plain_text(field, v, false);
  else if (field == "address") {
    c.address = plain_text(field, value, true);
    check_address_length(field, c.address);
  } else if (field == "country")
    c.country = optional(normalize_country);
  else if (field == "email")
    c.email = optional(normalize_email);
  else if (field == "siren")
    c.siren = optional(normalize_siren);
  else if (field == "vat_number")
    c.vat_number = optional(normalize_vat_number);
  else if (field == "currency")
    c.currency = std::string(currency(v).code);
  else if (field == "language")
    c.language = parse_language(v);
  else if (field == "payment_terms") {
    const PaymentTerms terms = PaymentTerms::parse(v);
    c.payment_terms = terms.days;
    c.terms_end_of_month = terms.end_of_month;
  } else if (field == "terms_end_of_month") {
    // "45eom" in payment_terms says it already; an explicit column (a CSV) may only agree or add.
    if (!v.empty() && parse_bool(field, v)) c.terms_end_of_month = true;
  } else if (field == "vat_treatment")
    c.vat_treatment = parse_vat_treatment(v);
  else if (field == "rounding")
    c.rounding = optional_rounding(v);
  else if (field == "notes")
    c.notes = plain_text(field, value, true);
  else if (field == "delivery_address") {
    c.delivery_address = plain_text(field, value, true);
    check_address_length(field, c.delivery_address);
  } else if (field == "einvoice_address")
    c.einvoice_address = v.empty() ? std::string() : normalize_einvoice_address(v);
  else
    throw invalid_input(fmt::format("unknown client field '{}'", field));
}

void complete_client(Client& c, const Config& config, std::span<const std::string> given) {
  const auto& seller = config.business;
  const bool is_new = c.id == 0;
  if (is_new && !contains(given, "currency")) c.currency = seller.currency;
  if (is_new && !contains(given, "payment_terms")) {
    c.payment_terms = config.invoice.payment_terms;
    c.terms_end_of_month = config.invoice.terms_end_of_month;
  }
  if (is_new && !contains(given, "language")) {
    // Documents go out in the business's language at home, in English abroad.
    const bool home = c.country.empty() || c.country == seller.country || c.country == "MC";
    c.language = home ? config.invoice.language : Language::en;
  }
  if (!contains(given, "vat_treatment") && (is_new || contains(given, "country")) &&
      c.vat_treatment != VatTreatment::consumer)
    c.vat_treatment = default_vat_treatment(c.country, seller.country);

  const std::string home = seller.country.empty() ? "FR" : seller.country;
  const bool at_home =
      c.country.empty() || c.country == home || (home == "FR" && c.country == "MC");
  switch (c.vat_treatment) {
    case VatTreatment::domestic:
      if (!at_home)
        throw invalid_input(fmt::format(
            "vat_treatment domestic is for clients in {}, and {} is in {}; use "
            "--vat-treatment {}",
            home, c.handle, c.country, to_string(default_vat_treatment(c.country, home))));
      break;
    case VatTreatment::eu_business:
      if (at_home || !is_eu_member(c.country))
        throw invalid_input(
            fmt::format("vat_treatment eu-business (reverse charge) is for businesses in "
                        "another EU member state; {} is in {}. Set --country, or use "
                        "--vat-treatment {}",
                        c.handle, c.country.empty() ? "no country" : c.country,
                        at_home ? "domestic" : "non-eu-business"));
      break;
    case VatTreatment::non_eu_business:
      if (c.country.empty() || at_home || is_eu_member(c.country))
        throw invalid_input(
            fmt::format("vat_treatment non-eu-business is for businesses outside the EU; {} is "
                        "in {}. Set --country, or choose another --vat-treatment",
                        c.handle, c.country.empty() ? "no country" : c.country));
      break;
    case VatTreatment::consumer:
      break;
  }
  if (!c.vat_number.empty() && !c.country.empty()) {
    const std::string prefix = c.vat_number.substr(0, 2);
    const bool matches = prefix == vat_prefix(c.country) || (prefix == "XI" && c.country == "GB") ||
                         (prefix == "FR" && c.country == "MC");
    if (!matches)
      throw invalid_input(
          fmt::format("VAT number {} is from {}, but the client's country is {}; check both",
                      c.vat_number, prefix, c.country));
  }
  if (!c.siren.empty() && c.vat_number.starts_with("FR") && c.vat_number.substr(4) != c.siren)
    throw invalid_input(
        fmt::format("VAT number {} does not carry SIREN {}; check both", c.vat_number, c.siren));
  // An address of the French directory starts with the SIREN of the business it reaches.
  if (!c.einvoice_address.empty() && (c.siren.empty() || !c.einvoice_address.starts_with(c.siren)))
    throw invalid_input(fmt::format(
        "einvoice_address {} must start with the client's SIREN{}, as the French e-invoicing "
        "directory's addresses do (e.g. {}_FACTURES); set --siren first",
        c.einvoice_address, c.siren.empty() ? "" : " (" + c.siren + ")",
        c.siren.empty() ? "552100554" : c.siren));
}

void set_project_field(Project& p, std::string_view field, std::string_view value) {
  const std::string_view v = trim(value);
  if (field == "handle")
    p.handle = validate_handle(v, "project handle");
  else if (field == "name") {
    if (v.empty()) throw invalid_input("the name cannot be empty");
    p.name = plain_text(field, v, false);
  } else if (field == "currency")
    p.currency = std::string(currency(v).code);
  else if (field == "rate") {
    if (v.empty())
      p.rate.reset();
    else
      p.rate = Rate::parse(v, currency(p.currency.empty() ? "EUR" : p.currency));
  } else if (field == "billable")
    p.billable = parse_bool(field, v);
  else if (field == "rounding")
    p.rounding = optional_rounding(v);
  else if (field == "activity")
    p.activity = v.empty() ? std::nullopt : std::optional(parse_activity(v));
  else if (field == "notes")
    p.notes = plain_text(field, value, true);
  else
    throw invalid_input(fmt::format("unknown project field '{}'", field));
}

void complete_project(Project& p) {
  if (p.name.empty()) p.name = p.handle;
  if (p.rate) {
    const Currency& cur = currency(p.currency, true);
    if (p.rate->amount.significant_scale() > cur.minor_units)
      throw invalid_input(fmt::format("rate {} has more decimals than {} allows ({})",
                                      p.rate->to_string(), cur.code, cur.minor_units));
    p.rate->amount = p.rate->amount.with_scale(cur.minor_units);
  }
}

}  // namespace indie
