#include "indie/core/time_entry.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

#include "indie/core/error.hpp"

using namespace indie;

namespace {
struct Paris {
  Paris() { setenv("TZ", "Europe/Paris", 1); }
};
Date day(const char* iso) { return parse_date(iso, Date{}); }
}  // namespace

TEST_CASE("a range is read on its day in the local zone, +1 for the next day") {
  Paris tz;
  const auto [start, end] = parse_time_range("09:00-12:30", day("2026-11-20"));
  CHECK(format_instant_iso(start) == "2026-11-20T09:00:00+01:00");
  CHECK((end - start).count() == 3 * 3600 + 1800);
  const auto night = parse_time_range("22:00-01:30+1", day("2026-11-20"));
  CHECK((night.second - night.first).count() == 3 * 3600 + 1800);
  CHECK_THROWS_WITH_AS(parse_time_range("0900", day("2026-11-20")),
                       doctest::Contains("is not a time range"), Error);
}

TEST_CASE("a duration follows the day's last entry, else starts at 09:00") {
  Paris tz;
  CHECK(format_instant_iso(duration_start(day("2026-11-20"), std::nullopt)) ==
        "2026-11-20T09:00:00+01:00");
  const Instant last = parse_instant("2026-11-20T16:45:00+01:00");
  CHECK(duration_start(day("2026-11-20"), last) == last);
}

TEST_CASE("spans: above zero, at most 24 hours unless forced, no overlap unless allowed") {
  Paris tz;
  const Instant at = parse_instant("2026-11-20T09:00:00+01:00");
  const auto hours = [&](int h) { return at + std::chrono::hours(h); };
  CHECK_NOTHROW(check_span(at, hours(24), {}, std::nullopt));
  CHECK_THROWS_WITH_AS(check_span(at, at, {}, std::nullopt), doctest::Contains("0 minutes"), Error);
  CHECK_THROWS_WITH_AS(check_span(hours(1), at, {}, std::nullopt),
                       doctest::Contains("is before the start"), Error);
  CHECK_THROWS_WITH_AS(check_span(at, hours(25), {}, std::nullopt),
                       doctest::Contains("over 24 hours"), Error);
  CHECK_NOTHROW(check_span(at, hours(25), {true, false}, std::nullopt));
  TimeEntry other;
  other.id = 4;
  other.project_path = "acme/web";
  other.start = at;
  other.end = hours(2);
  CHECK_THROWS_WITH_AS(check_span(at, hours(1), {}, other),
                       "it overlaps entry 4 (acme/web, 2026-11-20 09:00 - 11:00); change the "
                       "times, or add --allow-overlap",
                       Error);
  CHECK_NOTHROW(check_span(at, hours(1), {false, true}, other));
}

TEST_CASE("billed entries are locked, and notes are one line") {
  TimeEntry e;
  e.id = 9;
  CHECK_NOTHROW(require_unbilled(e, "changed"));
  e.invoice_id = 3;
  CHECK_THROWS_WITH_AS(require_unbilled(e, "changed"), doctest::Contains("on draft invoice 3"),
                       Error);
  e.invoice_number = "F2026-0002";
  CHECK_THROWS_WITH_AS(require_unbilled(e, "removed"),
                       "time entry 9 is billed on invoice F2026-0002 and cannot be removed; "
                       "correct the invoice with a "
                       "credit note",
                       Error);
  CHECK_THROWS_AS(check_note("two\nlines"), Error);
  CHECK_NOTHROW(check_note("maquettes, v2 — relues"));
}
