#include "indie/config.hpp"
#include "indie/legal.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "indie/error.hpp"
#include "indie/identifiers.hpp"
#include "indie/invoice_number.hpp"
#include "indie/suggest.hpp"
#include "indie/timesheet.hpp"
#include "indie/text.hpp"

namespace indie {
namespace {

constexpr auto kKeys = std::to_array<ConfigKey>({
    {"business.name", false, "", "Your name or company name, as on invoices"},
    {"business.legal_form", false, "EI", "EI (entrepreneur individuel, micro-entrepreneur), EURL, SASU, SARL, SAS or other"},
    {"business.address", false, "", "Postal address; separate lines with \\n or commas"},
    {"business.country", false, "FR", "ISO 3166 country code"},
    {"business.siren", false, "", "9-digit SIREN (required on French invoices)"},
    {"business.siret", false, "", "14-digit SIRET of the establishment, if any"},
    {"business.vat_number", false, "", "Intra-EU VAT number, e.g. FR40303265045"},
    {"business.vat_regime", false, "franchise", "franchise (franchise en base, no VAT) or standard"},
    {"business.currency", false, "EUR", "Base currency (ISO 4217) for reports and conversions"},
    {"business.share_capital", false, "", "Share capital for companies, e.g. 1000 EUR"},
    {"business.rcs_city", false, "", "City of RCS registration (traders and companies)"},
    {"business.email", false, "", "Contact e-mail printed on invoices"},
    {"business.phone", false, "", "Contact phone printed on invoices"},
    {"business.logo", false, "", "PNG logo for PDF invoices; a relative path is read from the config file's directory"},
    {"bank.iban", false, "", "IBAN printed as payment details"},
    {"bank.bic", false, "", "BIC of the bank"},
    {"invoice.payment_terms", true, "30", "Default payment terms in days (French B2B law: at most 60)"},
    {"invoice.number_pattern", false, "F{YYYY}-{SEQ:4}", "Invoice numbers: {YYYY} {YY} {MM} {SEQ} {SEQ:n}"},
    {"invoice.credit_pattern", false, "A{YYYY}-{SEQ:4}", "Credit note (avoir) numbers: their own series, same tokens"},
    {"invoice.yearly_reset", false, "yes", "Start each series again at 1 every year: yes or no"},
    {"invoice.vat_rate", false, "20", "VAT rate of new lines when VAT is charged: 20, 10, 5.5 or 2.1"},
    {"invoice.language", false, "fr", "Default document language: fr or en"},
    {"invoice.template", false, "classic", "Template of invoice render for html, md and txt (see indie template list)"},
    {"time.rounding", false, "1m nearest entry", "Billing rounding of tracked time: INCREMENT MODE SCOPE [min DURATION], e.g. 15m up entry"},
    {"time.zone", false, "", "Time zone for days and weeks, e.g. Europe/Paris (TZ wins; empty: the system's)"},
    {"time.week_start", false, "monday", "First day of the week in reports: monday or sunday (any day works)"},
    {"time.hours_per_day", false, "8", "Hours in a billed day, for day rates (600/d); decimals allowed, e.g. 7.5"},
});

std::string optional_value(std::string_view v, std::string (*normalize)(std::string_view)) {
  return trim(v).empty() ? std::string() : normalize(v);
}

// TOML basic strings take the same escapes as JSON strings.
std::string toml_quote(std::string_view s) { return quoted_escaped(s); }

std::string toml_value(const ConfigKey& key, const std::string& value) {
  return key.integer ? value : toml_quote(value);
}

// toml++ counts columns in code points; convert a (line, column) to a byte offset in `text`.
std::size_t byte_offset(std::string_view text, std::size_t line, std::size_t column) {
  std::size_t pos = 0;
  for (std::size_t l = 1; l < line && pos < text.size(); ++l) {
    const auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return text.size();
    pos = nl + 1;
  }
  for (std::size_t c = 1; c < column && pos < text.size(); ++c) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

toml::table parse_toml(std::string_view text, std::string_view source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw config_error(fmt::format("{}:{}:{}: {}; fix the file or move it away and run indie init",
                                   source, e.source().begin.line, e.source().begin.column,
                                   e.description()));
  }
}

void check_consistency(const Config& c, std::string_view source) {
  const auto& b = c.business;
  if (!b.siret.empty() && !b.siren.empty() && !b.siret.starts_with(b.siren))
    throw config_error(fmt::format("{}: business.siret {} does not start with business.siren {}",
                                   source, b.siret, b.siren));
}

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
  throw invalid_input(fmt::format("unknown legal form '{}': use EI (micro-entrepreneur), EURL, SASU, SARL, SAS or other", text));
}

std::string_view to_string(LegalForm f) {
  switch (f) {
    case LegalForm::ei: return "EI";
    case LegalForm::eurl: return "EURL";
    case LegalForm::sasu: return "SASU";
    case LegalForm::sarl: return "SARL";
    case LegalForm::sas: return "SAS";
    case LegalForm::other: return "other";
  }
  return "?";
}

VatRegime parse_vat_regime(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "franchise" || t == "franchise-en-base") return VatRegime::franchise;
  if (t == "standard" || t == "reel" || t == "réel") return VatRegime::standard;
  throw invalid_input(fmt::format("unknown VAT regime '{}': use franchise (franchise en base, no VAT) or standard", text));
}

std::string_view to_string(VatRegime r) { return r == VatRegime::franchise ? "franchise" : "standard"; }

std::span<const ConfigKey> config_keys() { return kKeys; }

const ConfigKey& config_key(std::string_view name) {
  for (const auto& k : kKeys)
    if (k.name == name) return k;
  std::vector<std::string> names;
  for (const auto& k : kKeys) names.emplace_back(k.name);
  throw not_found(fmt::format("unknown config key '{}'.{} See them all with: indie config show", name,
                              did_you_mean(name, names)));
}

bool parse_yes_no(std::string_view v, std::string_view key) {
  const std::string t = to_lower(v);
  if (t == "yes" || t == "true" || t == "on" || t == "1") return true;
  if (t == "no" || t == "false" || t == "off" || t == "0") return false;
  throw invalid_input(fmt::format("{} '{}' must be yes or no", key, v));
}

std::string normalize_config_value(const ConfigKey& key, std::string_view value) {
  const std::string_view n = key.name;
  const std::string_view v = trim(value);
  if (!is_printable_utf8(v) && n != "business.address")
    throw invalid_input(fmt::format("{}: the value has control characters", n));
  if (n == "business.name") {
    if (v.empty()) throw invalid_input("business.name cannot be empty: it is printed on every invoice");
    return std::string(v);
  }
  if (n == "business.legal_form") return std::string(to_string(parse_legal_form(v)));
  if (n == "business.country") return normalize_country(v);
  if (n == "business.siren") return optional_value(v, normalize_siren);
  if (n == "business.siret") return optional_value(v, normalize_siret);
  if (n == "business.vat_number") return optional_value(v, normalize_vat_number);
  if (n == "business.vat_regime") return std::string(to_string(parse_vat_regime(v)));
  if (n == "business.currency") return std::string(currency(v).code);
  if (n == "business.email") return optional_value(v, normalize_email);
  if (n == "bank.iban") return optional_value(v, normalize_iban);
  if (n == "bank.bic") return optional_value(v, normalize_bic);
  if (n == "invoice.language") return std::string(to_string(parse_language(v)));
  if (n == "invoice.number_pattern" || n == "invoice.credit_pattern") {
    validate_number_pattern(v);
    return std::string(v);
  }
  if (n == "invoice.yearly_reset") return parse_yes_no(v, n) ? "yes" : "no";
  if (n == "invoice.vat_rate") {
    const Decimal rate = Decimal::parse(v);
    check_vat_rate(VatCategory::standard, rate);
    return rate.normalized().to_string();
  }
  if (n == "time.rounding") return TimeRounding::parse(v).to_string();
  if (n == "time.week_start") return std::string(weekday_name(parse_weekday(v)));
  if (n == "time.zone") {
    if (!v.empty() && (v.find("..") != std::string_view::npos || v.front() == '/' ||
                       v.find_first_of(" \t") != std::string_view::npos))
      throw invalid_input(fmt::format("time.zone '{}' is not a zone name such as Europe/Paris", v));
    return std::string(v);
  }
  if (n == "time.hours_per_day") {
    const Decimal hours = Decimal::parse(v);
    if (hours <= Decimal::from_int(0) || hours > Decimal::from_int(24) || (hours * Decimal::from_int(3600)).significant_scale() > 0)
      throw invalid_input(fmt::format("time.hours_per_day '{}' must be above 0 and at most 24, e.g. 7 or 7.5", v));
    return hours.normalized().to_string();
  }
  if (n == "invoice.payment_terms") {
    int days = -1;
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), days);
    if (ec != std::errc() || p != v.data() + v.size() || days < 0 || days > 365)
      throw invalid_input(fmt::format("invoice.payment_terms '{}' must be a number of days from 0 to 365", v));
    return std::to_string(days);
  }
  return std::string(v);
}

std::string config_value(const Config& c, const ConfigKey& key) {
  const auto& b = c.business;
  const std::string_view n = key.name;
  if (n == "business.name") return b.name;
  if (n == "business.legal_form") return std::string(to_string(b.legal_form));
  if (n == "business.address") return b.address;
  if (n == "business.country") return b.country;
  if (n == "business.siren") return b.siren;
  if (n == "business.siret") return b.siret;
  if (n == "business.vat_number") return b.vat_number;
  if (n == "business.vat_regime") return std::string(to_string(b.vat_regime));
  if (n == "business.currency") return b.currency;
  if (n == "business.share_capital") return b.share_capital;
  if (n == "business.rcs_city") return b.rcs_city;
  if (n == "business.email") return b.email;
  if (n == "business.phone") return b.phone;
  if (n == "business.logo") return b.logo;
  if (n == "bank.iban") return b.iban;
  if (n == "bank.bic") return b.bic;
  if (n == "invoice.payment_terms") return std::to_string(c.invoice.payment_terms);
  if (n == "invoice.number_pattern") return c.invoice.number_pattern;
  if (n == "invoice.credit_pattern") return c.invoice.credit_pattern;
  if (n == "invoice.yearly_reset") return c.invoice.yearly_reset ? "yes" : "no";
  if (n == "invoice.vat_rate") return c.invoice.vat_rate.normalized().to_string();
  if (n == "invoice.language") return std::string(to_string(c.invoice.language));
  if (n == "invoice.template") return c.invoice.template_name;
  if (n == "time.rounding") return c.time.rounding.to_string();
  if (n == "time.zone") return c.time.zone;
  if (n == "time.week_start") return std::string(weekday_name(c.time.week_start));
  if (n == "time.hours_per_day") return Decimal(c.time.seconds_per_day * 100 / 3600, 2).normalized().to_string();
  return "";
}

void assign_config_value(Config& c, const ConfigKey& key, const std::string& v) {
  auto& b = c.business;
  const std::string_view n = key.name;
  if (n == "business.name") b.name = v;
  else if (n == "business.legal_form") b.legal_form = parse_legal_form(v);
  else if (n == "business.address") b.address = v;
  else if (n == "business.country") b.country = v;
  else if (n == "business.siren") b.siren = v;
  else if (n == "business.siret") b.siret = v;
  else if (n == "business.vat_number") b.vat_number = v;
  else if (n == "business.vat_regime") b.vat_regime = parse_vat_regime(v);
  else if (n == "business.currency") b.currency = v;
  else if (n == "business.share_capital") b.share_capital = v;
  else if (n == "business.rcs_city") b.rcs_city = v;
  else if (n == "business.email") b.email = v;
  else if (n == "business.phone") b.phone = v;
  else if (n == "business.logo") b.logo = v;
  else if (n == "bank.iban") b.iban = v;
  else if (n == "bank.bic") b.bic = v;
  else if (n == "invoice.payment_terms") c.invoice.payment_terms = std::stoi(v);
  else if (n == "invoice.number_pattern") c.invoice.number_pattern = v;
  else if (n == "invoice.credit_pattern") c.invoice.credit_pattern = v;
  else if (n == "invoice.yearly_reset") c.invoice.yearly_reset = v == "yes";
  else if (n == "invoice.vat_rate") c.invoice.vat_rate = Decimal::parse(v);
  else if (n == "invoice.language") c.invoice.language = parse_language(v);
  else if (n == "invoice.template") c.invoice.template_name = v;
  else if (n == "time.rounding") c.time.rounding = TimeRounding::parse(v);
  else if (n == "time.zone") c.time.zone = v;
  else if (n == "time.week_start") c.time.week_start = parse_weekday(v);
  else if (n == "time.hours_per_day")
    c.time.seconds_per_day = (Decimal::parse(v) * Decimal::from_int(3600)).with_scale(0).mantissa();
}

Config parse_config(std::string_view text, std::string_view source) {
  const toml::table root = parse_toml(text, source);
  Config config;
  // Walk every leaf so an unknown or misspelt key is reported, not silently ignored.
  for (const auto& [table_key, table_node] : root) {
    const auto* table = table_node.as_table();
    if (table == nullptr) {
      const auto& where = table_node.source().begin;
      throw config_error(fmt::format("{}:{}:{}: '{}' must be inside a table such as [business]",
                                     source, where.line, where.column, table_key.str()));
    }
    for (const auto& [leaf_key, node] : *table) {
      const std::string name = std::string(table_key.str()) + "." + std::string(leaf_key.str());
      const auto& where = node.source().begin;
      const auto located = [&](const std::string& what) {
        return config_error(fmt::format("{}:{}:{}: {}", source, where.line, where.column, what));
      };
      const ConfigKey* key = nullptr;
      try {
        key = &config_key(name);
      } catch (const Error& e) {
        throw located(e.what());
      }
      std::string raw;
      if (key->integer) {
        const auto v = node.value<std::int64_t>();
        if (!v) throw located(fmt::format("{} must be a whole number", name));
        raw = std::to_string(*v);
      } else {
        const auto v = node.value<std::string>();
        if (!v) throw located(fmt::format("{} must be a quoted string", name));
        raw = *v;
      }
      try {
        assign_config_value(config, *key, normalize_config_value(*key, raw));
      } catch (const Error& e) {
        throw located(e.what());
      }
    }
  }
  check_consistency(config, source);
  return config;
}

std::string set_config_text(std::string_view text, std::string_view source, const ConfigKey& key,
                            const std::string& value) {
  const toml::table root = parse_toml(text, source);
  const std::string_view name = key.name;
  const auto dot = name.find('.');
  const std::string table_name(name.substr(0, dot));
  const std::string leaf(name.substr(dot + 1));
  const std::string assignment = leaf + " = " + toml_value(key, value);
  std::string out(text);

  if (const toml::node* node = root.at_path(name).node()) {
    const auto& r = node->source();
    const std::size_t begin = byte_offset(text, r.begin.line, r.begin.column);
    const std::size_t end = byte_offset(text, r.end.line, r.end.column);
    out.replace(begin, end - begin, toml_value(key, value));
  } else if (const toml::table* table = root[table_name].as_table()) {
    // Insert after the last line that belongs to the table (its header when it is empty).
    std::size_t last_line = table->source().begin.line;
    for (const auto& [k, n] : *table) last_line = std::max<std::size_t>(last_line, n.source().end.line);
    std::size_t pos = byte_offset(text, last_line + 1, 1);
    if (pos == text.size() && !out.empty() && out.back() != '\n') {
      out += '\n';
      pos = out.size();
    }
    out.insert(pos, assignment + "\n");
  } else {
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += "\n[" + table_name + "]\n" + assignment + "\n";
  }
  parse_config(out, source);  // the edit must leave a valid file
  return out;
}

std::string render_config(const Config& c) {
  std::string out =
      "# indie configuration: the business profile printed on invoices, and defaults.\n"
      "# Change a value with `indie config set KEY VALUE` (comments are kept) or edit this file.\n"
      "# Every key is described in `man indie-config` and `indie config show`.\n";
  std::string current_table;
  for (const auto& key : kKeys) {
    const std::string_view table = key.name.substr(0, key.name.find('.'));
    if (table != current_table) {
      current_table = std::string(table);
      out += "\n[" + current_table + "]\n";
    }
    out += fmt::format("# {}\n{} = {}\n", key.help, key.name.substr(key.name.find('.') + 1),
                       toml_value(key, config_value(c, key)));
  }
  return out;
}

}  // namespace indie
