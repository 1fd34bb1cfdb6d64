#pragma once
/// "Now", from one place that tests can fix (INDIE_NOW), and ISO 8601 dates and times.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace indie {

using Instant = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

/// The current instant. The CLI builds it once from the environment and passes it down;
/// nothing in the core reads the system clock.
class Clock {
 public:
  explicit Clock(Instant fixed) : fixed_(fixed) {}
  Clock() = default;
  /// INDIE_NOW (ISO 8601, e.g. 2026-11-21T10:00:00Z) when set, else the system clock.
  static Clock from_environment();
  Instant now() const;
  /// Today's date in the process's local time zone (TZ).
  Date today() const;

 private:
  std::optional<Instant> fixed_;
};

/// The years a date may have: 1900 to 2200.
inline constexpr int kFirstYear = 1900, kLastYear = 2200;
/// `2026-11-20`; also `today` and `yesterday` relative to `today`. Throws on `2026-02-30`.
Date parse_date(std::string_view text, Date today);
/// `09:00`, `9:05`, `09:00:30` as seconds since midnight; throws on `25:00` or `09:60`.
std::int64_t parse_time_of_day(std::string_view text);
/// `2026-11-21T10:00:00Z`, `2026-11-21T11:00:00+01:00`, or a local `2026-11-21T10:00[:ss]` /
/// `2026-11-21 10:00` read in TZ.
Instant parse_instant(std::string_view text);
/// A moment as a user types it on the command line: `09:10` (on `today`), or a date and time
/// as parse_instant reads them.
Instant parse_moment(std::string_view text, Date today);

std::string format_date(Date d);  ///< 2026-11-20
enum class Language;              // money.hpp
/// A date in words, as a document in `lang` writes it: "1er novembre 2026", "1 November 2026".
std::string long_date(Date d, Language lang);
std::string format_instant_utc(Instant t);  ///< 2026-11-20T08:00:00Z
/// Local time for people: `2026-11-20 09:00`.
std::string format_instant_local(Instant t);
/// Local time with its UTC offset, for machines: `2026-11-20T09:00:00+01:00`.
std::string format_instant_iso(Instant t);
/// Local time of day: `09:00`.
std::string format_time_of_day(Instant t);
/// The local calendar date of an instant (TZ).
Date local_date(Instant t);
/// The instant of a local date and time of day (TZ); the earlier one in a DST overlap.
Instant local_to_instant(Date d, std::int64_t seconds_of_day);
/// The same for a time someone typed or a file gave: a local time that does not exist (in the
/// hour the clocks skip when daylight saving time starts) is refused, saying so, instead of
/// being moved an hour later.
Instant typed_local_to_instant(Date d, std::int64_t seconds_of_day);

}  // namespace indie
