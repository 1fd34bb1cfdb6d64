#include "indie/core/money.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "indie/core/error.hpp"

using indie::currency;
using indie::Decimal;
using indie::Language;
using indie::Money;

TEST_CASE("the ISO 4217 table gives minor units") {
  CHECK(currency("EUR").minor_units == 2);
  CHECK(currency("JPY").minor_units == 0);
  CHECK(currency("KRW").minor_units == 0);
  CHECK(currency("BHD").minor_units == 3);
  CHECK(currency("KWD").minor_units == 3);
  CHECK(currency("CLF").minor_units == 4);
  CHECK(currency("usd").code == "USD");  // case-insensitive
  const auto all = indie::all_currencies();
  CHECK(std::is_sorted(all.begin(), all.end(), [](auto& a, auto& b) { return a.code < b.code; }));
  std::set<std::string_view> codes;
  for (const auto& c : all) codes.insert(c.code);
  CHECK(codes.size() == all.size());
  CHECK(std::count_if(all.begin(), all.end(), [](auto& c) { return !c.withdrawn; }) >= 150);
}

TEST_CASE("unknown and withdrawn currencies are refused with advice") {
  CHECK_THROWS_WITH_AS(currency("EURO"), doctest::Contains("unknown currency 'EURO'"),
                       indie::Error);
  CHECK_THROWS_WITH_AS(currency("EUT"), doctest::Contains("did you mean EUR"), indie::Error);
  CHECK_THROWS_WITH_AS(currency("HRK"), doctest::Contains("withdrawn"), indie::Error);
  CHECK(currency("HRK", true).minor_units == 2);  // still readable in ECB history
}

TEST_CASE("Money parses amounts and refuses excess decimals") {
  CHECK(Money::parse("1234.5", currency("EUR")).minor() == 123450);
  CHECK(Money::parse("1 234,50", currency("EUR"), indie::NumberLocale::fr).minor() == 123450);
  CHECK(Money::parse("1,234.50", currency("EUR"), indie::NumberLocale::en).minor() == 123450);
  CHECK(Money::parse("1500", currency("JPY")).minor() == 1500);
  CHECK(Money::parse("1.234", currency("BHD")).minor() == 1234);
  CHECK(Money::parse("12.300", currency("EUR")).minor() ==
        1230);  // trailing zeros are not precision
  CHECK_THROWS_WITH_AS(Money::parse("12.345", currency("EUR")),
                       doctest::Contains("3 decimals but EUR allows 2"), indie::Error);
  CHECK_THROWS_AS(Money::parse("10.5", currency("JPY")), indie::Error);
  CHECK(Money::parse_with_code("458.12EUR") == Money(45812, currency("EUR")));
  CHECK(Money::parse_with_code("USD 10") == Money(1000, currency("USD")));
}

TEST_CASE("Money refuses to mix currencies") {
  const Money eur(100, currency("EUR"));
  const Money usd(100, currency("USD"));
  CHECK((eur + eur).minor() == 200);
  CHECK_THROWS_AS(eur + usd, indie::Error);
  try {
    (void)(eur - usd);
    FAIL("mixing currencies must throw");
  } catch (const indie::Error& e) {
    CHECK(e.kind() == indie::ErrorKind::currency_mismatch);
  }
}

TEST_CASE("Money times a decimal rounds once, half away from zero") {
  const Money rate = Money::parse("80", currency("EUR"));
  CHECK(rate.times(Decimal::parse("2.5")).to_string() == "200.00");
  CHECK(Money::parse("0.10", currency("EUR")).times(Decimal::parse("0.25")).to_string() ==
        "0.03");  // 0.025
  CHECK(Money::parse("-0.10", currency("EUR")).times(Decimal::parse("0.25")).to_string() ==
        "-0.03");
  CHECK(Money::parse("0.10", currency("EUR"))
            .times(Decimal::parse("0.25"), indie::RoundingRule::half_even)
            .to_string() == "0.02");
  CHECK(Money::parse("33.33", currency("EUR")).times(Decimal::parse("1.3333")).to_string() ==
        "44.44");  // 44.438889
  CHECK(Money::parse("1000", currency("JPY")).times(Decimal::parse("0.0015")).to_string() ==
        "2");  // 1.5
  CHECK(Money::from_decimal(Decimal::parse("1.2345"), currency("BHD")).to_string() == "1.235");
}

TEST_CASE("Money formats for people and for machines") {
  const Money m(123456, currency("EUR"));
  CHECK(m.to_string() == "1234.56");
  CHECK(m.canonical() == "1234.56 EUR");
  CHECK(m.format(Language::fr) ==
        "1\xE2\x80\xAF"
        "234,56\xC2\xA0€");
  CHECK(m.format(Language::en) == "€1,234.56");
  CHECK(Money(-123456, currency("USD")).format(Language::en) == "-$1,234.56");
  CHECK(Money(500, currency("JPY")).format(Language::en) == "¥500");
  CHECK(Money(150, currency("CHF")).format(Language::en) ==
        "CHF\xC2\xA0"
        "1.50");
  CHECK(Money(1234, currency("BHD")).to_string() == "1.234");
}
