#include "indie/core/reconcile.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <random>

using namespace indie;

namespace {
Date day(const char* text) { return parse_date(text, Date{}); }
Date plus(Date d, int days) { return Date{std::chrono::sys_days(d) + std::chrono::days(days)}; }
StatementRow row(const char* date, std::int64_t amount, std::string payee, std::string memo) {
  StatementRow r;
  r.date = day(date);
  r.amount_minor = amount;
  r.payee = std::move(payee);
  r.memo = std::move(memo);
  return r;
}
ExpectedMovement payment(std::int64_t id, const char* date, std::int64_t amount, std::string number,
                         std::string client) {
  return {id, day(date), amount, number, {std::move(client)}, "the payment of " + number};
}
}  // namespace

TEST_CASE("an invoice number in the forms banks write it") {
  for (const char* text : {"VIR SEPA ACME F2026-0007", "F2026 0007", "FACTURE 2026-0007",
                           "f20260007 merci", "Facture n° F-2026-0007"})
    CHECK_MESSAGE(names_reference(text, "F2026-0007"), text);
  CHECK_FALSE(names_reference("F2026-0008", "F2026-0007"));
  CHECK_FALSE(names_reference("FACTURE 2026-0070", "F2026-0007"));
  CHECK_FALSE(names_reference("anything", "F1"));  // too short to tell
}

TEST_CASE("a payer named by a distinctive word of the client's name, not its legal form") {
  CHECK(names_party("VIR SEPA ACME SAS PARIS", "ACME SAS"));
  CHECK(names_party("Globex GmbH", "Globex"));
  CHECK_FALSE(names_party("INITECH SAS", "ACME SAS"));  // SAS alone names nobody
  CHECK_FALSE(names_party("ACMEX", "ACME"));            // whole words only
}

TEST_CASE("a row is the payment recorded by hand: same amount, within a week, named") {
  const std::vector<ExpectedMovement> expected = {
      payment(10, "2026-12-09", 120000, "F2026-0007", "ACME SAS"),
      payment(11, "2026-12-09", 120000, "F2026-0008", "Globex GmbH")};
  const std::vector<bool> taken(2, false);
  const auto r = row("2026-12-11", 120000, "GLOBEX GMBH", "Invoice F2026 0008");
  const auto m = match_movement(r, expected, taken, {r});
  REQUIRE(m);
  CHECK(m->expected == 1);
  CHECK(m->why == "same amount, F2026-0008 named, 2 days apart");
  CHECK_FALSE(m->weak);
  // The payer alone is enough too.
  const auto by_name = row("2026-12-10", 120000, "VIR ACME SAS", "");
  const auto n = match_movement(by_name, expected, taken, {by_name});
  REQUIRE(n);
  CHECK(n->expected == 0);
  CHECK(n->why == "same amount, the payer named, 1 day apart");
}

TEST_CASE("no match: another amount, more than a week apart, or already taken") {
  const std::vector<ExpectedMovement> expected = {
      payment(10, "2026-12-09", 120000, "F2026-0007", "ACME SAS")};
  CHECK_FALSE(
      match_movement(row("2026-12-09", 119999, "ACME", "F2026-0007"), expected, {false}, {}));
  CHECK_FALSE(
      match_movement(row("2026-12-17", 120000, "ACME", "F2026-0007"), expected, {false}, {}));
  CHECK(match_movement(row("2026-12-16", 120000, "ACME", "F2026-0007"), expected, {false}, {}));
  CHECK_FALSE(
      match_movement(row("2026-12-09", 120000, "ACME", "F2026-0007"), expected, {true}, {}));
}

TEST_CASE("a row that names nothing matches only when nothing else could be it") {
  const std::vector<ExpectedMovement> one = {
      payment(10, "2026-12-09", 50000, "F2026-0007", "ACME SAS")};
  const auto plain = row("2026-12-10", 50000, "VIR SEPA", "");
  const auto m = match_movement(plain, one, {false}, {plain});
  REQUIRE(m);
  CHECK(m->weak);
  CHECK(m->why == "same amount, 1 day apart, the only one (nothing named)");
  // Two rows of that amount in the week: which one it is cannot be told, so neither is taken.
  const auto twin = row("2026-12-12", 50000, "CB", "");
  CHECK_FALSE(match_movement(plain, one, {false}, {plain, twin}));
  // Two recorded payments of that amount: the same.
  const std::vector<ExpectedMovement> two = {one[0],
                                             payment(11, "2026-12-08", 50000, "F2026-0009", "X")};
  CHECK_FALSE(match_movement(plain, two, {false, false}, {plain}));
}

// Random months: payments recorded by hand, a statement that shows each of them (its number
// written as one bank or another writes it, a few days later) among other rows. Every recorded
// payment is matched once, to its own row; no row takes two; the rows left are the others.
TEST_CASE("property: every payment recorded by hand is found once in the statement") {
  std::mt19937_64 rng(20261207);
  const char* forms[] = {"{}", "VIR {}", "FACTURE {}", "{} merci", "REF {}"};
  for (int month = 0; month < 500; ++month) {
    std::vector<ExpectedMovement> expected;
    std::vector<StatementRow> rows;
    std::vector<std::size_t> truth;  // row -> expected index, or npos
    const int n = static_cast<int>(rng() % 30) + 1;
    const Date first = plus(day("2026-01-01"), month % 300);
    for (int i = 0; i < n; ++i) {
      const std::int64_t amount = static_cast<std::int64_t>(rng() % 5 + 1) * 10000;  // repeats
      const std::string number = fmt::format("F2026-{:04d}", month * 40 + i + 1);
      const Date d = plus(first, static_cast<int>(rng() % 20));
      expected.push_back({i + 1, d, amount, number, {"Client" + std::to_string(rng() % 5)}, ""});
      std::string ref = number;
      if (rng() % 2) ref.erase(std::remove(ref.begin(), ref.end(), '-'), ref.end());
      if (rng() % 3 == 0) ref = "2026-" + number.substr(6);
      StatementRow r;
      r.date = plus(d, static_cast<int>(rng() % 6));
      r.amount_minor = amount;
      r.memo = fmt::format(fmt::runtime(forms[rng() % 5]), ref);
      rows.push_back(r);
      truth.push_back(expected.size() - 1);
      if (rng() % 3 == 0) {  // another movement of the same amount, naming nothing
        StatementRow other;
        other.date = r.date;
        other.amount_minor = amount;
        other.payee = "CB SUPERMARCHE";
        rows.push_back(other);
        truth.push_back(std::string::npos);
      }
    }
    std::shuffle(rows.begin(), rows.end(), rng);  // (truth is checked through the memo below)
    std::vector<bool> taken(expected.size(), false);
    std::size_t matched = 0;
    for (const auto& r : rows) {
      const auto m = match_movement(r, expected, taken, rows);
      if (!m) continue;
      REQUIRE_FALSE(taken[m->expected]);
      taken[m->expected] = true;
      ++matched;
      // The row matched names its own payment.
      CHECK_MESSAGE(names_reference(r.memo, expected[m->expected].reference), r.memo, " matched ",
                    expected[m->expected].reference);
    }
    CHECK(matched == expected.size());
  }
}

TEST_CASE("the open invoices a row names, in the forms banks write them") {
  ReferenceIndex index;
  index.add("F2026-0007", 0);
  index.add("F2026-0008", 1);
  index.add("F2026-0010", 2);
  CHECK(index.named_in("VIR SEPA ACME F2026-0007") == std::vector<std::size_t>{0});
  CHECK(index.named_in("F2026 0008") == std::vector<std::size_t>{1});
  CHECK(index.named_in("FACTURE 2026-0010") == std::vector<std::size_t>{2});
  CHECK(index.named_in("f20260007 merci") == std::vector<std::size_t>{0});
  CHECK(index.named_in("Facture n° F-2026-0008") == std::vector<std::size_t>{1});
  CHECK(index.named_in("F2026-0007 et F2026-0008, F2026-0007") == std::vector<std::size_t>{0, 1});
  CHECK(index.named_in("F2026-0009 2026-0070 12345678").empty());
  // Two series with the same digits: the digits alone name neither.
  index.add("A2026-0007", 3);
  CHECK(index.named_in("FACTURE 2026-0007").empty());
  CHECK(index.named_in("A2026-0007") == std::vector<std::size_t>{3});
}
