#include <doctest/doctest.h>

#include "indie/core/account.hpp"
#include "indie/core/error.hpp"

using namespace indie;

namespace {
Account account(std::int64_t id, const char* name, const char* cur) {
  Account a;
  a.id = id;
  a.name = name;
  a.currency = cur;
  return a;
}
Money m(const char* text, const char* code) { return Money::parse(text, currency(code)); }
const Date kDay = parse_date("2026-11-20", Date{});
}  // namespace

TEST_CASE("a transfer between currencies: two legs, the implied rate, the fee as its own expense") {
  const TransferPlan p =
      plan_transfer(account(1, "Qonto", "EUR"), account(2, "Wise USD", "USD"), m("1000", "EUR"),
                    m("1080", "USD"), m("2.50", "EUR"), kDay, "float");
  CHECK(p.transfer.rate == "1.08");
  CHECK(p.transfer.sent_minor == 100000);
  CHECK(p.transfer.received_minor == 108000);
  REQUIRE(p.legs.size() == 3);
  CHECK(p.legs[0].account_id == 1);
  CHECK(p.legs[0].amount_minor == -100000);
  CHECK(p.legs[0].payee == "Wise USD");
  CHECK(p.legs[1].account_id == 2);
  CHECK(p.legs[1].amount_minor == 108000);
  CHECK(p.legs[2].origin == TxOrigin::fee);
  CHECK(p.legs[2].amount_minor == -250);
  CHECK(p.legs[2].category == "fees");
  for (const auto& leg : p.legs) CHECK(leg.note == "float");
}

TEST_CASE("in one currency what arrives is what left — between two it must be said") {
  const TransferPlan same =
      plan_transfer(account(1, "Qonto", "EUR"), account(3, "Cash", "EUR"), m("50", "EUR"),
                    std::nullopt, Money::zero(currency("EUR")), kDay, "");
  CHECK(same.legs.size() == 2);
  CHECK(same.transfer.received_minor == 5000);
  CHECK(same.transfer.rate == "1");
  CHECK_THROWS_WITH_AS(
      plan_transfer(account(1, "Qonto", "EUR"), account(2, "Wise USD", "USD"), m("50", "EUR"),
                    std::nullopt, Money::zero(currency("EUR")), kDay, ""),
      doctest::Contains("say what arrived with --received AMOUNT (in USD)"), Error);
}

TEST_CASE("refusals: one account twice, archived, nothing sent, a negative fee") {
  const Account q = account(1, "Qonto", "EUR");
  Account old = account(4, "Old", "EUR");
  old.archived_at = "2026-01-01T00:00:00Z";
  const Money zero = Money::zero(currency("EUR"));
  CHECK_THROWS_WITH_AS(plan_transfer(q, q, m("1", "EUR"), std::nullopt, zero, kDay, ""),
                       "a transfer needs two different accounts (got \"Qonto\" twice)", Error);
  CHECK_THROWS_WITH_AS(plan_transfer(q, old, m("1", "EUR"), std::nullopt, zero, kDay, ""),
                       "account \"Old\" is archived; its history is closed", Error);
  CHECK_THROWS_AS(
      plan_transfer(q, account(3, "Cash", "EUR"), m("0", "EUR"), std::nullopt, zero, kDay, ""),
      Error);
  CHECK_THROWS_AS(plan_transfer(q, account(3, "Cash", "EUR"), m("1", "EUR"), std::nullopt,
                                m("-1", "EUR"), kDay, ""),
                  Error);
}

TEST_CASE("an archived account takes no new entry, an open one does") {
  Account open = account(1, "Qonto", "EUR");
  CHECK_NOTHROW(check_takes_entries(open));
  Account closed = open;
  closed.archived_at = "2026-01-01T00:00:00Z";
  CHECK_THROWS_WITH_AS(check_takes_entries(closed),
                       "account \"Qonto\" is archived; its history is closed", Error);
}
