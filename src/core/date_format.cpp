#include "indie/core/date_format.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {

void check_date_format(std::string_view f) {
  const auto count = [&](std::string_view spec) {
    std::size_t n = 0;
    for (std::size_t at = f.find(spec); at != std::string_view::npos; at = f.find(spec, at + 1))
      ++n;
    return n;
  };
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f[i] == '%') {
      const char spec = i + 1 < f.size() ? f[i + 1] : ' ';
      if (std::string_view("YymdHMSp").find(spec) == std::string_view::npos)
        throw invalid_input(fmt::format(
            "date format '{}': %{} is not known; use %d %m %Y (or %y), and %H %M %S %p for a "
            "time, such as \"%d/%m/%Y\" or \"%Y-%m-%d %H:%M:%S\"",
            f, spec == ' ' ? std::string() : std::string(1, spec)));
      ++i;
    }
  if (count("%d") != 1 || count("%m") != 1 || count("%Y") + count("%y") != 1)
    throw invalid_input(fmt::format(
        "date format '{}' needs %d, %m and %Y (or %y) once each, such as \"%d/%m/%Y\"", f));
  if (count("%H") > 1 || count("%M") > 1 || count("%S") > 1 || count("%p") > 1 ||
      ((count("%M") + count("%S") + count("%p")) > 0 && count("%H") == 0))
    throw invalid_input(fmt::format(
        "date format '{}': a time needs %H (then %M, %S, %p at most once each), such as "
        "\"%d/%m/%Y %H:%M\"",
        f));
}

std::optional<DateTime> parse_date_time(std::string_view text, std::string_view format) {
  int y = -1;
  unsigned m = 0, d = 0;
  long hour = -1, minute = 0, second = 0;
  int meridian = -1;  // 0 AM, 12 PM
  std::size_t i = 0;
  const auto digits = [&](std::size_t min, std::size_t max, long& value) {
    std::size_t n = 0;
    value = 0;
    while (n < max && i < text.size() && text[i] >= '0' && text[i] <= '9')
      value = value * 10 + (text[i++] - '0'), ++n;
    return n >= min;
  };
  for (std::size_t f = 0; f < format.size(); ++f) {
    if (format[f] == '%' && f + 1 < format.size()) {
      long v = 0;
      const char spec = format[++f];
      if (spec == 'Y' && digits(4, 4, v))
        y = static_cast<int>(v);
      else if (spec == 'y' && digits(2, 2, v))
        y = 2000 + static_cast<int>(v);
      else if (spec == 'm' && digits(1, 2, v))
        m = static_cast<unsigned>(v);
      else if (spec == 'd' && digits(1, 2, v))
        d = static_cast<unsigned>(v);
      else if (spec == 'H' && digits(1, 2, v))
        hour = v;
      else if (spec == 'M' && digits(2, 2, v))
        minute = v;
      else if (spec == 'S' && digits(2, 2, v))
        second = v;
      else if (spec == 'p' && i + 2 <= text.size()) {
        const std::string p = to_upper(text.substr(i, 2));
        if (p != "AM" && p != "PM") return std::nullopt;
        meridian = p == "AM" ? 0 : 12;
        i += 2;
      } else
        return std::nullopt;
    } else {
      if (i >= text.size() || text[i] != format[f]) return std::nullopt;
      ++i;
    }
  }
  if (i != text.size() || y < kFirstYear || y > kLastYear) return std::nullopt;
  DateTime out;
  out.date = Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!out.date.ok()) return std::nullopt;
  if (hour >= 0) {
    if (meridian >= 0) {
      if (hour < 1 || hour > 12) return std::nullopt;
      hour = hour % 12 + meridian;  // 12:30 AM is 00:30, 12:30 PM is 12:30
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    out.seconds = hour * 3600 + minute * 60 + second;
  }
  return out;
}

void DateOrderDetector::add(std::string_view text) {
  text = trim(text);
  // Two numbers of one or two digits, a separator (/ or -), then a four-digit year.
  std::size_t i = 0;
  const auto number = [&](unsigned& v) {
    std::size_t n = 0;
    v = 0;
    while (i < text.size() && n < 3 && text[i] >= '0' && text[i] <= '9')
      v = v * 10 + static_cast<unsigned>(text[i++] - '0'), ++n;
    return n >= 1 && n <= 2;
  };
  unsigned a = 0, b = 0;
  if (!number(a) || i >= text.size() || (text[i] != '/' && text[i] != '-')) return;
  const char sep = text[i++];
  if (!number(b) || i >= text.size() || text[i] != sep) return;
  if (a > 12 && b <= 12) {
    if (day_first_.empty()) day_first_ = std::string(text);
  } else if (b > 12 && a <= 12) {
    if (month_first_.empty()) month_first_ = std::string(text);
  } else if (a <= 12 && b <= 12 && a != b && ambiguous_.empty()) {
    ambiguous_ = std::string(text);
  }
}

DateOrderDetector::Order DateOrderDetector::order() const {
  if (!day_first_.empty() && !month_first_.empty()) return Order::contradictory;
  if (!day_first_.empty()) return Order::day_first;
  if (!month_first_.empty()) return Order::month_first;
  if (!ambiguous_.empty()) return Order::ambiguous;
  return Order::unknown;
}

const std::string& DateOrderDetector::witness() const {
  return !day_first_.empty() ? day_first_ : !month_first_.empty() ? month_first_ : ambiguous_;
}

}  // namespace indie
