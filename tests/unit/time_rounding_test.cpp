#include "indie/core/time_rounding.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "indie/core/error.hpp"

using indie::BilledTime;
using indie::TimeRounding;

namespace {
constexpr std::int64_t M = 60;

struct RoundCase {
  const char* policy;
  std::int64_t raw;
  std::int64_t billed;
};
}  // namespace

TEST_CASE("one entry rounded by increment and mode") {
  const std::vector<RoundCase> cases = {
      {"1m nearest entry", 0, 0},
      {"1m nearest entry", 29, 0},
      {"1m nearest entry", 30, 60},  // halves go up
      {"1m up entry", 1, 60},
      {"1m down entry", 119, 60},
      {"5m up entry", 61 * M, 65 * M},
      {"6m nearest entry", 62 * M, 60 * M},
      {"6m nearest entry", 63 * M, 66 * M},  // 3 of 6 minutes: half, up
      {"10m down entry", 69 * M, 60 * M},
      {"15m up entry", 60 * M, 60 * M},  // already a multiple: unchanged
      {"15m up entry", 60 * M + 1, 75 * M},
      {"15m nearest entry", 67 * M, 60 * M},
      {"15m nearest entry", 67 * M + 30, 75 * M},
      {"15m down entry", 74 * M + 59, 60 * M},
      {"30m up entry", 1, 30 * M},
      {"1h nearest entry", 89 * M, 60 * M},
      {"1h nearest entry", 90 * M, 120 * M},
      {"1h down entry", 59 * M, 0},
      {"15m up entry min 30m", 5 * M, 30 * M},  // the minimum applies before rounding
      {"15m up entry min 30m", 31 * M, 45 * M},
      {"1m nearest entry min 1h", 0, 60 * M},
  };
  for (const auto& c : cases) {
    CAPTURE(c.policy);
    CAPTURE(c.raw);
    BilledTime b(TimeRounding::parse(c.policy));
    b.add(c.raw, 0);
    CHECK(b.raw() == c.raw);
    CHECK(b.billed() == c.billed);
  }
}

struct ScopeCase {
  const char* policy;
  std::int64_t billed;
};

TEST_CASE("scope: per entry, per day, per invoice on the same entries") {
  // Day 0: 10m + 10m + 10m; day 1: 50m. Raw total 80m.
  const std::vector<std::pair<std::int64_t, std::int32_t>> entries = {
      {10 * M, 0}, {10 * M, 0}, {10 * M, 0}, {50 * M, 1}};
  const std::vector<ScopeCase> cases = {
      {"15m up entry", 3 * 15 * M + 60 * M},  // 45m + 60m
      {"15m up day", 30 * M + 60 * M},        // round(30m) + round(50m)
      {"15m up invoice", 90 * M},             // round(80m)
      {"15m down entry", 45 * M},             // 0 + 0 + 0 + 45m
      {"15m down day", 30 * M + 45 * M},
      {"15m down invoice", 75 * M},
      {"15m nearest day min 15m", 45 * M + 45 * M},  // day 0: 3 x 15m = 45m
      {"1h up invoice", 120 * M},
  };
  for (const auto& c : cases) {
    CAPTURE(c.policy);
    BilledTime b(TimeRounding::parse(c.policy));
    for (const auto& [raw, day] : entries) b.add(raw, day);
    CHECK(b.raw() == 80 * M);
    CHECK(b.billed() == c.billed);
    CHECK(b.entries() == 4);
  }
}

TEST_CASE("per-day scope reconciles: the billed total is the sum of the billed days") {
  const TimeRounding day = TimeRounding::parse("15m up day");
  BilledTime all(day);
  std::int64_t sum_of_days = 0;
  for (std::int32_t d = 0; d < 30; ++d) {
    BilledTime one_day(day);
    for (int k = 0; k < 3; ++k) {
      const std::int64_t raw = (7 * d + 13 * k) % 50 * M + 17;
      all.add(raw, d);
      one_day.add(raw, d);
    }
    sum_of_days += one_day.billed();
  }
  CHECK(all.billed() == sum_of_days);
}

TEST_CASE("day scope wants entries in start order") {
  BilledTime b(TimeRounding::parse("15m up day"));
  b.add(M, 5);
  CHECK_THROWS_AS(b.add(M, 4), std::logic_error);
}

TEST_CASE("policies parse in any order and print canonically") {
  CHECK(TimeRounding::parse("up 15m").to_string() == "15m up entry");
  CHECK(TimeRounding::parse("day,6m,nearest").to_string() == "6m nearest day");
  CHECK(TimeRounding::parse("15m up entry min=30m").to_string() == "15m up entry min 30m");
  CHECK(TimeRounding::parse("per-invoice down 1h minimum 1h").to_string() ==
        "1h down invoice min 1h");
  CHECK(TimeRounding::parse("none").to_string() == "1m nearest entry");
  CHECK(TimeRounding::parse("60m").increment_minutes == 60);
  CHECK(TimeRounding::parse(TimeRounding::parse("10m down day min 45m").to_string()) ==
        TimeRounding::parse("10m down day min 45m"));
}

TEST_CASE("bad policies are refused with the syntax") {
  for (const char* bad : {"7m up", "15m sideways", "15m up week", "90s", "min", "15m up min", "2h"})
    CHECK_THROWS_WITH_AS(TimeRounding::parse(bad), doctest::Contains("INCREMENT MODE SCOPE"),
                         indie::Error);
}
