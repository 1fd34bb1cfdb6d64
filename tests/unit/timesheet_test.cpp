#include "indie/core/timesheet.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"

using namespace indie;

namespace {

// Sets TZ for one test and restores it.
class ZoneScope {
 public:
  explicit ZoneScope(const char* zone) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    setenv("TZ", zone, 1);
    tzset();
  }
  ~ZoneScope() {
    if (old_.empty())
      unsetenv("TZ");
    else
      setenv("TZ", old_.c_str(), 1);
    tzset();
  }

 private:
  std::string old_;
};

Instant at(const char* iso) { return parse_instant(iso); }
std::int32_t days(Date d) {
  return static_cast<std::int32_t>(std::chrono::sys_days(d).time_since_epoch().count());
}

}  // namespace

TEST_CASE("DST in Europe/Paris: an entry across the change has its true duration") {
  ZoneScope zone("Europe/Paris");
  // 2026-03-29: clocks go from 02:00 to 03:00. 01:00-04:00 local is 2 hours.
  const Instant spring_start = local_to_instant(
      Date{std::chrono::year(2026), std::chrono::March, std::chrono::day(29)}, 3600);
  const Instant spring_end = local_to_instant(
      Date{std::chrono::year(2026), std::chrono::March, std::chrono::day(29)}, 4 * 3600);
  CHECK((spring_end - spring_start).count() == 2 * 3600);
  CHECK(format_instant_utc(spring_start) == "2026-03-29T00:00:00Z");
  // 2026-10-25: clocks go from 03:00 back to 02:00. 01:00-04:00 local is 4 hours.
  const Date autumn{std::chrono::year(2026), std::chrono::October, std::chrono::day(25)};
  CHECK((local_to_instant(autumn, 4 * 3600) - local_to_instant(autumn, 3600)).count() == 4 * 3600);
}

TEST_CASE("DST in Europe/Paris: local days are counted in the user's zone") {
  ZoneScope zone("Europe/Paris");
  LocalCalendar cal;
  // 23:30 UTC on the 28th is 00:30 local on the 29th (UTC+1, before the change).
  CHECK(cal.day(at("2026-03-28T23:30:00Z")) ==
        days(Date{std::chrono::year(2026), std::chrono::March, std::chrono::day(29)}));
  CHECK(cal.day(at("2026-03-28T22:59:59Z")) ==
        days(Date{std::chrono::year(2026), std::chrono::March, std::chrono::day(28)}));
  // After the change (UTC+2): 22:30 UTC on the 29th is 00:30 on the 30th.
  CHECK(cal.day(at("2026-03-29T22:30:00Z")) ==
        days(Date{std::chrono::year(2026), std::chrono::March, std::chrono::day(30)}));
  // The day of the change itself: 00:59 UTC (02:59 CEST... i.e. 03:59 after the jump) stays on the
  // 29th.
  CHECK(cal.day(at("2026-03-29T01:30:00Z")) ==
        days(Date{std::chrono::year(2026), std::chrono::March, std::chrono::day(29)}));
  // Autumn: 22:30 UTC on the 25th is 23:30 CET, still the 25th; 23:30 UTC is the 26th.
  CHECK(cal.day(at("2026-10-25T22:30:00Z")) ==
        days(Date{std::chrono::year(2026), std::chrono::October, std::chrono::day(25)}));
  CHECK(cal.day(at("2026-10-25T23:30:00Z")) ==
        days(Date{std::chrono::year(2026), std::chrono::October, std::chrono::day(26)}));
  // On the 24th (CEST, UTC+2) 22:30 UTC is already the 25th.
  CHECK(cal.day(at("2026-10-24T22:30:00Z")) ==
        days(Date{std::chrono::year(2026), std::chrono::October, std::chrono::day(25)}));
}

TEST_CASE("the calendar agrees with the C library hour by hour across both 2026 changes") {
  ZoneScope zone("Europe/Paris");
  LocalCalendar cal;
  for (const char* from : {"2026-03-27T00:00:00Z", "2026-10-23T00:00:00Z"}) {
    for (std::int64_t h = 0; h < 24 * 5; ++h) {
      const Instant t = at(from) + std::chrono::seconds(h * 3600 + 1799);
      CAPTURE(format_instant_utc(t));
      CHECK(cal.day(t) == days(local_date(t)));
    }
  }
}

TEST_CASE("week boundaries: Monday by default, Sunday when configured") {
  LocalCalendar monday(1);
  LocalCalendar sunday(0);
  const auto d = [](unsigned day) {
    return days(Date{std::chrono::year(2026), std::chrono::November, std::chrono::day(day)});
  };
  // 2026-11-16 is a Monday; 2026-11-22 a Sunday.
  CHECK(monday.week(d(16)) == d(16));
  CHECK(monday.week(d(22)) == d(16));
  CHECK(monday.week(d(23)) == d(23));
  CHECK(sunday.week(d(21)) == d(15));
  CHECK(sunday.week(d(22)) == d(22));
  // Across a year end: 2027-01-01 is a Friday; its Monday week starts 2026-12-28.
  CHECK(
      monday.week(days(Date{std::chrono::year(2027), std::chrono::January, std::chrono::day(1)})) ==
      days(Date{std::chrono::year(2026), std::chrono::December, std::chrono::day(28)}));
  // Before 1970 the arithmetic still floors correctly: 1969-12-31 was a Wednesday.
  CHECK(monday.week(-1) == -3);
  CHECK(LocalCalendar::month_label(LocalCalendar::month(d(30))) == "2026-11");
  CHECK(parse_weekday("Sunday") == 0);
  CHECK(parse_weekday("mon") == 1);
  CHECK_THROWS_AS(parse_weekday("someday"), Error);
}

TEST_CASE("billed quantities and amounts agree with each other") {
  CHECK(billed_quantity(5400, RateUnit::hour, 8 * 3600).to_string() == "1.50");
  CHECK(billed_quantity(80 * 60, RateUnit::hour, 8 * 3600).to_string() == "1.33");
  CHECK(billed_quantity(3 * 3600, RateUnit::day, 8 * 3600).to_string() == "0.38");
  CHECK(billed_quantity(7 * 3600, RateUnit::day, 7 * 3600).to_string() == "1.00");
  const Currency& eur = currency("EUR");
  const Rate rate = Rate::parse("80/h", eur);
  CHECK(billed_amount(billed_quantity(80 * 60, RateUnit::hour, 0), rate, eur).to_string() ==
        "106.40");
  const Currency& jpy = currency("JPY");
  CHECK(billed_amount(Decimal::parse("1.25"), Rate::parse("9999/h", jpy), jpy).to_string() ==
        "12499");
}

TEST_CASE("tags are normalized and checked") {
  CHECK(normalize_tags({"bug", "urgent,bug", " client "}) == "bug,urgent,client");
  CHECK(normalize_tags({}) == "");
  CHECK(split_tags("bug,urgent") == std::vector<std::string>{"bug", "urgent"});
  CHECK_THROWS_WITH_AS(normalize_tags({"two words"}), doctest::Contains("space"), Error);
}

namespace {
std::map<std::int64_t, ProjectBilling> two_currencies() {
  std::map<std::int64_t, ProjectBilling> p;
  p[1] = {1,
          "acme",
          "acme/web",
          &currency("EUR"),
          Rate::parse("80/h", currency("EUR")),
          true,
          TimeRounding::parse("15m up entry")};
  p[2] = {2,
          "initech",
          "initech/audit",
          &currency("USD"),
          Rate::parse("800/d", currency("USD")),
          true,
          TimeRounding::parse("30m up day")};
  p[3] = {1, "acme", "acme/internal", &currency("EUR"), std::nullopt, false, TimeRounding{}};
  return p;
}
}  // namespace

TEST_CASE("report: per currency rows and totals, never mixed") {
  ZoneScope zone("UTC");
  TimeReport report(ReportGrouping::month, two_currencies(), 1, 8 * 3600);
  report.add(1, at("2026-11-02T09:00:00Z"), at("2026-11-02T09:50:00Z"), "");  // 50m -> 1h
  report.add(2, at("2026-11-02T10:00:00Z"), at("2026-11-02T11:10:00Z"), "");  // day total 70m+
  report.add(2, at("2026-11-02T14:00:00Z"), at("2026-11-02T14:10:00Z"), "");  // 80m -> 1h30
  report.add(3, at("2026-11-03T09:00:00Z"), at("2026-11-03T10:00:00Z"), "");  // not billable
  report.add(1, at("2026-12-01T09:00:00Z"), at("2026-12-01T09:05:00Z"), "");  // 5m -> 15m
  const auto rows = report.rows();
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].group == "2026-11");
  CHECK(rows[0].currency == "EUR");
  CHECK(rows[0].raw_seconds == 110 * 60);
  CHECK(rows[0].billed_seconds == 60 * 60);
  CHECK(rows[0].amount->to_string() == "80.00");
  CHECK(rows[1].group == "2026-11");
  CHECK(rows[1].currency == "USD");
  CHECK(rows[1].billed_seconds == 90 * 60);
  CHECK(rows[1].amount->to_string() == "152.00");  // 1.5 h = 0.19 d x 800
  CHECK(rows[2].group == "2026-12");
  CHECK(rows[2].amount->to_string() == "20.00");
  CHECK(rows[3].total);
  CHECK(rows[3].currency == "EUR");
  CHECK(rows[3].amount->to_string() == "100.00");
  CHECK(rows[4].currency == "USD");
  CHECK(rows[4].amount->to_string() == "152.00");
}

TEST_CASE("report by tag counts an entry in each of its tags — untagged last") {
  ZoneScope zone("UTC");
  TimeReport report(ReportGrouping::tag, two_currencies(), 1, 8 * 3600);
  report.add(1, at("2026-11-02T09:00:00Z"), at("2026-11-02T10:00:00Z"), "bug,urgent");
  report.add(1, at("2026-11-02T11:00:00Z"), at("2026-11-02T11:30:00Z"), "");
  const auto rows = report.rows();
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].group == "bug");
  CHECK(rows[1].group == "urgent");
  CHECK(rows[2].group == "(no tag)");
  CHECK(rows[2].raw_seconds == 1800);
  CHECK(rows[3].total);
}
