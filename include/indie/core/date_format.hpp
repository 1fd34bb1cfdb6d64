#pragma once
/// Dates and times as other tools and banks write them: a small strftime-like pattern
/// (%Y %y %m %d %H %M %S %p) and, for exports that do not say, the day/month order found
/// from the whole file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "indie/core/clock.hpp"

namespace indie {

/// A date with an optional time of day, as written in a file (local, no zone).
struct DateTime {
  Date date{};
  std::optional<std::int64_t> seconds;  ///< since midnight, when the pattern has a time
};

/// Checks a pattern: %d, %m and %Y (or %y) once each; %H, %M, %S, %p optional; other
/// characters as they are. Throws invalid_input saying what is missing, with an example.
void check_date_format(std::string_view format);

/// `text` read with `format`, or nothing when it does not match (wrong separators, day 31 in
/// April, hour 24, trailing characters).
std::optional<DateTime> parse_date_time(std::string_view text, std::string_view format);

/// Which of two numbers of a slashed date is the day, as far as a whole file tells.
/// Feed it every date of the file, then ask order().
class DateOrderDetector {
 public:
  /// `text` like 03/04/2026 or 3-4-2026 (two numbers then a four-digit year); other shapes
  /// (ISO, dotted) are ignored.
  void add(std::string_view text);
  enum class Order { unknown, day_first, month_first, ambiguous, contradictory };
  Order order() const;
  /// The file's own text that settled the order (the day-first one when the file holds
  /// both) or made it ambiguous, for messages.
  const std::string& witness() const;
  /// With `contradictory`: the month-first date.
  const std::string& month_first_witness() const { return month_first_; }

 private:
  std::string day_first_, month_first_, ambiguous_;  // the first such date seen
};

}  // namespace indie
