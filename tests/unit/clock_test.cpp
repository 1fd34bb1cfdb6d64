#include "indie/core/clock.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "indie/core/error.hpp"

using namespace std::chrono;
using indie::Date;

namespace {
const Date kToday{year(2026), month(11), day(21)};

struct ZoneGuard {
  explicit ZoneGuard(const char* tz) {
    const char* old = std::getenv("TZ");
    saved = old ? old : "";
    had = old != nullptr;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~ZoneGuard() {
    if (had)
      setenv("TZ", saved.c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
  std::string saved;
  bool had;
};
}  // namespace

TEST_CASE("dates in ISO 8601 and words") {
  CHECK(indie::parse_date("2026-11-20", kToday) == Date{year(2026), month(11), day(20)});
  CHECK(indie::parse_date("today", kToday) == kToday);
  CHECK(indie::parse_date("yesterday", kToday) == Date{year(2026), month(11), day(20)});
  CHECK(indie::parse_date("2028-02-29", kToday).ok());
  CHECK(indie::format_date(kToday) == "2026-11-21");
  CHECK(indie::format_date(Date{year(987), month(1), day(5)}) == "0987-01-05");
  CHECK(indie::format_date(Date{year(9999), month(12), day(31)}) == "9999-12-31");
  CHECK(indie::format_date(Date{year(12345), month(6), day(7)}) == "12345-06-07");
}

TEST_CASE("impossible dates are refused") {
  CHECK_THROWS_WITH_AS(indie::parse_date("2026-02-30", kToday), doctest::Contains("28 days"),
                       indie::Error);
  CHECK_THROWS_AS(indie::parse_date("2026-13-01", kToday), indie::Error);
  CHECK_THROWS_AS(indie::parse_date("2027-02-29", kToday), indie::Error);
  CHECK_THROWS_AS(indie::parse_date("20-11-2026", kToday), indie::Error);
  CHECK_THROWS_AS(indie::parse_date("2026/11/20", kToday), indie::Error);
}

TEST_CASE("times of day") {
  CHECK(indie::parse_time_of_day("09:00") == 9 * 3600);
  CHECK(indie::parse_time_of_day("9:05") == 9 * 3600 + 300);
  CHECK(indie::parse_time_of_day("23:59:59") == 86399);
  for (const char* bad : {"25:00", "24:00", "09:60", "9", "09:5", "ab:cd", "09:00:61"})
    CHECK_THROWS_AS(indie::parse_time_of_day(bad), indie::Error);
}

TEST_CASE("instants: UTC with Z, local time through TZ") {
  CHECK(indie::format_instant_utc(indie::parse_instant("2026-11-21T10:00:00Z")) ==
        "2026-11-21T10:00:00Z");
  ZoneGuard paris("Europe/Paris");
  CHECK(indie::format_instant_utc(indie::parse_instant("2026-11-21T10:00")) ==
        "2026-11-21T09:00:00Z");  // CET
  CHECK(indie::format_instant_utc(indie::parse_instant("2026-07-01 10:00")) ==
        "2026-07-01T08:00:00Z");  // CEST
  // The local date of an instant just after midnight in Paris is the next day.
  CHECK(indie::local_date(indie::parse_instant("2026-11-20T23:30:00Z")) ==
        Date{year(2026), month(11), day(21)});
}

TEST_CASE("a fixed clock is what tests and INDIE_NOW use") {
  const indie::Clock c(indie::parse_instant("2026-11-21T10:00:00Z"));
  CHECK(indie::format_instant_utc(c.now()) == "2026-11-21T10:00:00Z");
}

// Local times come from a per-day cache of the zone's offset (issue 19); every instant must
// still be exactly what localtime_r says, on the days the offset changes too.
TEST_CASE("local times match the C library on every kind of day, and follow a change of TZ") {
  const auto from_c_library = [](indie::Instant t) {
    const std::time_t tt = static_cast<std::time_t>(t.time_since_epoch().count());
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    const long off = tm.tm_gmtoff < 0 ? -tm.tm_gmtoff : tm.tm_gmtoff;
    char zone[8];
    std::snprintf(zone, sizeof zone, "%c%02ld:%02ld", tm.tm_gmtoff < 0 ? '-' : '+', off / 3600,
                  off % 3600 / 60);
    return std::string(buf) + zone;
  };
  // Paris (DST at 01:00 UTC), Lord Howe (a half-hour change), Kathmandu (+05:45), New York,
  // and Amsterdam in 1937 (its offset was +00:19:32, then +00:20).
  for (const char* tz : {"Europe/Paris", "Australia/Lord_Howe", "Asia/Kathmandu",
                         "America/New_York", "Europe/Amsterdam"}) {
    ZoneGuard zone(tz);
    for (const char* day : {"2026-03-29T00:00:00Z", "2026-10-25T00:00:00Z", "2026-04-05T00:00:00Z",
                            "2026-11-01T00:00:00Z", "2026-03-08T00:00:00Z", "1937-06-30T00:00:00Z",
                            "1901-01-01T00:00:00Z"}) {
      const indie::Instant start = indie::parse_instant(day);
      for (int minutes = -60; minutes <= 24 * 60 + 60; minutes += 7) {
        const indie::Instant t = start + std::chrono::minutes(minutes) + std::chrono::seconds(13);
        INFO(tz, " ", indie::format_instant_utc(t));
        CHECK(indie::format_instant_iso(t) == from_c_library(t));
      }
    }
  }
  const indie::Instant noon = indie::parse_instant("2026-07-01T12:00:00Z");
  {
    ZoneGuard zone("Europe/Paris");
    CHECK(indie::format_instant_iso(noon) == "2026-07-01T14:00:00+02:00");
  }
  ZoneGuard zone("America/New_York");
  CHECK(indie::format_instant_iso(noon) == "2026-07-01T08:00:00-04:00");
  CHECK(indie::format_time_of_day(noon) == "08:00");
  CHECK(indie::local_date(indie::parse_instant("2026-07-01T02:00:00Z")) ==
        Date{year(2026), month(6), day(30)});
}
