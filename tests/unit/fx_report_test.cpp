#include "indie/core/fx_report.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

using namespace indie;

namespace {

Date day(const char* iso) { return parse_date(iso, Date{}); }

// One USD rate a day, as the ECB publishes it (USD per 1 EUR); none before 2026-01-01.
FxPath usd_path(std::string_view from, std::string_view to, Date on) {
  if (on < day("2026-01-01")) throw not_found("no rate yet");
  const char* rate = on < day("2026-06-01") ? "1.25" : "1.10";
  const FxQuote q{"EUR", "USD", day("2026-01-01"), Decimal::parse(rate), "ECB"};
  if (from == "USD" && to == "EUR") return FxPath{{FxLeg{q, true}}};
  if (from == "EUR" && to == "USD") return FxPath{{FxLeg{q, false}}};
  throw not_found("no such pair");
}

Account account(std::int64_t id, const char* name, const char* cur) {
  Account a;
  a.id = id;
  a.name = name;
  a.currency = cur;
  return a;
}

const Currency& EUR = currency("EUR");

}  // namespace

TEST_CASE("a USD account: spending realizes against average cost, the rest is revalued") {
  FxHistory h;
  h.accounts.emplace(1, account(1, "Wise USD", "USD"));
  // +1000 USD at 1.25 (800 EUR), then -500 USD at 1.10 (454.55 EUR): the 500 spent were booked
  // at 400 EUR and worth 454.55, so 54.55 EUR realized; 500 USD left, booked 400, worth 454.55.
  h.movements = [](std::int64_t, Date, const std::function<void(Date, std::int64_t)>& fn) {
    fn(day("2026-02-01"), 100000);
    fn(day("2026-07-01"), -50000);
  };
  const FxReport r =
      fx_report(h, EUR, day("2026-01-01"), day("2026-12-31"), day("2026-12-31"), usd_path);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].realized);
  CHECK(r.rows[0].source == "account");
  CHECK(r.rows[0].result().to_string() == "54.55");
  CHECK_FALSE(r.rows[1].realized);
  CHECK(r.rows[1].amount.to_string() == "500.00");
  CHECK(r.rows[1].booked.to_string() == "400.00");
  CHECK(r.rows[1].valued.to_string() == "454.55");
  CHECK(r.realized.to_string() == "54.55");
  CHECK(r.unrealized.to_string() == "54.55");
}

TEST_CASE(
    "a payment is valued on its day against the invoice's frozen rate — a transfer against the "
    "day's rate") {
  FxHistory h;
  SettledPayment p;
  p.date = day("2026-07-01");
  p.number = "F2026-0001";
  p.client = "initech";
  p.currency = "USD";
  p.issue_date = day("2026-03-01");
  p.eur_rate = "1.20";        // frozen at issue: 1100 USD = 916.67 EUR
  p.amount_minor = 110000;    // settled 1100 USD
  p.received_minor = 110000;  // received in USD: worth 1000.00 EUR on its day
  p.received_currency = "USD";
  h.payments.push_back(p);
  h.accounts.emplace(1, account(1, "Qonto", "EUR"));
  h.accounts.emplace(2, account(2, "Wise USD", "USD"));
  Transfer t;
  t.date = day("2026-07-02");
  t.from_account = 1;
  t.to_account = 2;
  t.sent_minor = 100000;      // 1000 EUR
  t.received_minor = 108000;  // 1080 USD, worth 981.82 EUR at 1.10: a spread of 18.18
  h.transfers.push_back(t);
  h.movements = [](std::int64_t, Date, const std::function<void(Date, std::int64_t)>&) {};
  const FxReport r =
      fx_report(h, EUR, day("2026-01-01"), day("2026-12-31"), day("2026-12-31"), usd_path);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].source == "payment");
  CHECK(r.rows[0].booked.to_string() == "916.67");
  CHECK(r.rows[0].valued.to_string() == "1000.00");
  CHECK(r.rows[1].source == "transfer");
  CHECK(r.rows[1].item == "Qonto -> Wise USD");
  CHECK(r.rows[1].result().to_string() == "-18.18");
  CHECK(r.realized.to_string() == "65.15");
}

TEST_CASE("a missing rate names what needed it") {
  FxHistory h;
  h.accounts.emplace(1, account(1, "Wise USD", "USD"));
  h.movements = [](std::int64_t, Date, const std::function<void(Date, std::int64_t)>& fn) {
    fn(day("2025-12-01"), 100);
  };
  CHECK_THROWS_WITH_AS(
      fx_report(h, EUR, day("2025-01-01"), day("2025-12-31"), day("2025-12-31"), usd_path),
      "account \"Wise USD\" needs a USD rate to EUR on 2025-12-01: no rate yet", Error);
}
