#pragma once
/// A month, a quarter or a year of the calendar: what declarations and books are kept by.
#include <string>
#include <string_view>

#include "indie/core/clock.hpp"

namespace indie {

struct Period {
  enum class Kind { month, quarter, year };
  Kind kind = Kind::month;
  Date first{}, last{};  ///< both included

  /// 2026-11, 2026-Q4 or 2026: as parse_period reads it.
  std::string label() const;
  bool contains(Date d) const { return first <= d && d <= last; }
};

/// `2026-11`, `2026-Q4` (or `2026-q4`, `2026Q4`) or `2026`. Throws invalid_input quoting the text
/// and the forms it takes (`2026-13`, `2026-Q5`).
Period parse_period(std::string_view text);
Period month_of(Date d);
Period quarter_of(Date d);
Period year_of(int year);
/// The last month (or quarter) that ended before the one `today` is in: the one to declare now.
Period last_ended(Period::Kind kind, Date today);
/// The last day of the month `d` is in.
Date end_of_month(Date d);

}  // namespace indie
