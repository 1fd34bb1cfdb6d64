#include "indie/core/clock.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

#include "indie/core/error.hpp"
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
std::tm local_tm(Instant t) {
  const std::time_t tt = static_cast<std::time_t>(t.time_since_epoch().count());
  std::tm tm{};
  localtime_r(&tt, &tm);
  return tm;
}
}  // namespace

std::string format_instant_local(Instant t) {
  const std::tm tm = local_tm(t);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min);
}

std::string format_instant_iso(Instant t) {
  const std::tm tm = local_tm(t);
  const long off = tm.tm_gmtoff;
  const long abs_off = off < 0 ? -off : off;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                     off < 0 ? '-' : '+', abs_off / 3600, abs_off % 3600 / 60);
}

std::string format_time_of_day(Instant t) {
  const std::tm tm = local_tm(t);
  return fmt::format("{:02}:{:02}", tm.tm_hour, tm.tm_min);
}

// The time zone rules come from the C library (TZ, /usr/share/zoneinfo): GCC 12's <chrono>
// has no tzdb yet.
Date local_date(Instant t) {
  const std::time_t tt = static_cast<std::time_t>(t.time_since_epoch().count());
  std::tm tm{};
  localtime_r(&tt, &tm);
  return Date{std::chrono::year(tm.tm_year + 1900),
              std::chrono::month(static_cast<unsigned>(tm.tm_mon + 1)),
              std::chrono::day(static_cast<unsigned>(tm.tm_mday))};
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
