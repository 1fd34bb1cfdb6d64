// CHECKLIST.md §8.1-8.8 as tests, for the rules that are pure functions of seller, client and
// invoice. Numbering, immutability and payments are tested end to end in
// tests/cli/test_invoice*.sh.
#include "indie/core/legal.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

using namespace indie;

namespace {

BusinessProfile micro() {
  BusinessProfile s;
  s.name = "Camille Martin";
  s.legal_form = LegalForm::ei;
  s.address = "12 rue des Lilas, 32000 Auch";
  s.country = "FR";
  s.siren = "732829320";
  s.vat_regime = VatRegime::franchise;
  return s;
}

Client french_business() {
  Client c;
  c.handle = "acme";
  c.name = "ACME SAS";
  c.address = "1 rue X, 75001 Paris";
  c.country = "FR";
  c.siren = "552100554";
  c.vat_treatment = VatTreatment::domestic;
  return c;
}

LegalFacts facts(VatCategory c, const char* net = "1000") {
  LegalFacts f;
  f.category = c;
  f.currency = &currency("EUR");
  f.net = Money::parse(net, currency("EUR"));
  f.lines = 1;
  f.vat_rates = {default_vat_rate(c)};
  return f;
}

bool has(const std::vector<std::string>& v, std::string_view needle) {
  return std::any_of(v.begin(), v.end(),
                     [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("§8.1 an invoice cannot be issued without its mandatory parts") {
  SUBCASE("complete: nothing missing") {
    CHECK(issue_problems(micro(), french_business(), facts(VatCategory::franchise)).empty());
  }
  SUBCASE("no lines") {
    auto f = facts(VatCategory::franchise);
    f.lines = 0;
    CHECK(has(issue_problems(micro(), french_business(), f), "no lines"));
  }
  SUBCASE("the seller's SIREN and address") {
    auto s = micro();
    s.siren.clear();
    s.address.clear();
    const auto p = issue_problems(s, french_business(), facts(VatCategory::franchise));
    CHECK(has(p, "SIREN"));
    CHECK(has(p, "your business has no address"));
  }
  SUBCASE("the client's address, and a French business client's SIREN") {
    auto c = french_business();
    c.address.clear();
    c.siren.clear();
    const auto p = issue_problems(micro(), c, facts(VatCategory::franchise));
    CHECK(has(p, "indie client edit acme --address"));
    CHECK(has(p, "indie client edit acme --siren"));
  }
  SUBCASE("a consumer needs no SIREN") {
    auto c = french_business();
    c.siren.clear();
    c.vat_treatment = VatTreatment::consumer;
    CHECK(issue_problems(micro(), c, facts(VatCategory::franchise)).empty());
  }
}

TEST_CASE("§8.2 an EI's name carries EI") {
  CHECK(seller_display_name(micro()) == "Camille Martin EI");
  auto s = micro();
  s.name = "Camille Martin EI";
  CHECK(seller_display_name(s) == "Camille Martin EI");
  s.name = "Camille Martin, entrepreneur individuel";
  CHECK(seller_display_name(s) == s.name);
  s.legal_form = LegalForm::sasu;
  s.name = "Martin Conseil";
  CHECK(seller_display_name(s) == "Martin Conseil");
  s = micro();
  s.rcs_city = "Auch";
  // The RCS registration is in the foot of every page (seller.identity), not among the mentions.
  CHECK_FALSE(has(legal_mentions(s, french_business(), facts(VatCategory::franchise)), "RCS"));
}

TEST_CASE("§8.3 franchise en base: the 293 B mention, category E, and no VAT rate above 0") {
  CHECK(vat_category(VatRegime::franchise, VatTreatment::domestic) == VatCategory::franchise);
  CHECK(vat_category(VatRegime::franchise, VatTreatment::consumer) == VatCategory::franchise);
  CHECK(category_code(VatCategory::franchise) == "E");
  CHECK(exemption_code(VatCategory::franchise) == "VATEX-FR-FRANCHISE");
  CHECK(has(legal_mentions(micro(), french_business(), facts(VatCategory::franchise)),
            "TVA non applicable, art. 293 B du CGI"));
  CHECK_THROWS_WITH_AS(check_vat_rate(VatCategory::franchise, Decimal::from_int(20)),
                       doctest::Contains("franchise"), Error);
  CHECK_NOTHROW(check_vat_rate(VatCategory::franchise, Decimal::from_int(0)));
  auto f = facts(VatCategory::franchise);
  f.vat_rates = {Decimal::from_int(20)};
  CHECK(has(issue_problems(micro(), french_business(), f), "franchise"));
}

TEST_CASE("§8.4 a company shows its form, capital, RCS, and its VAT number above 150 EUR") {
  auto s = micro();
  s.legal_form = LegalForm::sasu;
  s.name = "Martin Conseil";
  s.vat_regime = VatRegime::standard;
  auto p = issue_problems(s, french_business(), facts(VatCategory::standard));
  CHECK(has(p, "share capital"));
  CHECK(has(p, "RCS"));
  CHECK(has(p, "VAT number"));
  // Domestic and at most 150 EUR HT: the VAT number may be left out.
  CHECK_FALSE(
      has(issue_problems(s, french_business(), facts(VatCategory::standard, "150")), "VAT number"));
  s.share_capital = "1000 EUR";
  s.rcs_city = "Paris";
  s.vat_number = "FR44732829320";
  CHECK(issue_problems(s, french_business(), facts(VatCategory::standard)).empty());
  // Printed once, in the foot of every page (seller.identity), not again among the mentions.
  CHECK_FALSE(
      has(legal_mentions(s, french_business(), facts(VatCategory::standard)), "au capital de"));
}

TEST_CASE(
    "§8.5 B2B mentions: penalties, the 40 EUR indemnity, no discount — none for consumers — terms "
    "at "
    "most 60 days") {
  const auto m = legal_mentions(micro(), french_business(), facts(VatCategory::franchise));
  CHECK(has(m, "Pénalités de retard\u00A0: taux de refinancement de la BCE majoré de 10 points"));
  CHECK(has(m, "Indemnité forfaitaire pour frais de recouvrement\u00A0: 40\u00A0€"));
  CHECK(has(m, "Pas d'escompte"));
  auto consumer = french_business();
  consumer.vat_treatment = VatTreatment::consumer;
  const auto mc = legal_mentions(micro(), consumer, facts(VatCategory::franchise));
  CHECK_FALSE(has(mc, "40 €"));
  CHECK_FALSE(has(mc, "Pénalités"));
  auto f = facts(VatCategory::franchise);
  f.payment_terms = PaymentTerms{90, false};
  CHECK(has(issue_problems(micro(), french_business(), f), "60 days"));
  CHECK_FALSE(has(issue_problems(micro(), consumer, f), "60 days"));
}

TEST_CASE("§8.6 EU reverse charge: no VAT, Autoliquidation, both VAT numbers") {
  CHECK(vat_category(VatRegime::standard, VatTreatment::eu_business) ==
        VatCategory::reverse_charge);
  CHECK(vat_category(VatRegime::franchise, VatTreatment::eu_business) ==
        VatCategory::reverse_charge);
  CHECK(category_code(VatCategory::reverse_charge) == "AE");
  CHECK(exemption_code(VatCategory::reverse_charge) == "VATEX-EU-AE");
  auto c = french_business();
  c.country = "DE";
  c.siren.clear();
  c.vat_treatment = VatTreatment::eu_business;
  const auto p = issue_problems(micro(), c, facts(VatCategory::reverse_charge));
  CHECK(has(p, "client's VAT number"));
  CHECK(has(p, "your intra-EU VAT number"));
  CHECK_THROWS_AS(check_vat_rate(VatCategory::reverse_charge, Decimal::from_int(20)), Error);
  CHECK(has(legal_mentions(micro(), c, facts(VatCategory::reverse_charge)), "Autoliquidation"));
  auto s = micro();
  s.vat_number = "FR44732829320";
  c.vat_number = "DE123456789";
  CHECK(issue_problems(s, c, facts(VatCategory::reverse_charge)).empty());
}

TEST_CASE("services to a business outside the EU: no French VAT, art. 259-1") {
  CHECK(vat_category(VatRegime::standard, VatTreatment::non_eu_business) ==
        VatCategory::outside_scope);
  CHECK(
      has(legal_mentions(micro(), french_business(), facts(VatCategory::outside_scope)), "259-1"));
  CHECK_THROWS_AS(check_vat_rate(VatCategory::outside_scope, Decimal(55, 1)), Error);
}

TEST_CASE("standard regime: French rates only — consumers are charged VAT without B2B mentions") {
  CHECK(vat_category(VatRegime::standard, VatTreatment::consumer) == VatCategory::standard);
  for (const char* r : {"20", "10", "5.5", "2.1"})
    CHECK_NOTHROW(check_vat_rate(VatCategory::standard, Decimal::parse(r)));
  CHECK_THROWS_WITH_AS(check_vat_rate(VatCategory::standard, Decimal::parse("19.6")),
                       doctest::Contains("20, 10, 5.5, 2.1"), Error);
  CHECK(exemption_mention(VatCategory::standard).empty());
}

TEST_CASE(
    "§8.7 foreign currency: a rate is required, printed with its date and source, and VAT in EUR") {
  auto f = facts(VatCategory::standard);
  f.currency = &currency("USD");
  auto s = micro();
  s.vat_regime = VatRegime::standard;
  s.vat_number = "FR44732829320";
  CHECK(has(issue_problems(s, french_business(), f), "--eur-rate"));
  f.eur_rate = "1.1225";
  f.eur_rate_date = "2026-11-20";
  f.eur_rate_source = "BCE";
  f.vat_eur = Money::parse("712.69", currency("EUR"));
  CHECK(issue_problems(s, french_business(), f).empty());
  const auto m = legal_mentions(s, french_business(), f);
  // In French, as the other mentions (issue 14.11): a decimal comma and the date in words.
  CHECK(has(m, "1 EUR = 1,1225 USD (BCE, 20 novembre 2026)"));
  CHECK(has(m, "Montant de la TVA en euros\u00A0: 712,69"));
}

TEST_CASE(
    "§8.8 a credit note cites the original's number and date, without the B2B payment mentions") {
  auto f = facts(VatCategory::franchise);
  f.kind = InvoiceKind::credit_note;
  f.original_number = "F2026-0007";
  f.original_date = "2026-11-02";
  const auto m = legal_mentions(micro(), french_business(), f);
  CHECK(has(m, "Avoir sur la facture n° F2026-0007 du 2026-11-02"));
  CHECK(has(m, "293 B"));
  CHECK_FALSE(has(m, "Pénalités"));
  CHECK(type_code(InvoiceKind::credit_note) == 381);
  CHECK(type_code(InvoiceKind::invoice) == 380);
}

TEST_CASE("payment terms: days, or days end of month, and their legal caps between businesses") {
  const Date nov20{std::chrono::year(2026), std::chrono::November, std::chrono::day(20)};
  CHECK(PaymentTerms::parse("30").due_date(nov20) ==
        Date{std::chrono::year(2026), std::chrono::December, std::chrono::day(20)});
  // 45 days after 20 November is 4 January; the end of that month is 31 January.
  const PaymentTerms eom = PaymentTerms::parse("45 EOM");
  CHECK(eom.end_of_month);
  CHECK(eom.to_string() == "45eom");
  CHECK(eom.due_date(nov20) ==
        Date{std::chrono::year(2027), std::chrono::January, std::chrono::day(31)});
  CHECK(eom.text(Language::fr) == "45 jours fin de mois");
  CHECK(PaymentTerms::parse("0").text(Language::en) == "Due on receipt");
  CHECK(PaymentTerms::parse("45fdm") == eom);
  CHECK(eom.b2b_refusal("acme").empty());
  CHECK(PaymentTerms::parse("46eom").b2b_refusal("acme").find("--terms 45eom") !=
        std::string::npos);
  CHECK(PaymentTerms::parse("60").b2b_refusal("acme").empty());
  CHECK_FALSE(PaymentTerms::parse("61").b2b_refusal("acme").empty());
  for (const char* bad : {"", "eom", "-1", "366", "30 days", "3O"})
    CHECK_THROWS_AS(PaymentTerms::parse(bad), Error);
}

TEST_CASE("the late-payment penalty floor is 3 times the legal interest rate of the half-year") {
  using std::chrono::day, std::chrono::year;
  CHECK(late_penalty_floor(Date{year(2026), std::chrono::March, day(1)}).to_string() == "7.86");
  CHECK(late_penalty_floor(Date{year(2025), std::chrono::September, day(1)}).to_string() == "8.28");
  CHECK(late_penalty_floor(Date{year(2025), std::chrono::January, day(1)}).to_string() == "11.13");
  // After the newest arrêté shipped, its rate stands.
  CHECK(legal_interest_rate(Date{year(2026), std::chrono::November, day(1)}).to_string() == "2.62");
}

TEST_CASE("mentions keep French typography: no line break before a colon, a percent or a euro") {
  CHECK(french_spacing("Pénalités : 12 % par an ; « voir » 40 € ?") ==
        "Pénalités\u00A0: 12\u00A0% par an\u202F; «\u00A0voir\u00A0» 40\u00A0€\u202F?");
  CHECK(french_spacing("https://example.org 10:30") == "https://example.org 10:30");
  BusinessProfile seller;
  seller.name = "Camille Martin";
  seller.vat_regime = VatRegime::franchise;
  Client client;
  client.handle = "acme";
  client.siren = "552100554";
  LegalFacts f;
  for (const auto& m : legal_mentions(seller, client, f))
    CHECK_MESSAGE(m.find(" :") == std::string::npos, m);
}
