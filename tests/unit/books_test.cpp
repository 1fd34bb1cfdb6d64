// The books: periods, yearly figures, the receipts journal, the URSSAF declaration, thresholds.
#include <doctest/doctest.h>

#include <random>

#include "indie/core/des.hpp"
#include "indie/core/error.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/period.hpp"
#include "indie/core/receipts.hpp"
#include "indie/core/thresholds.hpp"
#include "indie/core/urssaf.hpp"
#include "indie/core/vat_return.hpp"
#include "indie/core/year_figures.hpp"
#include "indie/core/year_summary.hpp"

using namespace indie;

namespace {
Date on(int y, int m, int d) {
  return Date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
              std::chrono::day(static_cast<unsigned>(d))};
}
ReceiptSource eur_receipt(Date day, std::int64_t cents, Activity a = Activity::bnc) {
  ReceiptSource s;
  s.date = day;
  s.amount_minor = s.received_minor = cents;
  s.currency = s.received_currency = "EUR";
  s.method = "transfer";
  s.shares = {{a, Decimal::from_int(0), cents, 0}};
  return s;
}
const EurPath kNoRates = [](std::string_view, Date) -> FxPath { throw not_found("no rate"); };
}  // namespace

TEST_CASE("periods: months, quarters and years, and the texts that are not") {
  CHECK(parse_period("2026-11").first == on(2026, 11, 1));
  CHECK(parse_period("2026-11").last == on(2026, 11, 30));
  CHECK(parse_period("2026-Q4").first == on(2026, 10, 1));
  CHECK(parse_period("2026q1").last == on(2026, 3, 31));
  CHECK(parse_period("2024-02").last == on(2024, 2, 29));
  CHECK(parse_period("2026").label() == "2026");
  CHECK(parse_period("2026-q4").label() == "2026-Q4");
  CHECK_THROWS_WITH_AS(parse_period("2026-13"), doctest::Contains("a month is 01 to 12"), Error);
  CHECK_THROWS_WITH_AS(parse_period("2026-Q5"), doctest::Contains("a quarter is Q1 to Q4"), Error);
  CHECK_THROWS_AS(parse_period("26-11"), Error);
  CHECK_THROWS_AS(parse_period("2026-1"), Error);
  CHECK_THROWS_AS(parse_period("november"), Error);
}

TEST_CASE("split_exactly: the parts always add up, odd cents to the largest remainders") {
  CHECK(split_exactly(100, {1, 1, 1}) == std::vector<std::int64_t>{34, 33, 33});
  CHECK(split_exactly(-100, {1, 1, 1}) == std::vector<std::int64_t>{-34, -33, -33});
  CHECK(split_exactly(5000, {30000, 20000}) == std::vector<std::int64_t>{3000, 2000});
  CHECK(split_exactly(7, {0, 0}) == std::vector<std::int64_t>{7, 0});
  CHECK(split_exactly(1, {}).empty());
  std::mt19937_64 rng(15);
  for (int i = 0; i < 5000; ++i) {
    const auto total = static_cast<std::int64_t>(rng() % 2'000'000'000) - 1'000'000'000;
    std::vector<std::int64_t> w(1 + rng() % 6);
    for (auto& x : w) x = static_cast<std::int64_t>(rng() % 1'000'000'000);
    const auto parts = split_exactly(total, w);
    std::int64_t sum = 0;
    for (const auto p : parts) sum += p;
    REQUIRE(sum == total);
  }
}

TEST_CASE("a receipt is valued in EUR: credited, the invoice's EUR, or the ECB rate of the day") {
  ReceiptSource usd = eur_receipt(on(2026, 4, 15), 200000);
  usd.currency = usd.received_currency = "USD";
  const EurPath ecb = [](std::string_view code, Date day) {
    CHECK(code == "USD");
    CHECK(day == on(2026, 4, 15));
    return FxPath{{FxLeg{FxQuote{"EUR", "USD", on(2026, 4, 14), Decimal(125, 2), "ECB"}, true}}};
  };
  const Receipt r = value_receipt(usd, ecb);
  CHECK(r.eur_minor == 160000);
  CHECK(r.basis == EurBasis::ecb);
  CHECK(r.net_eur[0] == 160000);
  // Paid into a EUR account: what the bank credited, no rate needed.
  usd.received_currency = "EUR";
  usd.received_minor = 158712;
  CHECK(value_receipt(usd, kNoRates).eur_minor == 158712);
  CHECK(value_receipt(usd, kNoRates).basis == EurBasis::received);
  // A missing rate is an error, never a guess.
  usd.received_currency = "USD";
  CHECK_THROWS_AS(value_receipt(usd, kNoRates), Error);
}

TEST_CASE("a receipt splits like its invoice: activities and VAT add up to the cent") {
  // 1,200.00 TTC: 600 bnc + 400 bic-sales at 20 %, VAT 200 (120 + 80). 100.00 received.
  ReceiptSource s = eur_receipt(on(2026, 6, 1), 10000);
  s.shares = {{Activity::bnc, Decimal::from_int(20), 60000, 12000},
              {Activity::bic_sales, Decimal::from_int(20), 40000, 8000}};
  const Receipt r = value_receipt(s, kNoRates);
  CHECK(r.net_eur[0] == 5000);
  CHECK(r.net_eur[2] == 3333);
  CHECK(r.vat_eur == 1667);
  CHECK(r.net_total() + r.vat_eur == 10000);
}

TEST_CASE("the journal: totals per month, cash under 76 EUR grouped per day when asked") {
  std::vector<Receipt> rs;
  auto cash = [&](Date d, std::int64_t cents, bool consumer) {
    ReceiptSource s = eur_receipt(d, cents);
    s.method = "cash";
    s.consumer = consumer;
    rs.push_back(value_receipt(s, kNoRates));
  };
  cash(on(2026, 6, 1), 5000, true);
  cash(on(2026, 6, 1), 7599, true);
  cash(on(2026, 6, 1), 7600, true);   // 76.00 is not under 76
  cash(on(2026, 6, 1), 2000, false);  // a business client: its own row
  cash(on(2026, 6, 2), 1000, true);
  ReceiptSource refund = eur_receipt(on(2026, 7, 3), -3000);
  refund.kind = ReceiptKind::refund;
  rs.push_back(value_receipt(refund, kNoRates));

  const auto plain = build_journal(rs, on(2026, 6, 1), on(2026, 7, 31), false);
  CHECK(plain.rows.size() == 6);
  CHECK(plain.total_eur == 5000 + 7599 + 7600 + 2000 + 1000 - 3000);
  REQUIRE(plain.months.size() == 2);
  CHECK(plain.months[0].eur_minor == 23199);
  CHECK(plain.months[1].eur_minor == -3000);

  const auto grouped = build_journal(rs, on(2026, 6, 1), on(2026, 7, 31), true);
  REQUIRE(grouped.rows.size() == 5);
  CHECK(grouped.rows[0].grouped == 2);
  CHECK(grouped.rows[0].receipt.eur_minor == 12599);
  CHECK(grouped.rows[3].grouped == 1);  // alone on 2 June
  CHECK(grouped.total_eur == plain.total_eur);
  // Receipts outside the span are left out.
  CHECK(build_journal(rs, on(2026, 7, 1), on(2026, 7, 31), false).rows.size() == 1);
}

TEST_CASE("the URSSAF declaration: whole euros, the year's rates, the ACRE, the due date") {
  const FigureOverrides none;
  const YearFigures f2026(2026, none);
  const auto d =
      declare_urssaf(parse_period("2026-Q2"), {230000, 0, 34550}, f2026, false, std::nullopt);
  CHECK(d.due == on(2026, 7, 31));
  CHECK(d.lines[0].declared_euros == 2300);
  CHECK(d.lines[0].contributions_cents == 58880);  // 25.6 %
  CHECK(d.lines[2].declared_euros == 346);         // 345.50 rounds half up
  CHECK(d.lines[2].contributions_cents == 4256);   // 12.3 % of 346 = 42.558
  CHECK(d.total_cents == 58880 + 460 + 4256 + 35);
  CHECK(urssaf_due_date(parse_period("2026-Q4")) == on(2027, 1, 31));
  CHECK(urssaf_due_date(parse_period("2026-11")) == on(2026, 12, 31));
  // ACRE: 50 % before 1 July 2026, 25 % after, to the end of the third quarter after the start.
  CHECK(acre_last_day(on(2026, 9, 15)) == on(2027, 6, 30));
  const auto acre =
      declare_urssaf(parse_period("2026-10"), {100000, 0, 0}, f2026, true, on(2026, 9, 15));
  CHECK(acre.lines[0].rate == Decimal(192, 1));  // 25.6 x 75 %
  CHECK(acre.lines[0].contributions_cents == 19200);
  CHECK(acre.lines[0].income_tax_cents == 2200);
  const auto after = declare_urssaf(
      parse_period("2027-07"), {100000, 0, 0},
      YearFigures(2027, {{2027, {{"urssaf_bnc", Decimal(256, 1)}, {"cfp_bnc", Decimal(2, 1)}}}}),
      false, on(2026, 9, 15));
  CHECK_FALSE(after.acre_reduction);
  // A year with no figures: the error names the entry and how to add it.
  CHECK_THROWS_WITH_AS(declare_urssaf(parse_period("2031-01"), {100, 0, 0}, YearFigures(2031, none),
                                      false, std::nullopt),
                       doctest::Contains("[figures.2031]\n  urssaf_bnc"), Error);
}

TEST_CASE("thresholds: France only for the franchise, every receipt for the micro ceiling") {
  const FigureOverrides none;
  const YearFigures f(2026, none);
  std::vector<Receipt> rs;
  rs.push_back(value_receipt(eur_receipt(on(2026, 3, 1), 3'000'000), kNoRates));
  ReceiptSource abroad = eur_receipt(on(2026, 4, 1), 2'000'000);
  abroad.abroad = true;
  rs.push_back(value_receipt(abroad, kNoRates));
  rs.push_back(value_receipt(eur_receipt(on(2026, 5, 2), 800'000), kNoRates));
  ThresholdsInput in;
  in.year = 2026;
  in.as_of = on(2026, 12, 31);
  const auto lines = check_thresholds(rs, in, f);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].name == "franchise_services_base");
  CHECK(lines[0].counted_cents == 3'800'000);
  CHECK(lines[0].crossed_on == on(2026, 5, 2));
  CHECK(lines[1].counted_cents == 3'800'000);
  CHECK_FALSE(lines[1].crossed_on);  // 38,000 is under 41,250
  CHECK(lines[2].name == "micro_services_ceiling");
  CHECK(lines[2].counted_cents == 5'800'000);
  // A refund after the crossing does not uncross it.
  ReceiptSource back = eur_receipt(on(2026, 6, 1), -500'000);
  back.kind = ReceiptKind::refund;
  rs.push_back(value_receipt(back, kNoRates));
  const auto later = check_thresholds(rs, in, f);
  CHECK(later[0].counted_cents == 3'300'000);
  CHECK(later[0].crossed_on == on(2026, 5, 2));
  // Only the new crossing is news.
  rs.pop_back();
  rs.pop_back();
  CHECK(newly_crossed(check_thresholds(rs, in, f), lines).size() == 1);
  // Projection at mid-year doubles the count (to the day).
  in.as_of = on(2026, 7, 2);  // day 183 of 365
  CHECK(check_thresholds(rs, in, f)[2].projected_cents == 5'000'000 * 365 / 183);
}

TEST_CASE("yearly figures: shipped, overridden by the config, missing named") {
  FigureOverrides o;
  CHECK(YearFigures(2026, o).get(Figure::urssaf_bnc) == Decimal(256, 1));
  CHECK(YearFigures(2025, o).get(Figure::urssaf_bnc) == Decimal(246, 1));
  o[2026]["urssaf_bnc"] = Decimal(232, 1);  // a CIPAV member
  CHECK(YearFigures(2026, o).get(Figure::urssaf_bnc) == Decimal(232, 1));
  CHECK(YearFigures(2026, o).source(Figure::urssaf_bnc) == "config");
  CHECK(YearFigures(2026, o).cents(Figure::franchise_services_base) == 3'750'000);
  CHECK_FALSE(YearFigures(2027, o).find(Figure::urssaf_bnc));
  CHECK_THROWS_WITH_AS(check_figure("urssaf_bcn", "1"), doctest::Contains("'urssaf_bnc'"), Error);
  CHECK_THROWS_AS(check_figure("urssaf_bnc", "101"), Error);
  CHECK_THROWS_AS(check_figure("urssaf_bnc", "-1"), Error);
  CHECK_THROWS_AS(check_figure("urssaf_bnc", "abc"), Error);
  CHECK(check_figure("franchise_goods_base", "85000") == Decimal::from_int(85000));
}

TEST_CASE("the DES: one line per VAT number, whole euros, 0 left out, the customs' XML") {
  const Period may = parse_period("2026-05");
  const auto d = build_des(may, {{"F1", "DE129273398", "DE", "Globex", 50049},
                                 {"F2", "BE0123456749", "BE", "Brussels", 40},
                                 {"F3", "DE129273398", "DE", "Globex", 100000},
                                 {"A1", "DE129273398", "DE", "Globex", -20000}});
  REQUIRE(d.lines.size() == 1);
  CHECK(d.lines[0].cents == 130049);
  CHECK(d.lines[0].euros == 1300);
  CHECK(d.lines[0].documents == std::vector<std::string>{"F1", "F3", "A1"});
  REQUIRE(d.left_out.size() == 1);  // 0.40 EUR rounds to 0
  CHECK(d.total_euros == 1300);
  const std::string xml = des_xml(d, "FR44732829320", 2605);
  CHECK(xml.find("<num_des>2605</num_des>") != std::string::npos);
  CHECK(xml.find("<mois_des>05</mois_des>") != std::string::npos);
  CHECK(xml.find("<valeur>1300</valeur>") != std::string::npos);
  CHECK(xml.find("<partner_des>DE129273398</partner_des>") != std::string::npos);
  CHECK_THROWS_WITH_AS(des_xml(d, "", 1), doctest::Contains("business.vat_number"), Error);
  CHECK_THROWS_WITH_AS(build_des(may, {{"F9", "", "DE", "Nobody", 100}}),
                       doctest::Contains("F9 is billed under reverse charge to Nobody"), Error);
}

TEST_CASE("VAT included in an amount, rounded once") {
  CHECK(vat_included(12000, Decimal::from_int(20)) == 2000);
  CHECK(vat_included(-12000, Decimal::from_int(20)) == -2000);
  CHECK(vat_included(6050, Decimal::from_int(10)) == 550);
  CHECK(vat_included(10550, Decimal(55, 1)) == 550);
  CHECK(vat_included(1, Decimal::from_int(20)) == 0);
  CHECK_THROWS_WITH_AS(check_tx_vat(VatRegime::franchise, Decimal::from_int(20), "--vat"),
                       doctest::Contains("none is deductible"), Error);
  CHECK_THROWS_WITH_AS(check_tx_vat(VatRegime::standard, Decimal(196, 1), "--vat"),
                       doctest::Contains("not a French rate"), Error);
}

TEST_CASE("the VAT return: services on receipts, goods on invoices, debits, deductible") {
  ReceiptSource paid = eur_receipt(on(2026, 11, 10), 60000);
  paid.shares = {{Activity::bnc, Decimal::from_int(20), 100000, 20000}};
  std::vector<Receipt> receipts = {value_receipt(paid, kNoRates)};
  std::vector<IssuedShares> issued = {
      {"F1", true, {{Activity::bnc, Decimal::from_int(20), 100000, 20000}}},
      {"F2", true, {{Activity::bic_sales, Decimal(55, 1), 20000, 1100}}},
      {"A1", true, {{Activity::bic_sales, Decimal(55, 1), -5000, -275}}},
      {"F3", false, {{Activity::bic_sales, Decimal::from_int(0), 30000, 0}}}};
  ExpenseSource spent;
  spent.currency = "EUR";
  spent.amount_minor = 12000;
  spent.vat_minor = 2000;
  const std::vector<Expense> expenses = {value_expense(spent, kNoRates)};
  const VatReturn r = vat_return(receipts, issued, expenses, false);
  CHECK(r.collected == 10000 + 825);
  CHECK(r.deductible == 2000);
  CHECK(r.due() == 8825);
  REQUIRE(r.lines.size() >= 3);
  CHECK(r.lines[0].ca3_line == "09");  // ordered by basis then rate: invoices 5.5 first
  CHECK(r.lines[0].base_cents == 15000);
  CHECK(r.lines[1].ca3_line == "08");
  CHECK(r.lines[1].basis == "receipts");
  CHECK(r.lines[1].base_cents == 50000);
  CHECK(r.lines[2].kind == "not-taxable");
  CHECK(r.lines[2].base_cents == 30000);
  // On debits, services are due on the invoice, not on the receipt.
  const VatReturn d = vat_return(receipts, issued, expenses, true);
  CHECK(d.collected == 20000 + 825);
  // More deductible than collected: a credit, line 25.
  const VatReturn c = vat_return({}, {}, expenses, false);
  CHECK(c.lines.back().kind == "credit");
  CHECK(c.lines.back().ca3_line == "25");
  CHECK(c.lines.back().vat_cents == 2000);
}

TEST_CASE("the year month by month: receipts, expenses, the running total excluding VAT") {
  std::vector<Receipt> rs;
  ReceiptSource a = eur_receipt(on(2026, 3, 10), 120000);
  a.shares = {{Activity::bnc, Decimal::from_int(20), 100000, 20000}};
  rs.push_back(value_receipt(a, kNoRates));
  rs.push_back(value_receipt(eur_receipt(on(2025, 12, 31), 99999), kNoRates));  // another year
  ReceiptSource back = eur_receipt(on(2026, 7, 2), -10000);
  back.kind = ReceiptKind::refund;
  rs.push_back(value_receipt(back, kNoRates));
  ExpenseSource e;
  e.date = on(2026, 3, 1);
  e.currency = "EUR";
  e.amount_minor = 4200;
  const auto m = year_summary(2026, rs, {value_expense(e, kNoRates)});
  CHECK(m[2].receipts == 120000);
  CHECK(m[2].net == 100000);
  CHECK(m[2].expenses == 4200);
  CHECK(m[0].cumulative_net == 0);
  CHECK(m[5].cumulative_net == 100000);
  CHECK(m[6].cumulative_net == 90000);
  CHECK(m[11].cumulative_net == 90000);
}

TEST_CASE("the category of operation, from the lines' activities") {
  using A = Activity;
  CHECK(operation_category({A::bnc, A::bic_services}) == OperationCategory::services);
  CHECK(operation_category({A::bic_sales}) == OperationCategory::goods);
  CHECK(operation_category({A::bic_sales, A::bnc}) == OperationCategory::mixed);
  CHECK_FALSE(operation_category({A::bnc, std::nullopt}));
  CHECK_FALSE(operation_category({}));
}

TEST_CASE("the period to declare now: the last month or quarter that ended") {
  CHECK(last_ended(Period::Kind::month, on(2026, 12, 1)).label() == "2026-11");
  CHECK(last_ended(Period::Kind::month, on(2026, 1, 31)).label() == "2025-12");
  CHECK(last_ended(Period::Kind::quarter, on(2026, 11, 21)).label() == "2026-Q3");
  CHECK(last_ended(Period::Kind::quarter, on(2026, 1, 5)).label() == "2025-Q4");
}
