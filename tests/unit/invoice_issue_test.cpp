#include "indie/core/invoice_issue.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "indie/core/error.hpp"

using namespace indie;

namespace {
Date day(const char* iso) { return parse_date(iso, Date{}); }
}  // namespace

TEST_CASE("series: credit notes have their own, and each year is one with the yearly reset") {
  InvoiceDefaults d;
  CHECK(series_of(d, InvoiceKind::invoice, day("2026-11-30")) == "invoice/2026");
  CHECK(series_of(d, InvoiceKind::credit_note, day("2027-01-02")) == "credit-note/2027");
  d.yearly_reset = false;
  CHECK(series_of(d, InvoiceKind::invoice, day("2026-11-30")) == "invoice");
}

TEST_CASE("numbers come from the pattern of the kind") {
  InvoiceDefaults d;
  CHECK(number_for(d, InvoiceKind::invoice, day("2026-11-30"), 7) == "F2026-0007");
  CHECK(number_for(d, InvoiceKind::credit_note, day("2026-11-30"), 12) == "A2026-0012");
  d.number_pattern = "{YY}{MM}-{SEQ}";
  CHECK(number_for(d, InvoiceKind::invoice, day("2026-03-01"), 3) == "2603-3");
}

TEST_CASE("numbers follow the order of dates within a series") {
  CHECK_NOTHROW(check_issue_order(InvoiceKind::invoice, day("2026-11-20"), std::nullopt));
  CHECK_NOTHROW(check_issue_order(InvoiceKind::invoice, day("2026-11-20"), day("2026-11-20")));
  CHECK_THROWS_WITH_AS(
      check_issue_order(InvoiceKind::credit_note, day("2026-11-19"), day("2026-11-20")),
      "the issue date 2026-11-19 is before the last credit note of the series (2026-11-20); "
      "numbers "
      "must follow the order of dates, so issue it on 2026-11-20 or later",
      Error);
}

TEST_CASE("an issue date is within a week of today unless forced") {
  const Date today = day("2026-12-01");
  CHECK_NOTHROW(check_issue_date(InvoiceKind::invoice, today, today, false));
  CHECK_NOTHROW(check_issue_date(InvoiceKind::invoice, day("2026-11-24"), today, false));
  CHECK_NOTHROW(check_issue_date(InvoiceKind::invoice, day("2026-12-08"), today, false));
  CHECK_THROWS_WITH_AS(check_issue_date(InvoiceKind::invoice, day("2026-11-23"), today, false),
                       doctest::Contains("8 days before today (2026-12-01)"), Error);
  CHECK_THROWS_WITH_AS(check_issue_date(InvoiceKind::credit_note, day("2026-12-09"), today, false),
                       doctest::Contains("a credit note cannot be dated in the future"), Error);
  CHECK_THROWS_WITH_AS(check_issue_date(InvoiceKind::invoice, day("2025-12-31"), today, false),
                       doctest::Contains("would open a series for 2025"), Error);
  CHECK_NOTHROW(check_issue_date(InvoiceKind::invoice, day("2025-12-31"), today, true));
}

TEST_CASE("the VAT category follows the regime and the client — stored codes read back") {
  Config config;
  Client home, eu;
  home.vat_treatment = VatTreatment::domestic;
  eu.vat_treatment = VatTreatment::eu_business;
  CHECK(category_for(config, home) == VatCategory::franchise);
  CHECK(category_for(config, eu) == VatCategory::reverse_charge);
  config.business.vat_regime = VatRegime::standard;
  CHECK(category_for(config, home) == VatCategory::standard);
  CHECK(default_rate(config, VatCategory::standard) == Decimal::from_int(20));
  CHECK(default_rate(config, VatCategory::reverse_charge) == Decimal::from_int(0));
  for (auto c : {VatCategory::standard, VatCategory::franchise, VatCategory::reverse_charge,
                 VatCategory::outside_scope})
    CHECK(parse_category(category_code(c)) == c);
}

TEST_CASE(
    "freezing keeps the totals, the VAT in EUR at the frozen rate, and who the parties were") {
  Config config;
  config.business.name = "Camille Martin";
  config.business.vat_regime = VatRegime::standard;
  Client client;
  client.name = "Initech";
  client.legal_name = "Initech Inc.";
  client.vat_treatment = VatTreatment::non_eu_business;
  Invoice inv;
  inv.currency = "USD";
  inv.eur_rate = "1.1225";
  InvoiceLine l;
  l.quantity = Decimal::from_int(1);
  l.unit_price = Decimal::parse("800");
  l.vat_rate = Decimal::from_int(20);
  const InvoiceTotals totals = compute_totals({l}, currency("USD"));
  LegalFacts facts =
      facts_of(inv, {l}, totals, VatCategory::standard, client, config.invoice, Date{});
  freeze(inv, totals, config, client, facts);
  CHECK(inv.net_minor == 80000);
  CHECK(inv.vat_minor == 16000);
  CHECK(inv.gross_minor == 96000);
  CHECK(inv.vat_eur_minor == 14254);  // 160.00 / 1.1225 = 142.538… -> 142.54
  REQUIRE(facts.vat_eur.has_value());
  CHECK(facts.vat_eur->to_string() == "142.54");
  const auto buyer = nlohmann::json::parse(inv.buyer);
  CHECK(buyer["name"] == "Initech Inc.");
  CHECK(buyer["display_name"] == "Initech");
  CHECK(nlohmann::json::parse(inv.seller)["name"] == "Camille Martin EI");
}

TEST_CASE("issuing settles each line's activity: own, credited line, rate, project, business") {
  const auto line = [](int pos, const char* rate, std::optional<Activity> a = std::nullopt) {
    InvoiceLine l;
    l.id = pos;
    l.position = pos;
    l.description = "line";
    l.vat_rate = Decimal::parse(rate);
    l.activity = a;
    return l;
  };
  const auto none = [](std::int64_t) { return std::optional<Activity>(); };
  // The invoice credited: services at 20 %, goods at 5.5 %.
  const std::vector<InvoiceLine> invoice = {line(1, "20", Activity::bnc),
                                            line(2, "5.5", Activity::bic_sales)};
  std::vector<InvoiceLine> note = {line(1, "20"), line(2, "5.5"), line(3, "5.5")};
  note[2].credits_line_id = 1;  // a credit of line 1, whatever its rate
  settle_activities(note, invoice, none, Activity::mixed);
  CHECK(note[0].activity == Activity::bnc);        // an amount at 20 %: the 20 % lines'
  CHECK(note[1].activity == Activity::bic_sales);  // at 5.5 %: the 5.5 % lines'
  CHECK(note[2].activity == Activity::bnc);        // the credited line's
  // A rate the invoice has twice over activities: the invoice's single activity, if any.
  std::vector<InvoiceLine> one = {line(1, "10")};
  settle_activities(one, {line(1, "20", Activity::bnc)}, none, Activity::mixed);
  CHECK(one[0].activity == Activity::bnc);
  // Own, then project, then business; a mixed business with none is refused, naming the line.
  std::vector<InvoiceLine> lines = {line(1, "20", Activity::bic_services), line(2, "20"),
                                    line(3, "20")};
  lines[1].project_id = 7;
  settle_activities(
      lines, {},
      [](std::int64_t id) { return id == 7 ? std::optional(Activity::bic_sales) : std::nullopt; },
      Activity::bnc);
  CHECK(lines[0].activity == Activity::bic_services);
  CHECK(lines[1].activity == Activity::bic_sales);
  CHECK(lines[2].activity == Activity::bnc);
  std::vector<InvoiceLine> bare = {line(4, "20")};
  CHECK_THROWS_WITH_AS(settle_activities(bare, {}, none, Activity::mixed),
                       doctest::Contains("line 4 (line): business.activity is mixed"), Error);
}
