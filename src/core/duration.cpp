#include "indie/core/duration.hpp"

#include <fmt/format.h>

#include <limits>

#include "indie/core/decimal.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

[[noreturn]] void bad_duration(std::string_view text, std::string_view why = {}) {
  throw invalid_input(
      fmt::format("'{}' is not a duration{}{}; write it like 90m, 1h30m, 1.5h or 1:30", text,
                  why.empty() ? "" : ": ", why));
}

std::int64_t unit_seconds(char unit) {
  switch (unit) {
    case 'h':
      return 3600;
    case 'm':
      return 60;
    case 's':
      return 1;
    default:
      return 0;
  }
}

constexpr std::int64_t kMaxSeconds = std::int64_t{100} * 365 * 24 * 3600;  // a century is plenty

std::int64_t parse_clock_form(std::string_view text, std::string_view s) {
  const auto parts = split(s, ':');
  if (parts.size() < 2 || parts.size() > 3) bad_duration(text);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p.empty() || p.size() > 9 || p.find_first_not_of("0123456789") != std::string::npos)
      bad_duration(text);
    const std::int64_t v = std::stoll(p);
    if (i > 0 && (p.size() != 2 || v >= 60))
      bad_duration(text, "minutes and seconds are two digits, 00-59");
    total = total * 60 + v;
  }
  return parts.size() == 2 ? total * 60 : total;
}

}  // namespace

std::int64_t parse_duration(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) bad_duration(text);
  if (s.front() == '-') bad_duration(text, "a duration cannot be negative");
  if (s.find(':') != std::string_view::npos) return parse_clock_form(text, s);

  // A sequence of <number><unit>, units strictly decreasing (h, then m, then s).
  std::int64_t total = 0;
  std::int64_t last_unit = 0;  // 0: nothing yet
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.')) ++j;
    if (j == i) bad_duration(text);
    const std::string_view number = s.substr(i, j - i);
    std::int64_t unit = 0;
    if (j < s.size()) {
      unit = unit_seconds(s[j]);
      if (unit == 0) bad_duration(text, fmt::format("unknown unit '{}' (use h, m or s)", s[j]));
      ++j;
      if (j < s.size() && s[j - 1] == 'm' && s.substr(j).starts_with("in")) j += 2;  // "min"
    } else if (last_unit != 0) {
      unit = last_unit / 60;  // "1h30" means 1h30m
    } else {
      bad_duration(text, "add a unit, m for minutes or h for hours");
    }
    if (unit == 0 || (last_unit != 0 && unit >= last_unit)) bad_duration(text);
    Decimal value;
    try {
      value = Decimal::parse(number);
    } catch (const Error&) {
      bad_duration(text);
    }
    if (last_unit != 0 && value >= Decimal::from_int(60))
      bad_duration(text, fmt::format("{} must be below 60 after a larger unit",
                                     unit == 60 ? "minutes" : "seconds"));
    if (value > Decimal::from_int(kMaxSeconds)) bad_duration(text, "too long");
    const Decimal secs = value * Decimal::from_int(unit);
    if (secs.significant_scale() > 0) bad_duration(text, "it is not a whole number of seconds");
    total += secs.with_scale(0).mantissa();
    last_unit = unit;
    i = j;
  }
  if (total > kMaxSeconds) bad_duration(text, "too long");
  return total;
}

std::string format_duration_hm(std::int64_t seconds) {
  const bool negative = seconds < 0;
  const std::int64_t s = negative ? -seconds : seconds;
  return fmt::format("{}{}:{:02}", negative ? "-" : "", s / 3600, (s % 3600) / 60);
}

std::string format_duration_hours(std::int64_t seconds) {
  const auto hundredths =
      divide_rounded(static_cast<int128>(seconds) * 100, 3600, default_rounding);
  return Decimal(static_cast<std::int64_t>(hundredths), 2).to_string();
}

}  // namespace indie
