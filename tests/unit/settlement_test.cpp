#include "indie/core/settlement.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

using namespace indie;

namespace {
Invoice issued(const char* currency, std::int64_t gross_minor, const char* eur_rate = "") {
  Invoice inv;
  inv.id = 3;
  inv.issued = true;
  inv.number = "F2026-0003";
  inv.currency = currency;
  inv.gross_minor = gross_minor;
  inv.eur_rate = eur_rate;
  return inv;
}
Money m(const char* text, const char* code) { return Money::parse(text, currency(code)); }
}  // namespace

TEST_CASE("what is due is the total less credit notes and payments") {
  const Settlement s =
      settle_payment(issued("EUR", 120000), 20000, 30000, m("500", "EUR"), m("500", "EUR"), false);
  CHECK(s.due.to_string() == "700.00");
  CHECK(s.left.to_string() == "200.00");
  CHECK_FALSE(s.fx_gain.has_value());
}

TEST_CASE("more than is due is refused, unless allowed; then the invoice is overpaid") {
  CHECK_THROWS_WITH_AS(
      settle_payment(issued("EUR", 10000), 0, 0, m("100.01", "EUR"), m("100.01", "EUR"), false),
      "100.01 EUR is more than the 100.00 EUR still due on F2026-0003; check the amount, or record "
      "it "
      "anyway with --allow-overpay",
      Error);
  const Settlement s =
      settle_payment(issued("EUR", 10000), 0, 0, m("100.01", "EUR"), m("100.01", "EUR"), true);
  CHECK(s.left.to_string() == "-0.01");
}

TEST_CASE("a foreign-currency invoice paid in EUR: the exchange result against its frozen rate") {
  // 800.00 USD at 1.1225 was 712.69 EUR at issue; the bank credited 720.00 EUR: a gain of 7.31.
  const Settlement gain =
      settle_payment(issued("USD", 80000, "1.1225"), 0, 0, m("800", "USD"), m("720", "EUR"), false);
  REQUIRE(gain.fx_gain.has_value());
  CHECK(gain.fx_gain->to_string() == "7.31");
  const Settlement loss =
      settle_payment(issued("USD", 80000, "1.1225"), 0, 0, m("800", "USD"), m("700", "EUR"), false);
  CHECK(loss.fx_gain->to_string() == "-12.69");
  // Received in USD: no EUR result to book.
  CHECK_FALSE(
      settle_payment(issued("USD", 80000, "1.1225"), 0, 0, m("800", "USD"), m("800", "USD"), false)
          .fx_gain);
}

TEST_CASE("only issued invoices are paid") {
  Invoice draft = issued("EUR", 100);
  draft.issued = false;
  CHECK_THROWS_WITH_AS(check_payable(draft),
                       doctest::Contains("issue it first with indie invoice issue 3"), Error);
  Invoice note = issued("EUR", 100);
  note.kind = InvoiceKind::credit_note;
  CHECK_THROWS_WITH_AS(check_payable(note),
                       "F2026-0003 is a credit note: record payments on invoices", Error);
}

TEST_CASE("franchise thresholds are crossed once, the higher one winning") {
  CHECK(crossed_franchise_threshold(3'700'000, 3'750'000) ==
        FranchiseThreshold::none);  // reaching is not crossing
  CHECK(crossed_franchise_threshold(3'750'000, 3'750'001) == FranchiseThreshold::base);
  CHECK(crossed_franchise_threshold(3'800'000, 3'900'000) ==
        FranchiseThreshold::none);  // already above
  CHECK(crossed_franchise_threshold(3'700'000, 4'200'000) == FranchiseThreshold::increased);
}
