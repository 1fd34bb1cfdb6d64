#include "indie/core/statement.hpp"

#include <doctest/doctest.h>

using namespace indie;

namespace {
Date on(int m, int d) {
  return Date{std::chrono::year(2026), std::chrono::month(static_cast<unsigned>(m)),
              std::chrono::day(static_cast<unsigned>(d))};
}
StatementItem invoice(const char* number, Date date, Date due, std::int64_t gross,
                      const char* cur = "EUR") {
  return {date, StatementItemKind::invoice, number, number, cur, due, gross, 0, ""};
}
StatementItem money(StatementItemKind kind, const char* number, Date date,
                    std::int64_t signed_minor, std::int64_t id, const char* cur = "EUR") {
  return {date, kind, number, number, cur, std::nullopt, signed_minor, id, "transfer"};
}
}  // namespace

TEST_CASE("a statement runs the balance in date order, documents before money on a day") {
  std::vector<StatementItem> items = {
      money(StatementItemKind::payment, "F1", on(11, 10), -50000, 1),
      invoice("F1", on(11, 10), on(12, 10), 120000),
      {on(11, 12), StatementItemKind::credit_note, "A1", "F1", "EUR", std::nullopt, -12000, 0, ""},
      invoice("F2", on(10, 1), on(10, 31), 30000),
      money(StatementItemKind::refund, "F9", on(12, 5), 1000, 2),  // after as_of: left out
  };
  const auto s = build_statement(items, std::nullopt, on(11, 30));
  REQUIRE(s.size() == 1);
  REQUIRE(s[0].lines.size() == 4);
  CHECK(s[0].lines[0].item.document == "F2");
  CHECK(s[0].lines[1].item.kind == StatementItemKind::invoice);  // before the same day's payment
  CHECK(s[0].lines[1].balance_minor == 150000);
  CHECK(s[0].lines[2].balance_minor == 100000);
  CHECK(s[0].lines[3].balance_minor == 88000);
  CHECK(s[0].closing_minor == 88000);
  CHECK(s[0].debits_minor == 150000);
  CHECK(s[0].credits_minor == -62000);
  // F2 was due on 31 October and nothing was paid on it; F1 is not due yet.
  CHECK(s[0].overdue_minor == 30000);
}

TEST_CASE("from a date, what came before is the opening balance — currencies apart") {
  std::vector<StatementItem> items = {
      invoice("F1", on(9, 1), on(10, 1), 10000),
      money(StatementItemKind::payment, "F1", on(9, 20), -4000, 1),
      invoice("F2", on(11, 2), on(12, 2), 20000, "USD"),
      invoice("F3", on(11, 3), on(12, 3), 5000),
  };
  const auto s = build_statement(items, on(11, 1), on(11, 30));
  REQUIRE(s.size() == 2);
  CHECK(s[0].currency == "EUR");
  CHECK(s[0].opening_minor == 6000);
  REQUIRE(s[0].lines.size() == 1);
  CHECK(s[0].lines[0].balance_minor == 11000);
  CHECK(s[0].overdue_minor == 6000);  // F1, due 1 October, 60.00 still asked
  CHECK(s[1].currency == "USD");
  CHECK(s[1].closing_minor == 20000);
  CHECK(s[1].overdue_minor == 0);
}

TEST_CASE("a refund after a credit note brings the balance back to zero") {
  std::vector<StatementItem> items = {
      invoice("F1", on(11, 1), on(11, 2), 70000),
      money(StatementItemKind::payment, "F1", on(11, 3), -70000, 1),
      {on(11, 4), StatementItemKind::credit_note, "A1", "F1", "EUR", std::nullopt, -14000, 0, ""},
  };
  auto s = build_statement(items, std::nullopt, on(11, 30));
  CHECK(s[0].closing_minor == -14000);  // owed back to the client
  CHECK(s[0].overdue_minor == 0);
  items.push_back(money(StatementItemKind::refund, "F1", on(11, 5), 14000, 2));
  s = build_statement(items, std::nullopt, on(11, 30));
  CHECK(s[0].closing_minor == 0);
}
