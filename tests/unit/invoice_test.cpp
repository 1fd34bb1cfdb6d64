#include "indie/core/invoice.hpp"

#include <doctest/doctest.h>

#include <random>

#include "indie/core/error.hpp"

using namespace indie;

namespace {

InvoiceLine line(const char* qty, const char* price, const char* vat = "0",
                 const char* discount = "0") {
  InvoiceLine l;
  l.description = "work";
  l.quantity = Decimal::parse(qty);
  l.unit_price = Decimal::parse(price);
  l.vat_rate = Decimal::parse(vat);
  l.discount = Decimal::parse(discount);
  return l;
}

const Currency& EUR = currency("EUR");

bool line_net_within_limit(const InvoiceLine& l, const Currency& cur) {
  try {
    line_net(l, cur);
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace

TEST_CASE("a line total is quantity x price less the discount, rounded once half away from zero") {
  CHECK(line_net(line("2.5", "650"), EUR).to_string() == "1625.00");
  CHECK(line_net(line("1", "0.005"), EUR).to_string() == "0.01");  // half away from zero
  CHECK(line_net(line("3", "0.333333"), EUR).to_string() == "1.00");
  // The discount applies before rounding, not to a rounded gross: 1 x 10.05 less 50% = 5.025
  // -> 5.03.
  CHECK(line_net(line("1", "10.05", "0", "50"), EUR).to_string() == "5.03");
  CHECK(line_gross(line("1", "10.05", "0", "50"), EUR).to_string() == "10.05");
  CHECK(line_net(line("2.5", "650", "20", "10"), EUR).to_string() == "1462.50");
  CHECK(line_net(line("1.25", "1000", "0"), currency("JPY")).to_string() == "1250");
  CHECK(line_net(line("1", "1.2345"), currency("BHD")).to_string() == "1.235");
}

TEST_CASE("RESEARCH §7.3 vectors: half-up VAT, per-rate VAT, franchise") {
  SUBCASE("half-up VAT: 182631.82 at 19% is 34700.05, not .04") {
    const auto t = compute_totals({line("1", "182631.82", "19")}, EUR);
    CHECK(t.vat.to_string() == "34700.05");
  }
  SUBCASE("per rate, not per line: 3 x 0.03 at 20% is 0.02 of VAT") {
    const auto t = compute_totals(
        {line("1", "0.03", "20"), line("1", "0.03", "20"), line("1", "0.03", "20")}, EUR);
    CHECK(t.net.to_string() == "0.09");
    CHECK(t.vat.to_string() == "0.02");
    CHECK(t.gross.to_string() == "0.11");
  }
  SUBCASE("line rounding: 2 x 348.11 at 25%") {
    const auto t = compute_totals({line("2", "348.11", "25")}, EUR);
    CHECK(t.net.to_string() == "696.22");
    CHECK(t.vat.to_string() == "174.06");  // 174.055 -> 174.06
  }
  SUBCASE("franchise: 5 x 450 + 1 x 300 is HT = TTC = 2550.00, VAT 0") {
    const auto t = compute_totals({line("5", "450"), line("1", "300")}, EUR);
    CHECK(t.net.to_string() == "2550.00");
    CHECK(t.vat.to_string() == "0.00");
    CHECK(t.gross == t.net);
  }
  SUBCASE("several rates: one breakdown per rate, highest first") {
    const auto t = compute_totals(
        {line("1", "100", "5.5"), line("1", "200", "20"), line("1", "50", "20")}, EUR);
    REQUIRE(t.by_rate.size() == 2);
    CHECK(t.by_rate[0].rate == Decimal::from_int(20));
    CHECK(t.by_rate[0].base.to_string() == "250.00");
    CHECK(t.by_rate[0].vat.to_string() == "50.00");
    CHECK(t.by_rate[1].vat.to_string() == "5.50");
    CHECK(t.gross.to_string() == "405.50");
  }
}

TEST_CASE("EUR conversion at an ECB rate is rounded once: 800.00 USD at 1.1225 is 712.69 EUR") {
  CHECK(to_eur(Money::parse("800.00", currency("USD")), Decimal::parse("1.1225")).to_string() ==
        "712.69");
  CHECK(to_eur(Money::parse("10000", currency("JPY")), Decimal::parse("161.5")).to_string() ==
        "61.92");
  CHECK_THROWS_AS(to_eur(Money::parse("1", currency("USD")), Decimal::parse("0")), Error);
  CHECK(convert(Money::parse("100", EUR), Decimal::parse("1.1225"), currency("USD")).to_string() ==
        "112.25");
  // Cross rates go through EUR: 100 GBP at 0.85/EUR is 117.647… EUR, at 1.1225 USD/EUR 132.06 USD.
  CHECK(cross_convert(Money::parse("100", currency("GBP")), Decimal::parse("0.85"),
                      Decimal::parse("1.1225"), currency("USD"))
            .to_string() == "132.06");
}

TEST_CASE("a line refuses what cannot be billed, naming the field") {
  const auto refuses = [](InvoiceLine l, const char* word) {
    try {
      check_line(l);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find(word) != std::string::npos);
    }
  };
  refuses(line("0", "10"), "quantity");
  refuses(line("-1", "10"), "quantity");
  refuses(line("1.00001", "10"), "quantity");
  refuses(line("1", "-10"), "price");
  refuses(line("1", "1.0000001"), "price");
  refuses(line("1", "10", "0", "100"), "discount");
  refuses(line("1", "10", "-5"), "VAT");
  InvoiceLine blank = line("1", "10");
  blank.description = "  ";
  refuses(blank, "description");
  CHECK_NOTHROW(check_line(line("2.5", "650.123456", "20", "12.5")));
}

TEST_CASE("units and periods as users write them") {
  CHECK(normalize_unit("hours") == "h");
  CHECK(normalize_unit("jour") == "d");
  CHECK(normalize_unit("forfait") == "u");
  CHECK_THROWS_AS(normalize_unit("parsec"), Error);
  const Date today{std::chrono::year(2026), std::chrono::November, std::chrono::day(21)};
  CHECK(ServicePeriod::parse("2026-11-01..2026-11-15", today).to_string() ==
        "2026-11-01..2026-11-15");
  CHECK(ServicePeriod::parse("2026-11-03", today).to_string() == "2026-11-03");
  CHECK(ServicePeriod::parse("yesterday", today).to_string() == "2026-11-20");
  CHECK_THROWS_AS(ServicePeriod::parse("2026-11-15..2026-11-01", today), Error);
}

TEST_CASE("an invoice's status follows credit notes, payments and the due date") {
  const Date due{std::chrono::year(2026), std::chrono::December, std::chrono::day(21)};
  const Date before = add_days(due, -1), after = add_days(due, 1);
  const auto m = [](const char* v) { return Money::parse(v, EUR); };
  CHECK(invoice_status({m("100"), m("0"), m("0")}, due, before) == InvoiceStatus::issued);
  CHECK(invoice_status({m("100"), m("0"), m("40")}, due, before) == InvoiceStatus::partly_paid);
  CHECK(invoice_status({m("100"), m("0"), m("40")}, due, after) == InvoiceStatus::overdue);
  CHECK(invoice_status({m("100"), m("0"), m("100")}, due, after) == InvoiceStatus::paid);
  CHECK(invoice_status({m("100"), m("30"), m("70")}, due, after) == InvoiceStatus::paid);
  CHECK(invoice_status({m("100"), m("100"), m("0")}, due, after) == InvoiceStatus::cancelled);
  CHECK(invoice_status({m("100"), m("100"), m("100")}, due, after) == InvoiceStatus::cancelled);
  CHECK(days_between(due, after) == 1);
  CHECK(parse_invoice_status("partly-paid") == InvoiceStatus::partly_paid);
  CHECK_THROWS_AS(parse_invoice_status("late"), Error);
}

// Property: on random invoices the printed numbers always add up. The sum of the line totals
// is HT, each rate's VAT is its base times the rate rounded once, TTC = HT + TVA, and credit
// notes plus payments account for the whole balance.
TEST_CASE("property: random invoices reconcile to the cent") {
  std::mt19937_64 rng(20261121);
  const char* rates[] = {"20", "10", "5.5", "2.1", "0"};
  const char* codes[] = {"EUR", "USD", "JPY", "BHD"};
  for (int round = 0; round < 2000; ++round) {
    const Currency& cur = currency(codes[rng() % 4]);
    std::vector<InvoiceLine> lines;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      InvoiceLine l;
      l.description = "x";
      l.quantity =
          Decimal(static_cast<std::int64_t>(1 + rng() % 1'000'000), static_cast<int>(rng() % 5));
      l.unit_price =
          Decimal(static_cast<std::int64_t>(rng() % 100'000'000), static_cast<int>(rng() % 7));
      l.vat_rate = Decimal::parse(rates[rng() % 5]);
      l.discount = Decimal(static_cast<std::int64_t>(rng() % 9999), 2);
      check_line(l);
      // A line above kMaxAmountMinor is refused (see the limit test below): draw another.
      if (line_net_within_limit(l, cur))
        lines.push_back(l);
      else
        --i;
    }
    const InvoiceTotals t = compute_totals(lines, cur);
    Money sum = Money::zero(cur), bases = Money::zero(cur), vats = Money::zero(cur);
    for (const auto& l : lines) sum += line_net(l, cur);
    for (const auto& v : t.by_rate) {
      bases += v.base;
      vats += v.vat;
      CHECK(v.vat == Money::from_decimal(
                         v.base.amount() * Decimal(v.rate.mantissa(), v.rate.scale() + 2), cur));
    }
    REQUIRE(sum == t.net);
    REQUIRE(bases == t.net);
    REQUIRE(vats == t.vat);
    REQUIRE(t.gross == t.net + t.vat);

    // Two credit notes and payments of random sizes: what is due is what is left.
    const std::int64_t credit1 =
        t.gross.minor() > 0
            ? static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(t.gross.minor() + 1))
            : 0;
    const std::int64_t paid =
        (t.gross.minor() - credit1) > 0
            ? static_cast<std::int64_t>(rng() %
                                        static_cast<std::uint64_t>(t.gross.minor() - credit1 + 1))
            : 0;
    const InvoiceBalance b{t.gross, Money(credit1, cur), Money(paid, cur)};
    REQUIRE(b.credited + b.paid + b.due() == t.gross);
    CHECK(b.due().minor() >= 0);
  }
}

TEST_CASE("a document's status and what is due on it") {
  const Date due = parse_date("2026-11-30", Date{});
  const Date before = parse_date("2026-11-20", Date{}), after = parse_date("2026-12-15", Date{});
  const InvoiceBalance open{Money(12000, EUR), Money(0, EUR), Money(2000, EUR)};
  CHECK(document_status(false, InvoiceKind::invoice, open, std::nullopt, before) ==
        InvoiceStatus::draft);
  CHECK(document_status(true, InvoiceKind::credit_note, open, due, after) == InvoiceStatus::issued);
  CHECK(document_status(true, InvoiceKind::invoice, open, due, before) ==
        InvoiceStatus::partly_paid);
  CHECK(document_status(true, InvoiceKind::invoice, open, due, after) == InvoiceStatus::overdue);
  CHECK(amount_due(true, InvoiceKind::invoice, 12000, 1000, 2000) == 9000);
  CHECK(amount_due(false, InvoiceKind::invoice, 12000, 0, 0) == 0);
  CHECK(amount_due(true, InvoiceKind::credit_note, 5000, 0, 0) == 0);
}

TEST_CASE("one amount is at most kMaxAmountMinor, typed or as a line's total") {
  CHECK(Money::parse("100000000000", EUR).minor() == kMaxAmountMinor);
  CHECK_THROWS_WITH_AS(Money::parse("100000000000.01", EUR),
                       "100000000000.01 is more than indie accepts for one amount "
                       "(100,000,000,000.00 EUR); check it",
                       Error);
  CHECK_THROWS_AS(Money::parse("92233720368547758.07", EUR), Error);
  CHECK_THROWS_AS(Money::parse("-100000000000.01", EUR), Error);
  CHECK(Money::parse("10000000000000", currency("JPY")).minor() == kMaxAmountMinor);
  InvoiceLine big = line("1000000", "1000000000");  // both within their own limits
  CHECK_NOTHROW(check_line(big));
  CHECK_THROWS_WITH_AS(line_net(big, EUR), doctest::Contains("is more than indie accepts"), Error);
}
