#include "indie/core/decimal.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

using indie::Decimal;
using indie::NumberLocale;
using indie::RoundingRule;

TEST_CASE("Decimal parses canonical text exactly") {
  CHECK(Decimal::parse("1234.5") == Decimal(12345, 1));
  CHECK(Decimal::parse("1234.5").scale() == 1);
  CHECK(Decimal::parse("-0.001") == Decimal(-1, 3));
  CHECK(Decimal::parse("+7") == Decimal(7, 0));
  CHECK(Decimal::parse("  42 ") == Decimal(42, 0));
  // 0.1 + 0.2 is exactly 0.3: no binary floating point anywhere.
  CHECK(Decimal::parse("0.1") + Decimal::parse("0.2") == Decimal::parse("0.3"));
}

TEST_CASE("Decimal parses by an explicit locale") {
  CHECK(Decimal::parse("1 234,50", NumberLocale::fr) == Decimal(123450, 2));
  CHECK(Decimal::parse("1\xC2\xA0"
                       "234,50",
                       NumberLocale::fr) == Decimal(123450, 2));  // NBSP
  CHECK(Decimal::parse("1\xE2\x80\xAF"
                       "234,50",
                       NumberLocale::fr) == Decimal(123450, 2));  // NNBSP
  CHECK(Decimal::parse("1,234.50", NumberLocale::en) == Decimal(123450, 2));
  CHECK(Decimal::parse("12,345,678.9", NumberLocale::en) == Decimal(123456789, 1));
  CHECK(Decimal::parse("0,5", NumberLocale::fr) == Decimal(5, 1));
}

TEST_CASE("Decimal refuses malformed or ambiguous text") {
  for (const char* bad : {"", "abc", "1.2.3", "1e5", "--1", "12a", ".", "-", "1 234"})
    CHECK_THROWS_AS(Decimal::parse(bad), indie::Error);
  CHECK_THROWS_AS(Decimal::parse("1,234.50"), indie::Error);  // grouping is not canonical
  CHECK_THROWS_AS(Decimal::parse("1,23.5", NumberLocale::en), indie::Error);  // bad group
  CHECK_THROWS_AS(Decimal::parse("12345,678", NumberLocale::en), indie::Error);
  CHECK_THROWS_AS(Decimal::parse("1 23,5", NumberLocale::fr), indie::Error);
  CHECK_THROWS_AS(Decimal::parse("1.5", NumberLocale::fr), indie::Error);
  CHECK_THROWS_WITH_AS(Decimal::parse("80,5"), doctest::Contains("use a dot"), indie::Error);
  CHECK_THROWS_AS(Decimal::parse("0.1234567890123456789"), indie::Error);  // 19 decimals
  CHECK_THROWS_AS(Decimal::parse("99999999999999999999"), indie::Error);   // beyond int64
}

TEST_CASE("Decimal rounds once, by a named rule") {
  const auto r = [](const char* s, int scale, RoundingRule rule) {
    return Decimal::parse(s).rounded(scale, rule).to_string();
  };
  CHECK(r("2.345", 2, RoundingRule::half_away_from_zero) == "2.35");
  CHECK(r("-2.345", 2, RoundingRule::half_away_from_zero) == "-2.35");
  CHECK(r("2.345", 2, RoundingRule::half_even) == "2.34");
  CHECK(r("2.355", 2, RoundingRule::half_even) == "2.36");
  CHECK(r("2.341", 2, RoundingRule::up) == "2.35");
  CHECK(r("-2.341", 2, RoundingRule::up) == "-2.35");
  CHECK(r("2.349", 2, RoundingRule::down) == "2.34");
  CHECK(r("2.344", 2, RoundingRule::half_away_from_zero) == "2.34");
  CHECK(r("2.5", 0, RoundingRule::half_away_from_zero) == "3");
  CHECK(r("2.5", 0, RoundingRule::half_even) == "2");
  CHECK(r("1.5", 3, RoundingRule::down) == "1.500");  // widening never loses anything
  CHECK(indie::default_rounding == RoundingRule::half_away_from_zero);
}

TEST_CASE("Decimal arithmetic is exact and keeps scale") {
  CHECK((Decimal::parse("2.5") * Decimal::parse("80.00")).to_string() == "200.000");
  CHECK((Decimal::parse("1.10") - Decimal::parse("0.1")).to_string() == "1.00");
  CHECK(Decimal::parse("2.500").normalized().to_string() == "2.5");
  CHECK(Decimal::parse("2.50").significant_scale() == 1);
  CHECK(Decimal::parse("-0.5") < Decimal::parse("0.25"));
  CHECK(Decimal::parse("1.0") == Decimal::parse("1"));
  CHECK_THROWS_AS(Decimal::parse("1.25").with_scale(1), indie::Error);
  // Products whose trailing zeros can be dropped still fit.
  CHECK((Decimal(1, 18) * Decimal::parse("1000000000000000000")).normalized() == Decimal(1, 0));
}

TEST_CASE("Decimal formats per locale") {
  CHECK(Decimal::parse("1234567.5").format(NumberLocale::en) == "1,234,567.5");
  CHECK(Decimal::parse("-1234.56").format(NumberLocale::fr) ==
        "-1\xE2\x80\xAF"
        "234,56");
  CHECK(Decimal::parse("999").format(NumberLocale::en) == "999");
  CHECK(Decimal(5, 3).to_string() == "0.005");
  CHECK(Decimal(-5, 3).to_string() == "-0.005");
}

TEST_CASE("format_scaled covers the whole 128-bit range, in every locale") {
  using indie::format_scaled;
  const indie::int128 big = static_cast<indie::int128>(INT64_MAX) * 1000 + 7;  // beyond 64 bits
  CHECK(format_scaled(big, 2, NumberLocale::canonical) == "92233720368547758070.07");
  CHECK(format_scaled(-big, 2, NumberLocale::en) == "-92,233,720,368,547,758,070.07");
  const indie::int128 min = -(indie::int128{1} << 126) * 2;  // the smallest int128
  CHECK(format_scaled(min, 0, NumberLocale::canonical) ==
        "-170141183460469231731687303715884105728");
  CHECK(format_scaled(0, 2, NumberLocale::fr) == "0,00");
  CHECK(format_scaled(-7, 3, NumberLocale::en) == "-0.007");
  CHECK(format_scaled(123456, 0, NumberLocale::fr) ==
        "123\xE2\x80\xAF"
        "456");
  std::string out = "x=";
  indie::append_scaled(out, 100000, 2, NumberLocale::en);
  CHECK(out == "x=1,000.00");
}
