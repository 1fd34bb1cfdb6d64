#include "indie/core/settings.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <vector>

#include "indie/core/client.hpp"
#include "indie/core/error.hpp"
#include "indie/core/identifiers.hpp"
#include "indie/core/invoice_number.hpp"
#include "indie/core/legal.hpp"
#include "indie/core/money.hpp"
#include "indie/core/payment_terms.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"
#include "indie/core/timesheet.hpp"

namespace indie {
namespace {

// ---- how each key's text is checked -------------------------------------------------------

std::string any_text(std::string_view v) { return std::string(v); }
std::string postal_address(std::string_view v) {
  check_address_length("business.address", v);
  return std::string(v);
}

// "1000 EUR", "1 000 €", "5000.50 USD": an amount and its currency, kept as "1000 EUR". The
// capital is printed with its currency on every page (Code de commerce R123-238).
std::string share_capital(std::string_view v) {
  const std::string text(trim(v));
  if (text.empty()) return text;
  std::string amount = text, code;
  if (text.ends_with("€")) {
    code = "EUR";
    amount = text.substr(0, text.size() - std::string_view("€").size());
  } else if (const auto space = text.find_last_of(' '); space != std::string::npos) {
    code = to_upper(trim(text.substr(space + 1)));
    amount = text.substr(0, space);
  }
  if (code == "EUROS" || code == "EURO") code = "EUR";
  for (const std::string_view space : {"\xC2\xA0", "\xE2\x80\xAF"})  // no-break spaces
    for (auto at = amount.find(space); at != std::string::npos; at = amount.find(space))
      amount.erase(at, space.size());
  std::string digits;
  for (const char c : amount)
    if (c != ' ') digits += c == ',' ? '.' : c;
  try {
    const Money m = Money::parse(digits, currency(code));
    if (m.is_negative() || m.is_zero()) throw invalid_input("");
    return fmt::format("{} {}", m.amount().normalized().to_string(), m.currency().code);
  } catch (const Error&) {
    throw invalid_input(
        fmt::format("'{}' is not an amount with its currency; write it like \"1000 EUR\": "
                    "indie config set business.share_capital \"1000 EUR\"",
                    text));
  }
}

// An empty value clears an optional identifier; anything else must be valid.
template <std::string (*Normalize)(std::string_view)>
std::string optional_id(std::string_view v) {
  return v.empty() ? std::string() : Normalize(v);
}

std::string business_name(std::string_view v) {
  if (v.empty())
    throw invalid_input("business.name cannot be empty: it is printed on every invoice");
  return std::string(v);
}
std::string legal_form(std::string_view v) { return std::string(to_string(parse_legal_form(v))); }
std::string vat_regime(std::string_view v) { return std::string(to_string(parse_vat_regime(v))); }
std::string currency_code(std::string_view v) { return std::string(currency(v).code); }
std::string language(std::string_view v) { return std::string(to_string(parse_language(v))); }
std::string number_pattern(std::string_view v) {
  validate_number_pattern(v);
  return std::string(v);
}
bool parse_yes_no(std::string_view v) {
  const std::string t = to_lower(v);
  if (t == "yes" || t == "true" || t == "on" || t == "1") return true;
  if (t == "no" || t == "false" || t == "off" || t == "0") return false;
  throw invalid_input(fmt::format("'{}' must be yes or no", v));
}
std::string yes_no(std::string_view v) { return parse_yes_no(v) ? "yes" : "no"; }
std::string einvoice(std::string_view v) {
  const std::string t = to_lower(v);
  if (t == "auto" || t == "none" || t == "no" || t == "cii" || t == "facturx")
    return t == "no" ? "none" : t;
  if (t == "factur-x") return "facturx";
  throw invalid_input(fmt::format("'{}' must be auto, none, cii or facturx", v));
}
std::string activity(std::string_view v) { return std::string(to_string(parse_activity(v))); }
std::string frequency(std::string_view v) {
  const std::string t = to_lower(v);
  if (t == "monthly" || t == "month" || t == "mensuelle") return "monthly";
  if (t == "quarterly" || t == "quarter" || t == "trimestrielle") return "quarterly";
  throw invalid_input(fmt::format("'{}' must be monthly or quarterly", v));
}
std::string optional_date(std::string_view v) {
  if (v.empty()) return "";
  const Date d = parse_date(v, Date{});
  return format_date(d);
}
std::string vat_rate(std::string_view v) {
  const Decimal rate = Decimal::parse(v);
  check_vat_rate(VatCategory::standard, rate);
  return rate.normalized().to_string();
}
std::string rounding(std::string_view v) { return TimeRounding::parse(v).to_string(); }
std::string week_start(std::string_view v) { return std::string(weekday_name(parse_weekday(v))); }
std::string zone(std::string_view v) {
  if (!v.empty() && (v.find("..") != std::string_view::npos || v.front() == '/' ||
                     v.find_first_of(" \t") != std::string_view::npos))
    throw invalid_input(fmt::format("time.zone '{}' is not a zone name such as Europe/Paris", v));
  return std::string(v);
}
std::string hours_per_day(std::string_view v) {
  const Decimal hours = Decimal::parse(v);
  // A day is a whole number of seconds, so 7.0001 h (25200.36 s) is refused.
  if (hours <= Decimal::from_int(0) || hours > Decimal::from_int(24) ||
      (hours * Decimal::from_int(3600)).significant_scale() > 0)
    throw invalid_input(fmt::format(
        "time.hours_per_day '{}' must be above 0 and at most 24, in whole seconds, e.g. 7 or 7.5",
        v));
  return hours.normalized().to_string();
}
std::string payment_terms(std::string_view v) {
  try {
    return PaymentTerms::parse(v).to_string();
  } catch (const Error&) {
    throw invalid_input(fmt::format(
        "invoice.payment_terms '{}' must be a number of days from 0 to 365 (30), or days end of "
        "month (45eom)",
        v));
  }
}

// A percent a year, more than 0: "12", "10.5". The legal floor depends on the day of issue.
std::string penalty_rate(std::string_view v) {
  if (trim(v).empty()) return "";
  Decimal d;
  try {
    d = Decimal::parse(trim(v));
  } catch (const Error&) {
    throw invalid_input(fmt::format(
        "invoice.late_penalty_rate '{}' must be a percent a year, e.g. 12 (or empty for the "
        "ECB's rate + 10 points)",
        v));
  }
  if (d.mantissa() <= 0 || d > Decimal::from_int(100))
    throw invalid_input(
        fmt::format("invoice.late_penalty_rate '{}' must be a percent a year above 0, e.g. 12", v));
  return d.normalized().to_string();
}

// ---- where each key lives in Config ---------------------------------------------------------

template <std::string BusinessProfile::*Field>
std::string get_business(const Config& c) {
  return c.business.*Field;
}
template <std::string BusinessProfile::*Field>
void set_business(Config& c, const std::string& v) {
  c.business.*Field = v;
}
template <std::string InvoiceDefaults::*Field>
std::string get_invoice(const Config& c) {
  return c.invoice.*Field;
}
template <std::string InvoiceDefaults::*Field>
void set_invoice(Config& c, const std::string& v) {
  c.invoice.*Field = v;
}

#define INDIE_BUSINESS_TEXT(field) \
  get_business<&BusinessProfile::field>, set_business<&BusinessProfile::field>
#define INDIE_INVOICE_TEXT(field) \
  get_invoice<&InvoiceDefaults::field>, set_invoice<&InvoiceDefaults::field>

// The keys, in the order `config show` and a new config file list them.
const auto kKeys = std::to_array<ConfigKey>({
    {"business.name", false, "", "Your name or company name, as on invoices", business_name,
     INDIE_BUSINESS_TEXT(name)},
    {"business.legal_form", false, "EI",
     "EI (entrepreneur individuel, micro-entrepreneur), EURL, SASU, SARL, SAS or other", legal_form,
     [](const Config& c) { return std::string(to_string(c.business.legal_form)); },
     [](Config& c, const std::string& v) { c.business.legal_form = parse_legal_form(v); }},
    {"business.address", false, "", "Postal address; separate lines with \\n or commas",
     postal_address, INDIE_BUSINESS_TEXT(address)},
    {"business.country", false, "FR", "ISO 3166 country code", normalize_country,
     INDIE_BUSINESS_TEXT(country)},
    {"business.siren", false, "", "9-digit SIREN (required on French invoices)",
     optional_id<normalize_siren>, INDIE_BUSINESS_TEXT(siren)},
    {"business.siret", false, "", "14-digit SIRET of the establishment, if any",
     optional_id<normalize_siret>, INDIE_BUSINESS_TEXT(siret)},
    {"business.vat_number", false, "", "Intra-EU VAT number, e.g. FR40303265045",
     optional_id<normalize_vat_number>, INDIE_BUSINESS_TEXT(vat_number)},
    {"business.vat_regime", false, "franchise", "franchise (franchise en base, no VAT) or standard",
     vat_regime, [](const Config& c) { return std::string(to_string(c.business.vat_regime)); },
     [](Config& c, const std::string& v) { c.business.vat_regime = parse_vat_regime(v); }},
    {"business.currency", false, "EUR", "Base currency (ISO 4217) for reports and conversions",
     currency_code, INDIE_BUSINESS_TEXT(currency)},
    {"business.share_capital", false, "", "Share capital for companies, e.g. 1000 EUR",
     share_capital, INDIE_BUSINESS_TEXT(share_capital)},
    {"business.rcs_city", false, "", "City of RCS registration (traders and companies)", any_text,
     INDIE_BUSINESS_TEXT(rcs_city)},
    {"business.email", false, "", "Contact e-mail printed on invoices",
     optional_id<normalize_email>, INDIE_BUSINESS_TEXT(email)},
    {"business.phone", false, "", "Contact phone printed on invoices", any_text,
     INDIE_BUSINESS_TEXT(phone)},
    {"business.einvoice_address", false, "",
     "Your address in the French e-invoicing directory (BT-34): your SIREN and a suffix, e.g. "
     "732829320_FACTURES (default: the SIREN)",
     optional_id<normalize_einvoice_address>, INDIE_BUSINESS_TEXT(einvoice_address)},
    {"business.logo", false, "",
     "PNG logo for PDF invoices; a relative path is read from the config file's directory",
     any_text, INDIE_BUSINESS_TEXT(logo)},
    {"business.activity", false, "bnc",
     "bnc (liberal services), bic-services (commercial or craft services), bic-sales (goods, "
     "food, lodging) or mixed (each project or line says which)",
     activity, [](const Config& c) { return std::string(to_string(c.business.activity)); },
     [](Config& c, const std::string& v) { c.business.activity = parse_activity(v); }},
    {"business.vat_on_debits", false, "no",
     "VAT on services due when invoiced, not when paid (option pour les débits): yes or no", yes_no,
     [](const Config& c) { return std::string(c.business.vat_on_debits ? "yes" : "no"); },
     [](Config& c, const std::string& v) { c.business.vat_on_debits = v == "yes"; }},
    {"bank.iban", false, "", "IBAN printed as payment details", optional_id<normalize_iban>,
     INDIE_BUSINESS_TEXT(iban)},
    {"bank.bic", false, "", "BIC of the bank", optional_id<normalize_bic>,
     INDIE_BUSINESS_TEXT(bic)},
    {"invoice.payment_terms", true, "30",
     "Default payment terms: days (30), or days end of month (45eom); B2B law: at most 60 or "
     "45eom",
     payment_terms,
     [](const Config& c) {
       return PaymentTerms{c.invoice.payment_terms, c.invoice.terms_end_of_month}.to_string();
     },
     [](Config& c, const std::string& v) {
       const PaymentTerms t = PaymentTerms::parse(v);
       c.invoice.payment_terms = t.days;
       c.invoice.terms_end_of_month = t.end_of_month;
     }},
    {"invoice.late_penalty_rate", false, "",
     "Late-payment penalty rate, percent a year (empty: ECB rate + 10 points; never below 3x the "
     "legal interest rate)",
     penalty_rate, INDIE_INVOICE_TEXT(late_penalty_rate)},
    {"invoice.early_discount", false, "",
     "Early-payment discount conditions printed on B2B invoices (empty: no discount)", any_text,
     INDIE_INVOICE_TEXT(early_discount)},
    {"invoice.number_pattern", false, "F{YYYY}-{SEQ:4}",
     "Invoice numbers: {YYYY} {YY} {MM} {SEQ} {SEQ:n}", number_pattern,
     INDIE_INVOICE_TEXT(number_pattern)},
    {"invoice.credit_pattern", false, "A{YYYY}-{SEQ:4}",
     "Credit note (avoir) numbers: their own series, same tokens", number_pattern,
     INDIE_INVOICE_TEXT(credit_pattern)},
    {"invoice.yearly_reset", false, "yes", "Start each series again at 1 every year: yes or no",
     yes_no, [](const Config& c) { return std::string(c.invoice.yearly_reset ? "yes" : "no"); },
     [](Config& c, const std::string& v) { c.invoice.yearly_reset = v == "yes"; }},
    {"invoice.vat_rate", false, "20",
     "VAT rate of new lines when VAT is charged: 20, 10, 5.5 or 2.1", vat_rate,
     [](const Config& c) { return c.invoice.vat_rate.normalized().to_string(); },
     [](Config& c, const std::string& v) { c.invoice.vat_rate = Decimal::parse(v); }},
    {"invoice.language", false, "fr", "Default document language: fr or en", language,
     [](const Config& c) { return std::string(to_string(c.invoice.language)); },
     [](Config& c, const std::string& v) { c.invoice.language = parse_language(v); }},
    {"invoice.template", false, "classic",
     "Template of invoice render for html, md and txt (see indie template list)", any_text,
     INDIE_INVOICE_TEXT(template_name)},
    {"invoice.einvoice", false, "auto",
     "auto: facturx for invoices to French business clients (the reform's e-invoices), none "
     "for the others; cii: issuing refuses an invoice whose e-invoice (EN 16931, BR-FR) would "
     "be rejected; facturx: also keeps the Factur-X file as the document issued; none",
     einvoice, INDIE_INVOICE_TEXT(einvoice)},
    {"time.rounding", false, "1m nearest entry",
     "Billing rounding of tracked time: INCREMENT MODE SCOPE [min DURATION], e.g. 15m up entry",
     rounding, [](const Config& c) { return c.time.rounding.to_string(); },
     [](Config& c, const std::string& v) { c.time.rounding = TimeRounding::parse(v); }},
    {"time.zone", false, "",
     "Time zone for days and weeks, e.g. Europe/Paris (TZ wins; empty: the system's)", zone,
     [](const Config& c) { return c.time.zone; },
     [](Config& c, const std::string& v) { c.time.zone = v; }},
    {"time.week_start", false, "monday",
     "First day of the week in reports: monday or sunday (any day works)", week_start,
     [](const Config& c) { return std::string(weekday_name(c.time.week_start)); },
     [](Config& c, const std::string& v) { c.time.week_start = parse_weekday(v); }},
    {"time.hours_per_day", false, "8",
     "Hours in a billed day, for day rates (600/d); decimals allowed, e.g. 7.5", hours_per_day,
     [](const Config& c) { return hours_per_day_text(c.time.seconds_per_day); },
     [](Config& c, const std::string& v) {
       c.time.seconds_per_day =
           (Decimal::parse(v) * Decimal::from_int(3600)).with_scale(0).mantissa();
     }},
    {"urssaf.frequency", false, "monthly",
     "How often you declare your turnover to the URSSAF: monthly or quarterly", frequency,
     [](const Config& c) { return std::string(c.urssaf.quarterly ? "quarterly" : "monthly"); },
     [](Config& c, const std::string& v) { c.urssaf.quarterly = v == "quarterly"; }},
    {"urssaf.versement_liberatoire", false, "no",
     "You pay income tax with your contributions (versement libératoire): yes or no", yes_no,
     [](const Config& c) { return std::string(c.urssaf.versement_liberatoire ? "yes" : "no"); },
     [](Config& c, const std::string& v) { c.urssaf.versement_liberatoire = v == "yes"; }},
    {"urssaf.acre_start", false, "",
     "The day your business started, if you have the ACRE (empty: no ACRE), e.g. 2026-09-01",
     optional_date,
     [](const Config& c) {
       return c.urssaf.acre_start ? format_date(*c.urssaf.acre_start) : std::string();
     },
     [](Config& c, const std::string& v) {
       c.urssaf.acre_start = v.empty() ? std::nullopt : std::optional(parse_date(v, Date{}));
     }},
});

#undef INDIE_BUSINESS_TEXT
#undef INDIE_INVOICE_TEXT

}  // namespace

LegalForm parse_legal_form(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "ei" || t == "micro" || t == "micro-entrepreneur" || t == "me" ||
      t == "auto-entrepreneur" || t == "entrepreneur individuel")
    return LegalForm::ei;
  if (t == "eurl") return LegalForm::eurl;
  if (t == "sasu") return LegalForm::sasu;
  if (t == "sarl") return LegalForm::sarl;
  if (t == "sas") return LegalForm::sas;
  if (t == "other") return LegalForm::other;
  throw invalid_input(fmt::format(
      "unknown legal form '{}': use EI (micro-entrepreneur), EURL, SASU, SARL, SAS or other",
      text));
}

std::string_view to_string(LegalForm f) {
  switch (f) {
    case LegalForm::ei:
      return "EI";
    case LegalForm::eurl:
      return "EURL";
    case LegalForm::sasu:
      return "SASU";
    case LegalForm::sarl:
      return "SARL";
    case LegalForm::sas:
      return "SAS";
    case LegalForm::other:
      return "other";
  }
  return "?";
}

VatRegime parse_vat_regime(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "franchise" || t == "franchise-en-base") return VatRegime::franchise;
  if (t == "standard" || t == "reel" || t == "réel") return VatRegime::standard;
  throw invalid_input(fmt::format(
      "unknown VAT regime '{}': use franchise (franchise en base, no VAT) or standard", text));
}

std::string_view to_string(VatRegime r) {
  return r == VatRegime::franchise ? "franchise" : "standard";
}

std::span<const ConfigKey> config_keys() { return kKeys; }

const ConfigKey& config_key(std::string_view name) {
  for (const auto& k : kKeys)
    if (k.name == name) return k;
  std::vector<std::string> names;
  for (const auto& k : kKeys) names.emplace_back(k.name);
  throw not_found(fmt::format("unknown config key '{}'.{} See them all with: indie config show",
                              name, did_you_mean(name, names)));
}

std::string normalize_config_value(const ConfigKey& key, std::string_view value) {
  const std::string_view v = trim(value);
  // An address may span lines; every other value is one printable line.
  if (!is_printable_utf8(v) && key.name != "business.address")
    throw invalid_input(fmt::format("{}: the value has control characters", key.name));
  return key.normalize(v);
}

void check_config_consistency(const Config& c) {
  const auto& b = c.business;
  if (!b.siret.empty() && !b.siren.empty() && !b.siret.starts_with(b.siren))
    throw invalid_input(
        fmt::format("business.siret {} does not start with business.siren {}", b.siret, b.siren));
}

std::string hours_per_day_text(std::int64_t seconds_per_day) {
  // hours = seconds / 3600 = (seconds / 9) / 400, and n / 400 = 25n / 10^4 exactly. A value read
  // from the file is always a multiple of 9 seconds (4 decimals of an hour at most).
  if (seconds_per_day % 9 == 0)
    return Decimal(seconds_per_day / 9 * 25, 4).normalized().to_string();
  return Decimal(seconds_per_day * 10000 / 3600, 4).normalized().to_string();
}

std::string_view einvoice_for(std::string_view setting, std::string_view vat_treatment) {
  if (setting != "auto") return setting;
  return vat_treatment == "domestic" ? "facturx" : "none";
}

}  // namespace indie
