#include "indie/core/credit_plan.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

using namespace indie;

namespace {

const Currency& EUR = currency("EUR");

InvoiceLine line(std::int64_t id, int position, const char* qty, const char* price,
                 const char* vat) {
  InvoiceLine l;
  l.id = id;
  l.position = position;
  l.description = "work " + std::to_string(position);
  l.quantity = Decimal::parse(qty);
  l.unit_price = Decimal::parse(price);
  l.vat_rate = Decimal::parse(vat);
  l.project_id = 7;
  return l;
}

Invoice issued(Language lang = Language::fr) {
  Invoice inv;
  inv.id = 1;
  inv.issued = true;
  inv.number = "F2026-0001";
  inv.language = lang;
  return inv;
}

// An issued credit note of `plan`, as the store would give it back.
EarlierCredit as_issued(const CreditPlan& plan, const char* number) {
  return {number, plan.totals.gross.minor(), plan.lines};
}

Money eur(const char* text) { return Money::parse(text, EUR); }

// Two rates: 1000.00 at 20 % and 500.00 at 10 %: 1500.00 HT, 250.00 VAT, 1750.00 TTC.
const std::vector<InvoiceLine> kTwoRates = {line(11, 1, "10", "100", "20"),
                                            line(12, 2, "5", "100", "10")};

}  // namespace

TEST_CASE("a full credit mirrors every line, links it, and cancels the invoice") {
  const CreditPlan plan = plan_credit(issued(), kTwoRates, {}, {});
  REQUIRE(plan.lines.size() == 2);
  CHECK(plan.lines[0].credits_line_id == 11);
  CHECK(plan.lines[1].credits_line_id == 12);
  CHECK_FALSE(plan.lines[0].project_id.has_value());  // a credit line bills no project time
  CHECK(plan.totals.gross == eur("1750.00"));
  CHECK(plan.full);
  CHECK(plan.left.is_zero());
}

TEST_CASE("crediting one line, then the rest, leaves nothing") {
  const CreditPlan first = plan_credit(issued(), kTwoRates, {}, {{"2"}, std::nullopt, false});
  REQUIRE(first.lines.size() == 1);
  CHECK(first.lines[0].position == 1);  // renumbered within the credit note
  CHECK(first.lines[0].credits_line_id == 12);
  CHECK(first.totals.gross == eur("550.00"));
  CHECK_FALSE(first.full);
  CHECK(first.left == eur("1200.00"));

  const CreditPlan rest = plan_credit(issued(), kTwoRates, {as_issued(first, "A2026-0001")}, {});
  REQUIRE(rest.lines.size() == 1);  // only the 20 % rate has anything left
  CHECK(rest.lines[0].description == "Avoir sur la facture F2026-0001 (solde)");
  CHECK(rest.lines[0].vat_rate == Decimal::from_int(20));
  CHECK(rest.totals.gross == eur("1200.00"));
  CHECK(rest.full);
  CHECK(rest.left.is_zero());

  CHECK_THROWS_WITH_AS(
      plan_credit(issued(), kTwoRates,
                  {as_issued(first, "A2026-0001"), as_issued(rest, "A2026-0002")}, {}),
      "F2026-0001 is already fully credited", Error);
}

TEST_CASE("a line is credited once, and must exist") {
  const CreditPlan first = plan_credit(issued(), kTwoRates, {}, {{"1"}, std::nullopt, false});
  CHECK_THROWS_WITH_AS(plan_credit(issued(), kTwoRates, {as_issued(first, "A2026-0001")},
                                   {{"1"}, std::nullopt, false}),
                       "line 1 of F2026-0001 was already credited by A2026-0001", Error);
  for (const char* bad : {"3", "0", "x", "1x", ""})
    CHECK_THROWS_WITH_AS(plan_credit(issued(), kTwoRates, {}, {{bad}, std::nullopt, false}),
                         doctest::Contains("F2026-0001 has lines 1 to 2"), Error);
}

TEST_CASE("an amount credits one rate only, and never more than remains") {
  const std::vector<InvoiceLine> one_rate = {line(21, 1, "3", "100", "20")};  // 360.00 TTC
  const CreditPlan gesture =
      plan_credit(issued(Language::en), one_rate, {}, {{}, eur("100"), false});
  REQUIRE(gesture.lines.size() == 1);
  CHECK(gesture.lines[0].description == "Credit on invoice F2026-0001");
  CHECK(gesture.lines[0].vat_rate == Decimal::from_int(20));
  CHECK(gesture.totals.gross == eur("120.00"));
  CHECK(gesture.left == eur("240.00"));
  CHECK_FALSE(gesture.full);

  CHECK_THROWS_WITH_AS(
      plan_credit(issued(), one_rate, {as_issued(gesture, "A2026-0001")}, {{}, eur("201"), false}),
      "a credit of 241.20 EUR is more than the 240.00 EUR that remains of F2026-0001; credit at "
      "most that",
      Error);
  CHECK_THROWS_WITH_AS(plan_credit(issued(), one_rate, {}, {{}, eur("0"), false}),
                       doctest::Contains("--amount must be more than 0"), Error);
  CHECK_THROWS_WITH_AS(plan_credit(issued(), kTwoRates, {}, {{}, eur("10"), false}),
                       doctest::Contains("has several VAT rates"), Error);
}

TEST_CASE("time goes back only with a full credit; lines and an amount exclude each other") {
  const Error partial = [] {
    try {
      plan_credit(issued(), kTwoRates, {}, {{"1"}, std::nullopt, true});
    } catch (const Error& e) {
      return e;
    }
    FAIL("a partial credit with --release-time was accepted");
    return invalid_input("");
  }();
  CHECK(partial.kind() == ErrorKind::usage);
  CHECK(std::string(partial.what())
            .find("--release-time gives time back only when F2026-0001 is cancelled in full") == 0);
  CHECK(plan_credit(issued(), kTwoRates, {}, {{}, std::nullopt, true}).full);
  CHECK_THROWS_AS(plan_credit(issued(), kTwoRates, {}, {{"1"}, eur("10"), false}), Error);
}
