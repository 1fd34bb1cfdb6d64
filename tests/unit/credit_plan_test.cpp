#include "indie/core/credit_plan.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <array>
#include <map>
#include <optional>
#include <random>

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

TEST_CASE("an amount credits its rate, and never more than remains") {
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
      "a credit of 201.00 EUR excluding VAT is more than the 200.00 EUR that remains of "
      "F2026-0001; credit at most that",
      Error);
  CHECK_THROWS_WITH_AS(plan_credit(issued(), one_rate, {}, {{}, eur("0"), false}),
                       doctest::Contains("--amount must be more than 0"), Error);
}

TEST_CASE("an amount on several rates is split pro rata of their bases, to the cent") {
  // 1000.00 at 20 % and 500.00 at 10 %: 100.00 is 66.67 at 20 % and 33.33 at 10 %.
  const CreditPlan gesture = plan_credit(issued(), kTwoRates, {}, {{}, eur("100"), false});
  REQUIRE(gesture.lines.size() == 2);
  CHECK(gesture.lines[0].vat_rate == Decimal::from_int(20));
  CHECK(gesture.lines[0].unit_price == Decimal::parse("66.67"));
  CHECK(gesture.lines[1].unit_price == Decimal::parse("33.33"));
  CHECK(gesture.totals.net == eur("100.00"));
  CHECK(gesture.totals.vat == eur("16.66"));  // 13.33 + 3.33
  // A second amount is split by what is left of the bases (933.33 and 466.67).
  const CreditPlan more = plan_credit(issued(), kTwoRates, {as_issued(gesture, "A2026-0001")},
                                      {{}, eur("1400"), false});
  CHECK(more.totals.net == eur("1400.00"));
  CHECK(more.full);  // all the base left: the VAT left goes with it
  CHECK(more.left.is_zero());
}

TEST_CASE("a line credited in part, by quantity, then the rest of it") {
  const CreditPlan two_days =
      plan_credit(issued(), kTwoRates, {}, {{"1"}, std::nullopt, false, Decimal::parse("2")});
  REQUIRE(two_days.lines.size() == 1);
  CHECK(two_days.lines[0].quantity == Decimal::parse("2"));
  CHECK(two_days.lines[0].credits_line_id == 11);
  CHECK(two_days.totals.gross == eur("240.00"));
  const std::vector<EarlierCredit> earlier = {as_issued(two_days, "A2026-0001")};
  CHECK_THROWS_WITH_AS(
      plan_credit(issued(), kTwoRates, earlier, {{"1"}, std::nullopt, false, Decimal::parse("9")}),
      "--qty 9: line 1 of F2026-0001 has 8 left to credit", Error);
  const CreditPlan rest = plan_credit(issued(), kTwoRates, earlier, {{"1"}, std::nullopt, false});
  CHECK(rest.lines[0].quantity == Decimal::parse("8"));
  CHECK_THROWS_WITH_AS(
      plan_credit(issued(), kTwoRates, {}, {{"1", "2"}, std::nullopt, false, Decimal::parse("1")}),
      doctest::Contains("--qty credits part of one line"), Error);
}

TEST_CASE("regression 14.4: notes rounded one by one, then the rest, close to the cent") {
  // Two lines of 0.03 at 20 %: the invoice's VAT is 0.01 (20 % of 0.06 is 0.012), but each line
  // alone rounds 0.006 up to 0.01. Crediting line 1 took the whole VAT; the rest must credit
  // 0.03 and no VAT, not 0.03 + 0.01, which was "more than the 0.03 that remains".
  const std::vector<InvoiceLine> tiny = {line(31, 1, "1", "0.03", "20"),
                                         line(32, 2, "1", "0.03", "20")};
  const CreditPlan first = plan_credit(issued(), tiny, {}, {{"1"}, std::nullopt, false});
  CHECK(first.totals.vat == eur("0.01"));
  const std::vector<EarlierCredit> earlier = {as_issued(first, "A2026-0001")};
  const CreditPlan rest = plan_credit(issued(), tiny, earlier, {});
  CHECK(rest.full);
  CHECK(rest.totals.net == eur("0.03"));
  CHECK(rest.totals.vat == eur("0.00"));
  CHECK(rest.lines[0].fixed_vat_minor == 0);  // fixed: 20 % of 0.03 would say 0.01
  CHECK(rest.left.is_zero());
  // The same by line: crediting line 2 takes the last of the base, so the last of the VAT.
  const CreditPlan by_line = plan_credit(issued(), tiny, earlier, {{"2"}, std::nullopt, false});
  CHECK(by_line.full);
  CHECK(by_line.totals.gross == eur("0.03"));
}

TEST_CASE("time goes back only with a full credit — lines and an amount exclude each other") {
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

// Property (issue 14.4): whatever an invoice holds and whatever sequence of line, quantity,
// amount and full credits is made of it, the credits end at exactly nothing left, base, VAT and
// TTC, for each rate; and no credit the user may ask is refused for a cent the planner created.
TEST_CASE("property: any sequence of credits ends at exactly zero") {
  std::mt19937_64 rng(20261201);
  const auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const std::array<const char*, 4> rates = {"20", "10", "5.5", "0"};
  for (int round = 0; round < 3000; ++round) {
    std::vector<InvoiceLine> lines;
    const int n = static_cast<int>(pick(1, 5));
    for (int i = 0; i < n; ++i) {
      const std::string qty = std::to_string(pick(1, 12));
      // Prices with up to four decimals, so lines round and VAT lands on half cents.
      const std::string price = fmt::format("{}.{:04}", pick(0, 300), pick(0, 9999));
      lines.push_back(line(100 + i, i + 1, qty.c_str(), price.c_str(),
                           rates[static_cast<std::size_t>(pick(0, 3))]));
    }
    const InvoiceTotals whole = compute_totals(lines, EUR);
    if (whole.gross.minor() == 0) continue;
    std::vector<EarlierCredit> earlier;
    Money credited = Money::zero(EUR);
    bool closed = false, by_amount = false;
    for (int step = 0; step < 6 && !closed; ++step) {
      CreditRequest r;
      const auto kind = pick(0, 3);
      if (kind == 0) {
        r.lines = {std::to_string(pick(1, n))};
      } else if (kind == 1) {
        r.lines = {std::to_string(pick(1, n))};
        r.quantity = Decimal::from_int(1);
      } else if (kind == 2) {
        r.amount = Money(pick(1, std::max<std::int64_t>(1, whole.net.minor() / 3)), EUR);
      }  // kind 3: all that remains
      std::optional<CreditPlan> planned;
      try {
        planned = plan_credit(issued(), lines, earlier, r);
      } catch (const Error& e) {
        // Refusals the user caused: a line already credited, a quantity or an amount beyond
        // what is left, a line larger than what credits by amount left of it. Never "more than
        // remains" otherwise.
        const std::string what = e.what();
        const bool legit =
            what.find("already credited") != std::string::npos ||
            what.find("left to credit") != std::string::npos ||
            (by_amount && (what.find("that remains of") != std::string::npos ||
                           what.find("credits by amount took part") != std::string::npos)) ||
            (kind == 2 && what.find("excluding VAT is more than") != std::string::npos);
        if (!legit) FAIL_CHECK("round " << round << " step " << step << ": " << what);
        continue;
      }
      const CreditPlan& plan = *planned;
      by_amount = by_amount || kind == 2;
      credited += plan.totals.gross;
      earlier.push_back(as_issued(plan, "A"));
      closed = plan.full;
      CHECK(plan.left == whole.gross - credited);
    }
    if (!closed) {
      const CreditPlan rest = plan_credit(issued(), lines, earlier, {});
      credited += rest.totals.gross;
      earlier.push_back(as_issued(rest, "A"));
      CHECK(rest.full);
    }
    CHECK(credited == whole.gross);
    // Per rate, the notes credited exactly the invoice's base and VAT.
    std::map<Decimal, std::pair<std::int64_t, std::int64_t>> by_rate;
    for (const auto& c : earlier)
      for (const auto& v : compute_totals(c.lines, EUR).by_rate) {
        by_rate[v.rate].first += v.base.minor();
        by_rate[v.rate].second += v.vat.minor();
      }
    for (const auto& v : whole.by_rate) {
      CHECK(by_rate[v.rate].first == v.base.minor());
      CHECK(by_rate[v.rate].second == v.vat.minor());
    }
    CHECK_THROWS_WITH_AS(plan_credit(issued(), lines, earlier, {}),
                         doctest::Contains("already fully credited"), Error);
  }
}
