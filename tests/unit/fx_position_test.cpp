#include "indie/core/fx_position.hpp"

#include <doctest/doctest.h>

using indie::FxPosition;

TEST_CASE("a holding adds movements at their value and releases book value at average cost") {
  FxPosition p;
  CHECK(p.apply(100'00, 90'00).realized() == 0);  // 100 USD in, worth 90 EUR that day
  CHECK(p.apply(100'00, 95'00).realized() == 0);  // 100 more at 95: book 185 for 200 USD
  CHECK(p.book() == 185'00);
  // Spending 40 USD worth 38 EUR releases 40/200 of the book (37 EUR): a 1 EUR gain.
  const auto r = p.apply(-40'00, -38'00);
  CHECK(r.amount == -40'00);
  CHECK(r.book == -37'00);
  CHECK(r.value == -38'00);
  CHECK(r.realized() == 1'00);
  CHECK(p.amount() == 160'00);
  CHECK(p.book() == 148'00);
  CHECK(p.unrealized(150'00) == 2'00);
  CHECK(p.unrealized(140'00) == -8'00);
}

TEST_CASE("spending a holding to zero leaves no book value behind, whatever the rounding") {
  FxPosition p;
  p.apply(3'00, 2'71);
  const auto a = p.apply(-1'00, -1'00);
  CHECK(a.book == -90);  // 2.71 / 3, rounded half away from zero
  const auto b = p.apply(-2'00, -1'50);
  CHECK(b.book == -1'81);  // the rest, exactly
  CHECK(p.amount() == 0);
  CHECK(p.book() == 0);
  CHECK(a.realized() + b.realized() == (-90 + 1'00) + (-1'81 + 1'50));
}

TEST_CASE("a movement that crosses zero closes the holding, then opens the other way") {
  FxPosition p;
  p.apply(100'00, 90'00);
  // Paying 150 USD (worth 141 EUR) from 100 USD held: 100 close the holding, 50 become a debt.
  const auto r = p.apply(-150'00, -141'00);
  CHECK(r.amount == -100'00);
  CHECK(r.value == -94'00);
  CHECK(r.book == -90'00);
  CHECK(r.realized() == 4'00);
  CHECK(p.amount() == -50'00);
  CHECK(p.book() == -47'00);
  // The debt grows dearer: 50 USD now cost 50 EUR to pay back, an unrealized loss of 3.
  CHECK(p.unrealized(-50'00) == -3'00);
  // Paying back 50 USD when they are worth 50 EUR realizes it.
  const auto back = p.apply(50'00, 50'00);
  CHECK(back.realized() == -3'00);
  CHECK(p.amount() == 0);
  CHECK(p.book() == 0);
}

TEST_CASE("a zero movement changes nothing") {
  FxPosition p;
  p.apply(10'00, 9'00);
  const auto r = p.apply(0, 0);
  CHECK(r.amount == 0);
  CHECK(p.book() == 9'00);
}
