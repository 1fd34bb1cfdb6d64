#include "indie/core/legal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <tuple>

#include "indie/core/error.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

bool is_company(LegalForm f) {
  return f == LegalForm::eurl || f == LegalForm::sasu || f == LegalForm::sarl ||
         f == LegalForm::sas;
}

std::string legal_form_name(LegalForm f) { return to_upper(to_string(f)); }

std::string rate_list(const std::vector<Decimal>& rates) {
  std::vector<std::string> s;
  for (const auto& r : rates) s.push_back(r.normalized().to_string());
  return join(s, ", ");
}

}  // namespace

const Currency& LegalFacts::currency_eur() { return indie::currency("EUR"); }

VatCategory category_of_code(std::string_view code) {
  for (const auto c : {VatCategory::standard, VatCategory::franchise, VatCategory::reverse_charge,
                       VatCategory::outside_scope})
    if (category_code(c) == code) return c;
  throw invalid_input(fmt::format("unknown VAT category '{}': S, E, AE or O", code));
}

std::string_view category_code(VatCategory c) {
  switch (c) {
    case VatCategory::standard:
      return "S";
    case VatCategory::franchise:
      return "E";
    case VatCategory::reverse_charge:
      return "AE";
    case VatCategory::outside_scope:
      return "O";
  }
  return "S";
}

std::string_view exemption_code(VatCategory c) {
  switch (c) {
    case VatCategory::standard:
      return "";
    case VatCategory::franchise:
      return "VATEX-FR-FRANCHISE";
    case VatCategory::reverse_charge:
      return "VATEX-EU-AE";
    case VatCategory::outside_scope:
      return "VATEX-EU-O";
  }
  return "";
}

std::string_view exemption_mention(VatCategory c) {
  switch (c) {
    case VatCategory::standard:
      return "";
    case VatCategory::franchise:
      return "TVA non applicable, art. 293 B du CGI";
    case VatCategory::reverse_charge:
      // The place of supply is the client's (art. 259-1 du CGI, art. 44 and 196 of the VAT
      // directive); art. 283-2 is for French buyers of foreign sellers (issue 14.9).
      return "Autoliquidation (reverse charge) : TVA due par le preneur, art. 259-1 du CGI et "
             "art. 196 de la directive 2006/112/CE";
    case VatCategory::outside_scope:
      return "TVA non applicable, art. 259-1 du CGI : prestation de services à un preneur établi "
             "hors de l'Union européenne";
  }
  return "";
}

VatCategory vat_category(VatRegime regime, VatTreatment treatment) {
  switch (treatment) {
    case VatTreatment::eu_business:
      return VatCategory::reverse_charge;
    case VatTreatment::non_eu_business:
      return VatCategory::outside_scope;
    case VatTreatment::domestic:
    case VatTreatment::consumer:
      break;
  }
  return regime == VatRegime::franchise ? VatCategory::franchise : VatCategory::standard;
}

std::vector<Decimal> allowed_vat_rates(VatCategory c) {
  if (c == VatCategory::standard)
    return {Decimal::from_int(20), Decimal::from_int(10), Decimal(55, 1), Decimal(21, 1)};
  return {Decimal::from_int(0)};
}

Decimal default_vat_rate(VatCategory c) {
  return c == VatCategory::standard ? Decimal::from_int(20) : Decimal::from_int(0);
}

void check_vat_rate(VatCategory c, const Decimal& rate) {
  const auto allowed = allowed_vat_rates(c);
  if (std::find(allowed.begin(), allowed.end(), rate) != allowed.end()) return;
  switch (c) {
    case VatCategory::standard:
      throw invalid_input(fmt::format("VAT rate {}% is not a French rate; use {} (percent)",
                                      rate.normalized().to_string(), rate_list(allowed)));
    case VatCategory::franchise:
      throw invalid_input(fmt::format(
          "no VAT may be charged under the franchise en base (TVA non applicable, art. 293 B du "
          "CGI), so the VAT rate must "
          "be 0, not {}%. If you now charge VAT: indie config set business.vat_regime standard",
          rate.normalized().to_string()));
    case VatCategory::reverse_charge:
      throw invalid_input(fmt::format(
          "this client is an EU business: the client accounts for the VAT (autoliquidation), "
          "so the VAT rate must be 0, not {}%",
          rate.normalized().to_string()));
    case VatCategory::outside_scope:
      throw invalid_input(fmt::format(
          "services to a business outside the EU carry no French VAT (CGI art. 259-1), so the "
          "VAT rate must be 0, not {}%",
          rate.normalized().to_string()));
  }
}

namespace {

// 2026-11-27 as a French sentence writes it ("27 novembre 2026"); left as it is otherwise.
std::string french_long_date(const std::string& iso) {
  try {
    return long_date(parse_date(iso, Date{}), Language::fr);
  } catch (const Error&) {
    return iso;
  }
}

}  // namespace

std::string seller_display_name(const BusinessProfile& s) {
  if (s.legal_form != LegalForm::ei) return s.name;
  const std::string lower = to_lower(s.name);
  const bool marked = lower.find("entrepreneur individuel") != std::string::npos ||
                      s.name.ends_with(" EI") || s.name.starts_with("EI ");
  return marked ? s.name : s.name + " EI";
}

bool is_business(const Client& c) { return c.vat_treatment != VatTreatment::consumer; }

std::vector<std::string> issue_problems(const BusinessProfile& seller, const Client& client,
                                        const LegalFacts& f) {
  std::vector<std::string> p;
  const bool french_seller = seller.country == "FR";
  if (f.lines == 0) p.push_back("the invoice has no lines: add one with indie invoice line add");
  // The date of the service (or its period) is on every invoice (CGI art. 242 nonies A, I-7°;
  // CHECKLIST §8.1): every line has one, or the invoice has one for those that do not.
  if (f.kind == InvoiceKind::invoice && !f.lines_without_period.empty() && !f.has_given_period) {
    std::vector<std::string> positions;
    for (const int n : f.lines_without_period) positions.push_back(std::to_string(n));
    p.push_back(fmt::format(
        "{} {} no service date, and the invoice has none: give the invoice one (indie invoice "
        "edit {} --period 2026-11-01..2026-11-30, or --service-date 2026-11-30), or each line "
        "its own (indie invoice line edit {} {} --period …); if the service was done on the day "
        "of issue, say so: indie invoice issue {} --service-date DATE",
        positions.size() == 1 ? "line" : "lines",
        join(positions, ", ") + (positions.size() == 1 ? " has" : " have"), f.draft_id, f.draft_id,
        positions.front(), f.draft_id));
  }
  if (trim(seller.name).empty())
    p.push_back("your business has no name: indie config set business.name \"…\"");
  if (trim(seller.address).empty())
    p.push_back("your business has no address: indie config set business.address \"…\"");
  // An address the document would print cut is refused (issue 35.1); entry refuses them too,
  // this catches the ones stored before.
  for (const auto& [what, address, fix] :
       {std::tuple{"your business's address", std::string_view(seller.address),
                   std::string("indie config set business.address \"…\"")},
        std::tuple{"the client's address", std::string_view(client.address),
                   fmt::format("indie client edit {} --address \"…\"", client.handle)},
        std::tuple{"the client's delivery address", std::string_view(client.delivery_address),
                   fmt::format("indie client edit {} --delivery-address \"…\"", client.handle)}})
    if (code_points(address) > kMaxAddressCharacters)
      p.push_back(fmt::format("{} has {} characters, more than the {} an invoice shows: {}", what,
                              code_points(address), kMaxAddressCharacters, fix));
  if (french_seller && seller.siren.empty())
    p.push_back(
        "your SIREN is missing (mandatory on French invoices): indie config set business.siren "
        "123456782");
  if (is_company(seller.legal_form)) {
    if (seller.share_capital.empty())
      p.push_back(fmt::format(
          "a {} shows its share capital: indie config set business.share_capital \"1000 EUR\"",
          legal_form_name(seller.legal_form)));
    if (seller.rcs_city.empty())
      p.push_back(
          fmt::format("a {} shows its RCS registration: indie config set business.rcs_city Paris",
                      legal_form_name(seller.legal_form)));
  }
  // The seller's VAT number: on every invoice of a VAT-registered seller, except a domestic one
  // of at most €150 HT; and on every reverse-charge invoice (CHECKLIST §8.4, §8.6).
  const bool small_domestic = f.category == VatCategory::standard && f.currency != nullptr &&
                              f.currency->code == "EUR" && f.net.minor() <= 15000;
  if (seller.vat_number.empty()) {
    if (f.category == VatCategory::reverse_charge)
      p.push_back(
          "reverse charge needs your intra-EU VAT number too: indie config set business.vat_number "
          "FR…");
    else if (seller.vat_regime == VatRegime::standard && !small_domestic)
      p.push_back(
          "a VAT-registered seller shows its VAT number: indie config set business.vat_number FR…");
  }
  if (trim(client.address).empty())
    p.push_back(fmt::format("the client has no address: indie client edit {} --address \"…\"",
                            client.handle));
  if (f.category == VatCategory::reverse_charge && client.vat_number.empty())
    p.push_back(
        fmt::format("reverse charge (autoliquidation) needs the client's VAT number: indie client "
                    "edit {} --vat-number …",
                    client.handle));
  if (client.vat_treatment == VatTreatment::domestic && french_seller &&
      (client.country.empty() || client.country == "FR") && client.siren.empty())
    p.push_back(fmt::format(
        "a French business client's SIREN is mandatory on invoices: indie client edit {} --siren …",
        client.handle));
  if (f.kind == InvoiceKind::invoice && is_business(client)) {
    if (std::string refusal = f.payment_terms.b2b_refusal(client.handle); !refusal.empty())
      p.push_back(std::move(refusal));
    // L441-10 II: never below 3 times the legal interest rate of the half-year.
    if (!f.late_penalty_rate.empty()) {
      const Decimal floor = late_penalty_floor(f.day);
      if (Decimal::parse(f.late_penalty_rate) < floor)
        p.push_back(fmt::format(
            "a late-payment penalty rate of {} % is below the legal floor of {} % (3 times the "
            "legal interest rate of {} %, Code de commerce L441-10): indie config set "
            "invoice.late_penalty_rate {} (or empty for the ECB's rate + 10 points)",
            f.late_penalty_rate, floor.to_string(), legal_interest_rate(f.day).to_string(),
            floor.to_string()));
    }
  }
  for (const auto& rate : f.vat_rates) {
    try {
      check_vat_rate(f.category, rate);
    } catch (const Error& e) {
      p.push_back(std::string(e.what()) + " (change it with indie invoice line edit)");
    }
  }
  if (f.currency != nullptr && f.currency->code != "EUR" && f.eur_rate.empty())
    p.push_back(fmt::format(
        "no EUR exchange rate is known for {}: give the ECB rate of the issue date with --eur-rate "
        "(units of {} for 1 EUR)",
        f.currency->code, f.currency->code));
  return p;
}

std::vector<std::string> legal_mentions(const BusinessProfile& /*seller*/, const Client& client,
                                        const LegalFacts& f) {
  std::vector<std::string> m;
  if (f.kind == InvoiceKind::credit_note && !f.original_number.empty())
    m.push_back(
        fmt::format("Avoir sur la facture n° {} du {}", f.original_number, f.original_date));
  if (const auto mention = exemption_mention(f.category); !mention.empty()) m.emplace_back(mention);
  // The legal form, share capital and RCS registration are not repeated here: every page's foot
  // carries the seller's legal identity (issue 14.13, seller.identity), in every format.
  if (is_business(client) && f.kind == InvoiceKind::invoice) {
    // Code de commerce L441-10 and D441-5: between professionals only.
    const std::string rate =
        f.late_penalty_rate.empty()
            ? std::string("taux de refinancement de la BCE majoré de 10 points")
            : fmt::format("{} % par an",
                          Decimal::parse(f.late_penalty_rate).format(NumberLocale::fr));
    m.push_back(fmt::format(
        "Pénalités de retard : {}, exigibles le jour suivant la date d'échéance", rate));
    m.emplace_back("Indemnité forfaitaire pour frais de recouvrement : 40 €");
    m.push_back(f.early_discount.empty()
                    ? std::string("Pas d'escompte pour paiement anticipé")
                    : fmt::format("Escompte pour paiement anticipé : {}", f.early_discount));
  }
  // CGI art. 242 nonies A, I-13°: an invoice of services by a business that pays VAT on its
  // debits (art. 269-2-c) says so.
  if (f.vat_on_debits && f.category == VatCategory::standard && f.kind == InvoiceKind::invoice)
    m.emplace_back("Option pour le paiement de la taxe d'après les débits");
  if (!f.eur_rate.empty() && f.currency != nullptr) {
    // In French, as the rest of the mentions (issue 14.11): "1,1225" and "27 novembre 2026".
    std::string rate = f.eur_rate;
    try {
      rate = Decimal::parse(f.eur_rate).normalized().format(NumberLocale::fr);
    } catch (const Error&) {
    }
    m.push_back(fmt::format("Taux de change : 1 EUR = {} {} ({}, {})", rate, f.currency->code,
                            rate_source_label(f.eur_rate_source, "fr"),
                            french_long_date(f.eur_rate_date)));
    if (f.vat_eur)
      m.push_back(fmt::format("Montant de la TVA en euros : {}", f.vat_eur->format(Language::fr)));
  }
  // Mentions are French sentences: no-break spaces before their colons and euro signs (14.11).
  for (std::string& mention : m) mention = french_spacing(mention);
  return m;
}

}  // namespace indie
