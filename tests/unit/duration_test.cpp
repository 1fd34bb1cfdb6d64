#include "indie/core/duration.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

using indie::parse_duration;

TEST_CASE("durations as people type them") {
  CHECK(parse_duration("90m") == 5400);
  CHECK(parse_duration("1h30m") == 5400);
  CHECK(parse_duration("1h30") == 5400);
  CHECK(parse_duration("1.5h") == 5400);
  CHECK(parse_duration("1:30") == 5400);
  CHECK(parse_duration("1:30:15") == 5415);
  CHECK(parse_duration("2h15m") == 8100);
  CHECK(parse_duration("45s") == 45);
  CHECK(parse_duration("2h") == 7200);
  CHECK(parse_duration("0.25h") == 900);
  CHECK(parse_duration("1.33h") == 4788);  // exact: 1.33 × 3600
  CHECK(parse_duration("10min") == 600);
  CHECK(parse_duration("0m") == 0);  // callers decide whether zero is allowed
}

TEST_CASE("m is always minutes, never months") {
  CHECK(parse_duration("1m") == 60);
  CHECK(parse_duration("120m") == 7200);
}

TEST_CASE("malformed durations are refused with an example") {
  for (const char* bad : {"", "abc", "90", "1h70", "1h70m", "1:70", "1:5", "-1h", "1x", "30m1h",
                          "1h1h", "1.5.2h", "0.0001h", ":30"})
    CHECK_THROWS_WITH_AS(parse_duration(bad), doctest::Contains("write it like 90m"), indie::Error);
  CHECK_THROWS_WITH_AS(parse_duration("90"), doctest::Contains("add a unit"), indie::Error);
  CHECK_THROWS_WITH_AS(parse_duration("1h70"), doctest::Contains("below 60"), indie::Error);
}

TEST_CASE("durations are formatted as h:mm and decimal hours") {
  CHECK(indie::format_duration_hm(5400) == "1:30");
  CHECK(indie::format_duration_hm(59) == "0:00");
  CHECK(indie::format_duration_hm(36000 * 10) == "100:00");
  CHECK(indie::format_duration_hours(5400) == "1.50");
  CHECK(indie::format_duration_hours(1000) == "0.28");  // 0.2777… rounds half away from zero
}
