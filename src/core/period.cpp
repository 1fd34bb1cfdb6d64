#include "indie/core/period.hpp"

#include <fmt/format.h>

#include <charconv>

#include "indie/core/error.hpp"

namespace indie {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

int number(std::string_view digits) {
  int v = 0;
  const auto* end = digits.data() + digits.size();
  const auto [p, ec] = std::from_chars(digits.data(), end, v);
  if (digits.empty() || ec != std::errc() || p != end) return -1;
  return v;
}

Period make(Period::Kind kind, int y, unsigned first_month, unsigned months) {
  Period p;
  p.kind = kind;
  p.first = Date{year(y), month(first_month), day(1)};
  p.last = end_of_month(Date{year(y), month(first_month + months - 1), day(1)});
  return p;
}

}  // namespace

Date end_of_month(Date d) {
  return Date{std::chrono::year_month_day_last(d.year(), std::chrono::month_day_last(d.month()))};
}

std::string Period::label() const {
  const int y = static_cast<int>(first.year());
  const unsigned m = static_cast<unsigned>(first.month());
  switch (kind) {
    case Kind::month:
      return fmt::format("{}-{:02}", y, m);
    case Kind::quarter:
      return fmt::format("{}-Q{}", y, (m - 1) / 3 + 1);
    case Kind::year:
      return std::to_string(y);
  }
  return "?";
}

Period month_of(Date d) {
  return make(Period::Kind::month, static_cast<int>(d.year()), static_cast<unsigned>(d.month()), 1);
}

Period quarter_of(Date d) {
  const unsigned m = static_cast<unsigned>(d.month());
  return make(Period::Kind::quarter, static_cast<int>(d.year()), (m - 1) / 3 * 3 + 1, 3);
}

Period last_ended(Period::Kind kind, Date today) {
  const auto of = [&](Date d) {
    return kind == Period::Kind::quarter ? quarter_of(d)
           : kind == Period::Kind::year  ? year_of(static_cast<int>(d.year()))
                                         : month_of(d);
  };
  return of(Date{std::chrono::sys_days(of(today).first) - std::chrono::days(1)});
}

Period year_of(int y) { return make(Period::Kind::year, y, 1, 12); }

Period parse_period(std::string_view text) {
  const auto bad = [&](std::string_view why) {
    return invalid_input(fmt::format(
        "'{}' is not a period{}: write a month (2026-11), a quarter (2026-Q4) or a year (2026)",
        text, why));
  };
  if (text.size() < 4) throw bad("");
  const int y = number(text.substr(0, 4));
  if (y < kFirstYear || y > kLastYear) throw bad("");
  std::string_view rest = text.substr(4);
  if (rest.empty()) return year_of(y);
  if (rest.front() == '-') rest.remove_prefix(1);
  if (!rest.empty() && (rest.front() == 'Q' || rest.front() == 'q')) {
    const int q = number(rest.substr(1));
    if (q < 1 || q > 4) throw bad(" (a quarter is Q1 to Q4)");
    return make(Period::Kind::quarter, y, static_cast<unsigned>(q - 1) * 3 + 1, 3);
  }
  const int m = rest.size() == 2 ? number(rest) : -1;
  if (m < 1 || m > 12) throw bad(m < 0 ? "" : " (a month is 01 to 12)");
  return make(Period::Kind::month, y, static_cast<unsigned>(m), 1);
}

}  // namespace indie
