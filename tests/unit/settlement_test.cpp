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

TEST_CASE("more than is due is refused, unless allowed — then the invoice is overpaid") {
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

TEST_CASE("a refund pays back at most what the client is owed back") {
  // 1,200.00 paid, 120.00 credited: 120.00 owed back.
  const Settlement s =
      settle_refund(issued("EUR", 120000), 12000, 120000, m("100", "EUR"), m("100", "EUR"));
  CHECK(s.due.to_string() == "-120.00");
  CHECK(s.left.to_string() == "-20.00");
  CHECK_THROWS_WITH_AS(
      settle_refund(issued("EUR", 120000), 12000, 120000, m("120.01", "EUR"), m("120.01", "EUR")),
      "120.01 EUR is more than the 120.00 EUR that F2026-0003 owes back to the client; refund at "
      "most that",
      Error);
  CHECK_THROWS_WITH_AS(
      settle_refund(issued("EUR", 120000), 0, 50000, m("1", "EUR"), m("1", "EUR")),
      doctest::Contains("nothing was paid on F2026-0003 beyond what it is owed (700.00 EUR still "
                        "due)"),
      Error);
}

TEST_CASE("a refund of a foreign-currency invoice books its exchange result") {
  // Booked at 1 EUR = 1.25 USD: 100 USD were 80.00 EUR. Sending them back cost 82.50: -2.50.
  const Settlement loss = settle_refund(issued("USD", 100000, "1.25"), 10000, 100000,
                                        m("100", "USD"), m("82.50", "EUR"));
  REQUIRE(loss.fx_gain.has_value());
  CHECK(loss.fx_gain->to_string() == "-2.50");
  const Settlement gain =
      settle_refund(issued("USD", 100000, "1.25"), 10000, 100000, m("100", "USD"), m("79", "EUR"));
  CHECK(gain.fx_gain->to_string() == "1.00");
}

TEST_CASE("a reversal is the exact opposite of what it undoes") {
  Payment p;
  p.id = 7;
  p.invoice_id = 3;
  p.amount_minor = 80000;
  p.received_minor = 72000;
  p.received_currency = "EUR";
  p.account = "Qonto";
  p.fx_gain_minor = 731;
  p.note = "virement";
  const Payment r = reversal_of(
      p, Date{std::chrono::year(2026), std::chrono::November, std::chrono::day(30)}, "now");
  CHECK(r.kind == PaymentKind::reversal);
  CHECK(r.reverses == 7);
  CHECK(r.amount_minor == -80000);
  CHECK(r.received_minor == -72000);
  CHECK(r.fx_gain_minor == -731);
  CHECK(r.account == "Qonto");
  CHECK(r.note.empty());
  CHECK_THROWS_WITH_AS(reversal_of(r, r.date, "now"), doctest::Contains("is itself a reversal"),
                       Error);
}
