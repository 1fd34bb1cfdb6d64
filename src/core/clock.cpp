#include "indie/core/clock.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <string>

#include "indie/core/error.hpp"
#include "indie/core/money.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

int parse_fixed_digits(std::string_view s, std::size_t pos, std::size_t n, bool& ok) {
  int v = 0;
  if (pos + n > s.size()) {
    ok = false;
    return 0;
  }
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') ok = false;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

[[noreturn]] void bad_date(std::string_view text, std::string_view why = {}) {
  throw invalid_input(
      fmt::format("'{}' is not a valid date{}{}; write it as YYYY-MM-DD, today or yesterday", text,
                  why.empty() ? "" : ": ", why));
}

}  // namespace

Clock Clock::from_environment() {
  const char* fixed = std::getenv("INDIE_NOW");
  if (fixed != nullptr && *fixed != '\0') {
    try {
      return Clock(parse_instant(fixed));
    } catch (const Error& e) {
      throw invalid_input(std::string("INDIE_NOW: ") + e.what());
    }
  }
  return Clock();
}

Instant Clock::now() const {
  if (fixed_) return *fixed_;
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

Date Clock::today() const { return local_date(now()); }

Date parse_date(std::string_view text, Date today) {
  const std::string_view s = trim(text);
  if (!s.empty() && (s.front() < '0' || s.front() > '9')) {  // words; digits go straight on
    const std::string lower = to_lower(s);
    if (lower == "today") return today;
    if (lower == "yesterday") return Date(std::chrono::sys_days(today) - std::chrono::days(1));
    if (lower == "tomorrow") return Date(std::chrono::sys_days(today) + std::chrono::days(1));
  }
  bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
  const int y = parse_fixed_digits(s, 0, 4, ok);
  const int m = parse_fixed_digits(s, 5, 2, ok);
  const int d = parse_fixed_digits(s, 8, 2, ok);
  if (!ok) bad_date(text);
  // Years outside 1900-2200 are typing mistakes (0026, 20260), not a freelancer's business;
  // refusing them also keeps every date within what the calendar arithmetic handles.
  if (y < kFirstYear || y > kLastYear)
    bad_date(text, fmt::format("indie keeps dates from {} to {}", kFirstYear, kLastYear));
  const Date date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                  std::chrono::day(static_cast<unsigned>(d))};
  if (!date.month().ok()) bad_date(text, "there is no such month");
  if (!date.ok())
    bad_date(
        text,
        fmt::format("that month has {} days",
                    static_cast<unsigned>((date.year() / date.month() / std::chrono::last).day())));
  return date;
}

std::int64_t parse_time_of_day(std::string_view text) {
  const std::string_view s = trim(text);
  // H:MM, HH:MM or HH:MM:SS, without allocating: imports call this a million times.
  int values[3] = {0, 0, 0};
  std::size_t part = 0, digits = 0;
  bool ok = !s.empty();
  for (std::size_t i = 0; ok && i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') {
      ok = digits > 0 && part < 2 && (part == 0 || digits == 2);
      ++part;
      digits = 0;
    } else if (c >= '0' && c <= '9' && digits < 2) {
      values[part] = values[part] * 10 + (c - '0');
      ++digits;
    } else {
      ok = false;
    }
  }
  ok = ok && part >= 1 && digits == 2;
  if (!ok)
    throw invalid_input(
        fmt::format("'{}' is not a time of day; write it as HH:MM, e.g. 09:30", text));
  if (values[0] > 23 || values[1] > 59 || values[2] > 59)
    throw invalid_input(
        fmt::format("'{}' is not a time of day: hours go 00-23, minutes and seconds 00-59", text));
  return values[0] * 3600 + values[1] * 60 + values[2];
}

Instant parse_instant(std::string_view text) {
  std::string_view s = trim(text);
  if (s.size() < 10) bad_date(text);
  const Date date = parse_date(s.substr(0, 10), Date{});
  s.remove_prefix(10);
  if (s.empty()) return local_to_instant(date, 0);
  if (s.front() != 'T' && s.front() != ' ') bad_date(text);
  s.remove_prefix(1);
  const bool utc = !s.empty() && (s.back() == 'Z' || s.back() == 'z');
  if (utc) s.remove_suffix(1);
  // An explicit offset: +01:00, -05:00 or +0100.
  std::optional<std::int64_t> offset;
  if (const auto sign = s.find_first_of("+-"); !utc && sign != std::string_view::npos) {
    std::string_view off = s.substr(sign + 1);
    bool ok = off.size() == 5 && off[2] == ':';
    if (off.size() == 4) ok = true;
    const int h = parse_fixed_digits(off, 0, 2, ok);
    const int m = parse_fixed_digits(off, off.size() == 5 ? 3 : 2, 2, ok);
    if (!ok || h > 23 || m > 59) bad_date(text, "the UTC offset should read like +01:00");
    offset = (h * 3600 + m * 60) * (s[sign] == '-' ? -1 : 1);
    s = s.substr(0, sign);
  }
  const std::int64_t secs = parse_time_of_day(s);
  const Instant as_utc(std::chrono::sys_days(date).time_since_epoch() + std::chrono::seconds(secs));
  if (utc) return as_utc;
  if (offset) return as_utc - std::chrono::seconds(*offset);
  return typed_local_to_instant(date, secs);
}

Instant parse_moment(std::string_view text, Date today) {
  const std::string_view s = trim(text);
  if (s.size() <= 8 && s.find(':') != std::string_view::npos)
    return typed_local_to_instant(today, parse_time_of_day(s));
  const std::string lower = to_lower(s);
  for (const std::string_view word : {"today ", "yesterday "})
    if (lower.starts_with(word))
      return typed_local_to_instant(parse_date(s.substr(0, word.size() - 1), today),
                                    parse_time_of_day(s.substr(word.size())));
  try {
    return parse_instant(s);
  } catch (const Error&) {
    throw invalid_input(
        fmt::format("'{}' is not a time: write 09:30, yesterday 17:00 or 2026-11-20T09:30", text));
  }
}

std::string long_date(Date d, Language lang) {
  static constexpr std::array<std::string_view, 12> kFr = {
      "janvier", "février", "mars",      "avril",   "mai",      "juin",
      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  static constexpr std::array<std::string_view, 12> kEn = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const unsigned day = static_cast<unsigned>(d.day());
  const auto month = static_cast<unsigned>(d.month()) - 1;
  const int year = static_cast<int>(d.year());
  if (lang == Language::fr)
    return fmt::format("{}{} {} {}", day, day == 1 ? "er" : "", kFr[month], year);
  return fmt::format("{} {} {}", day, kEn[month], year);
}

std::string format_date(Date d) {
  const int year = static_cast<int>(d.year());
  // Years 0-9999 by hand (listings print two dates a row); others through fmt.
  if (year < 0 || year > 9999)
    return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
  const auto month = static_cast<unsigned>(d.month());
  const auto day = static_cast<unsigned>(d.day());
  const char text[10] = {static_cast<char>('0' + year / 1000),
                         static_cast<char>('0' + year / 100 % 10),
                         static_cast<char>('0' + year / 10 % 10),
                         static_cast<char>('0' + year % 10),
                         '-',
                         static_cast<char>('0' + month / 10),
                         static_cast<char>('0' + month % 10),
                         '-',
                         static_cast<char>('0' + day / 10),
                         static_cast<char>('0' + day % 10)};
  return std::string(text, sizeof text);
}

std::string format_instant_utc(Instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms(t - day);
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(Date(day)), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

namespace {

long system_offset(std::time_t t) {
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_gmtoff;
}

// The zone's offset from UTC at `t`, in seconds. localtime_r reads TZ again and searches the
// zone's transitions at every call: a third of the time of a 100,000-entry export (issue 19).
// Offsets change a few times a year at most, so the offset of a whole UTC day is kept when it
// is the same at both ends of the day (no zone changes twice within one day), and a day with a
// change asks the C library for each instant. A change of TZ starts afresh.
long local_offset(Instant t) {
  struct Cache {
    bool tz_set = false;
    std::string tz;
    std::int64_t day = std::numeric_limits<std::int64_t>::min();
    long offset = 0;
    bool uniform = false;
  };
  static Cache cache;
  const char* tz = std::getenv("TZ");
  if ((tz != nullptr) != cache.tz_set || (tz != nullptr && cache.tz != tz)) {
    cache = Cache{};
    cache.tz_set = tz != nullptr;
    if (tz != nullptr) cache.tz = tz;
  }
  const std::int64_t secs = t.time_since_epoch().count();
  const std::int64_t day = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  if (day != cache.day) {
    cache.day = day;
    cache.offset = system_offset(static_cast<std::time_t>(day * 86400));
    cache.uniform = cache.offset == system_offset(static_cast<std::time_t>(day * 86400 + 86399));
  }
  return cache.uniform ? cache.offset : system_offset(static_cast<std::time_t>(secs));
}

struct LocalTime {
  int year, month, day, hour, minute, second;
  long offset;
};

LocalTime local_time(Instant t) {
  const long offset = local_offset(t);
  const auto local = t + std::chrono::seconds(offset);
  const auto days = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{days};
  const auto s = static_cast<int>((local - days).count());
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          s / 3600,
          s % 3600 / 60,
          s % 60,
          offset};
}

// Two digits of `v` (0..99) at p; four of `v` (0..9999).
void put2(char* p, int v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}
void put4(char* p, int v) {
  put2(p, v / 100);
  put2(p + 2, v % 100);
}

}  // namespace

std::string format_instant_local(Instant t) {
  const LocalTime lt = local_time(t);
  std::string s = "0000-00-00 00:00";
  put4(s.data(), lt.year);
  put2(s.data() + 5, lt.month);
  put2(s.data() + 8, lt.day);
  put2(s.data() + 11, lt.hour);
  put2(s.data() + 14, lt.minute);
  return s;
}

std::string format_instant_iso(Instant t) {
  const LocalTime lt = local_time(t);
  const long abs_off = lt.offset < 0 ? -lt.offset : lt.offset;
  std::string s = "0000-00-00T00:00:00+00:00";
  put4(s.data(), lt.year);
  put2(s.data() + 5, lt.month);
  put2(s.data() + 8, lt.day);
  put2(s.data() + 11, lt.hour);
  put2(s.data() + 14, lt.minute);
  put2(s.data() + 17, lt.second);
  s[19] = lt.offset < 0 ? '-' : '+';
  put2(s.data() + 20, static_cast<int>(abs_off / 3600));
  put2(s.data() + 23, static_cast<int>(abs_off % 3600 / 60));
  return s;
}

std::string format_time_of_day(Instant t) {
  const LocalTime lt = local_time(t);
  std::string s = "00:00";
  put2(s.data(), lt.hour);
  put2(s.data() + 3, lt.minute);
  return s;
}

// The time zone rules come from the C library (TZ, /usr/share/zoneinfo): GCC 12's <chrono>
// has no tzdb yet.
Date local_date(Instant t) {
  const LocalTime lt = local_time(t);
  return Date{std::chrono::year(lt.year), std::chrono::month(static_cast<unsigned>(lt.month)),
              std::chrono::day(static_cast<unsigned>(lt.day))};
}

namespace {
// mktime on a local date and time; `tm` receives the fields as mktime normalized them (a time
// in the hour skipped when daylight saving starts comes back an hour later).
std::time_t local_mktime(Date d, std::int64_t seconds_of_day, std::tm& tm) {
  tm = {};
  tm.tm_year = static_cast<int>(d.year()) - 1900;
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(d.month())) - 1;
  tm.tm_mday = static_cast<int>(static_cast<unsigned>(d.day()));
  tm.tm_hour = static_cast<int>(seconds_of_day / 3600);
  tm.tm_min = static_cast<int>((seconds_of_day % 3600) / 60);
  tm.tm_sec = static_cast<int>(seconds_of_day % 60);
  tm.tm_isdst = -1;
  return mktime(&tm);
}
}  // namespace

Instant local_to_instant(Date d, std::int64_t seconds_of_day) {
  std::tm tm;
  return Instant(std::chrono::seconds(local_mktime(d, seconds_of_day, tm)));
}

Instant typed_local_to_instant(Date d, std::int64_t seconds_of_day) {
  std::tm tm;
  const std::time_t tt = local_mktime(d, seconds_of_day, tm);
  if (tm.tm_mday != static_cast<int>(static_cast<unsigned>(d.day())) ||
      tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec != seconds_of_day)
    throw invalid_input(
        fmt::format("{} {:02}:{:02} does not exist in your time zone: the clocks go forward then "
                    "(daylight saving time starts); give a time after the change",
                    format_date(d), seconds_of_day / 3600, (seconds_of_day % 3600) / 60));
  return Instant(std::chrono::seconds(tt));
}

}  // namespace indie
