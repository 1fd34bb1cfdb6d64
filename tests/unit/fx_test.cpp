#include "indie/core/fx.hpp"

#include <doctest/doctest.h>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"

using indie::Date;
using indie::Decimal;
using indie::FxLeg;
using indie::FxPath;
using indie::FxQuote;
using indie::Money;
using namespace std::chrono;

namespace {
const Date kDay{year(2024), month(10), day(11)};
FxQuote q(const char* base, const char* quote, const char* rate) {
  return {base, quote, kDay, Decimal::parse(rate), "ECB"};
}
const indie::Currency& cur(const char* code) { return indie::currency(code, true); }
}  // namespace

TEST_CASE("a conversion along one leg, forwards and backwards, is rounded once") {
  const FxPath eur_usd{{FxLeg{q("EUR", "USD", "1.0938"), false}}};
  CHECK(indie::convert(Money(10000, cur("EUR")), eur_usd, cur("USD")).minor() == 10938);
  const FxPath usd_eur{{FxLeg{q("EUR", "USD", "1.0938"), true}}};
  // 100 / 1.0938 = 91.4244...
  CHECK(indie::convert(Money(10000, cur("USD")), usd_eur, cur("EUR")).minor() == 9142);
  // Half away from zero, on negative amounts too: 0.005 / 1 -> 0.01.
  const FxPath half{{FxLeg{q("EUR", "USD", "0.5"), false}}};
  CHECK(indie::convert(Money(1, cur("EUR")), half, cur("USD")).minor() == 1);
  CHECK(indie::convert(Money(-1, cur("EUR")), half, cur("USD")).minor() == -1);
}

TEST_CASE("a cross rate through EUR is exact until the one rounding") {
  const FxPath usd_gbp{
      {FxLeg{q("EUR", "USD", "1.0938"), true}, FxLeg{q("EUR", "GBP", "0.83705"), false}}};
  // 100 / 1.0938 * 0.83705 = 76.5269...; rounding each leg would give 91.42 * 0.83705 = 76.52.
  CHECK(indie::convert(Money(10000, cur("USD")), usd_gbp, cur("GBP")).minor() == 7653);
  CHECK(indie::path_rate(usd_gbp, 6) == Decimal::parse("0.765268"));
  // Minor units differ: JPY has none, BHD three.
  const FxPath jpy_eur{{FxLeg{q("EUR", "JPY", "162.94"), true}}};
  CHECK(indie::convert(Money(1000, cur("JPY")), jpy_eur, cur("EUR")).minor() == 614);
  const FxPath eur_jpy{{FxLeg{q("EUR", "JPY", "162.94"), false}}};
  CHECK(indie::convert(Money(100, cur("EUR")), eur_jpy, cur("JPY")).minor() == 163);
}

TEST_CASE("a conversion reduced once converts many amounts exactly as convert does") {
  const FxPath usd_gbp{
      {FxLeg{q("EUR", "USD", "1.0938"), true}, FxLeg{q("EUR", "GBP", "0.83705"), false}}};
  const indie::FxConversion once(usd_gbp, cur("USD"), cur("GBP"));
  for (const std::int64_t minor : {0LL, 1LL, -1LL, 10000LL, -10000LL, 123456789LL, 99LL}) {
    CAPTURE(minor);
    CHECK(once.apply(minor) == indie::convert(Money(minor, cur("USD")), usd_gbp, cur("GBP")));
  }
  CHECK(indie::FxConversion(FxPath{}, cur("EUR"), cur("EUR")).apply(-4250).minor() == -4250);
  CHECK_THROWS_AS(indie::FxConversion(usd_gbp, cur("EUR"), cur("GBP")), indie::Error);
}

TEST_CASE("a path must start at the amount's currency and end at the target") {
  const FxPath eur_usd{{FxLeg{q("EUR", "USD", "1.0938"), false}}};
  CHECK_THROWS_AS(indie::convert(Money(100, cur("GBP")), eur_usd, cur("USD")), indie::Error);
  CHECK_THROWS_AS(indie::convert(Money(100, cur("EUR")), eur_usd, cur("GBP")), indie::Error);
  CHECK(indie::convert(Money(123, cur("EUR")), FxPath{}, cur("EUR")).minor() == 123);
  CHECK_THROWS_AS(indie::check_rate(Decimal::parse("0")), indie::Error);
  CHECK_THROWS_AS(indie::check_rate(Decimal::parse("-1")), indie::Error);
}

TEST_CASE("a transfer's implied rate") {
  CHECK(indie::implied_rate(Money(100000, cur("USD")), Money(91240, cur("EUR")), 8) ==
        Decimal::parse("0.9124"));
  CHECK(indie::implied_rate(Money(10000, cur("EUR")), Money(16294, cur("JPY")), 6) ==
        Decimal::parse("162.94"));
  CHECK_THROWS_AS(indie::implied_rate(Money(0, cur("EUR")), Money(1, cur("USD"))), indie::Error);
}

TEST_CASE("both ECB CSV layouts are read — N/A and the trailing comma are skipped") {
  std::vector<std::string> seen;
  const auto days =
      indie::read_ecb_csv("Date,USD,CYP,\r\n2024-10-11,1.0938,N/A,\r\n2024-10-10,1.0932,N/A,\r\n",
                          "hist", [&](const indie::EcbRate& r) {
                            seen.push_back(std::string(r.currency) + "@" +
                                           indie::format_date(r.date) + "=" + r.rate.to_string());
                          });
  CHECK(days == 2);
  CHECK(seen == std::vector<std::string>{"USD@2024-10-11=1.0938", "USD@2024-10-10=1.0932"});
  seen.clear();
  indie::read_ecb_csv("Date, USD, JPY, \n11 October 2024, 1.0938, 162.94, \n", "daily",
                      [&](const indie::EcbRate& r) {
                        seen.push_back(std::string(r.currency) + "@" + indie::format_date(r.date));
                      });
  CHECK(seen == std::vector<std::string>{"USD@2024-10-11", "JPY@2024-10-11"});
  CHECK_THROWS_WITH_AS(
      indie::read_ecb_csv("Date,USD\n31 Febtember 2024,1\n", "f", [](const indie::EcbRate&) {}),
      doctest::Contains("f:2: '31 Febtember 2024' is not a date"), indie::Error);
  CHECK_THROWS_WITH_AS(indie::read_ecb_csv("", "f", [](const indie::EcbRate&) {}),
                       doctest::Contains("empty file"), indie::Error);
}

TEST_CASE("a rate older than five days before its use is stale") {
  const auto d = [](int y, unsigned m, unsigned day) {
    return indie::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(day)};
  };
  // Good Friday and Easter Monday 2026: Thursday's rate serves until Tuesday, five days on.
  CHECK_FALSE(indie::stale_rate_days(d(2026, 4, 2), d(2026, 4, 7)));
  CHECK(indie::stale_rate_days(d(2026, 4, 2), d(2026, 4, 8)) == 6);
  CHECK_FALSE(indie::stale_rate_days(d(2026, 11, 27), d(2026, 11, 27)));
  CHECK(indie::stale_rate_days(d(2025, 12, 31), d(2026, 11, 30)) == 334);
}

TEST_CASE("a rate's source reads in the document's language") {
  CHECK(indie::rate_source_label("ECB", "fr") == "BCE");
  CHECK(indie::rate_source_label("ECB", "en") == "ECB");
  CHECK(indie::rate_source_label("BCE", "en") == "ECB");
  CHECK(indie::rate_source_label("manual", "fr") == "manuel");
  CHECK(indie::rate_source_label("manual", "en") == "manual");
  CHECK(indie::rate_source_label("Wise", "fr") == "Wise");
}
