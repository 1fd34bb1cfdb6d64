#include "indie/core/date_format.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

using namespace indie;

TEST_CASE("date formats: dates, times, 12-hour clocks") {
  auto d = parse_date_time("02-11-2026", "%d-%m-%Y");
  REQUIRE(d);
  CHECK(format_date(d->date) == "2026-11-02");
  CHECK(!d->seconds);
  d = parse_date_time("2025-01-01 10:00:01", "%Y-%m-%d %H:%M:%S");
  REQUIRE(d);
  CHECK(format_date(d->date) == "2025-01-01");
  CHECK(d->seconds == 10 * 3600 + 1);
  d = parse_date_time("3/4/26 12:30 AM", "%m/%d/%y %H:%M %p");
  REQUIRE(d);
  CHECK(format_date(d->date) == "2026-03-04");
  CHECK(d->seconds == 30 * 60);
  CHECK(parse_date_time("3/4/26 12:30 pm", "%m/%d/%y %H:%M %p")->seconds == 12 * 3600 + 30 * 60);
  CHECK(!parse_date_time("31/04/2026", "%d/%m/%Y"));  // no 31 April
  CHECK(!parse_date_time("2026-11-02 24:00", "%Y-%m-%d %H:%M"));
  CHECK(!parse_date_time("13:00 PM 01/01/2026", "%H:%M %p %d/%m/%Y"));
  CHECK(!parse_date_time("02/11/2026x", "%d/%m/%Y"));  // trailing text
  CHECK(!parse_date_time("02.11.2026", "%d/%m/%Y"));   // other separators
}

TEST_CASE("date formats: a pattern is checked before use") {
  CHECK_NOTHROW(check_date_format("%d/%m/%Y"));
  CHECK_NOTHROW(check_date_format("%Y-%m-%d %H:%M:%S"));
  CHECK_THROWS_WITH_AS(check_date_format("%d/%m"), doctest::Contains("needs %d, %m and %Y"), Error);
  CHECK_THROWS_WITH_AS(check_date_format("%d/%m/%Y %M"), doctest::Contains("a time needs %H"),
                       Error);
  CHECK_THROWS_WITH_AS(check_date_format("%d/%b/%Y"), doctest::Contains("%b is not known"), Error);
}

TEST_CASE("date order: one day above 12 settles the whole file") {
  using Order = DateOrderDetector::Order;
  DateOrderDetector a;
  a.add("03/11/2026");
  CHECK(a.order() == Order::ambiguous);
  CHECK(a.witness() == "03/11/2026");
  a.add("25/11/2026");
  CHECK(a.order() == Order::day_first);
  CHECK(a.witness() == "25/11/2026");

  DateOrderDetector b;
  b.add("11/25/2026");
  b.add("2026-11-02");  // other shapes say nothing
  CHECK(b.order() == Order::month_first);

  DateOrderDetector c;
  c.add("01/01/2026");  // the same either way
  CHECK(c.order() == Order::unknown);
  c.add("13/10/2026");
  c.add("10/14/2026");
  CHECK(c.order() == Order::contradictory);
  CHECK(c.witness() == "13/10/2026");
  CHECK(c.month_first_witness() == "10/14/2026");
}
