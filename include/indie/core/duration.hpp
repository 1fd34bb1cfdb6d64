#pragma once
/// Durations as people type them: 90m, 1h30m, 1.5h, 1:30.
#include <cstdint>
#include <string>
#include <string_view>

namespace indie {

/// Whole seconds. Parses `90m`, `1h30m`, `1h30`, `2h15m10s`, `1.5h`, `45s`, `1:30`, `1:30:15`.
/// `m` is always minutes. Minutes and seconds after a larger unit must be below 60 (`1h70` is
/// refused). A bare number is refused as ambiguous. Throws invalid_input saying how to write it.
std::int64_t parse_duration(std::string_view text);

/// `1:30` style (h:mm), the way reports show time; seconds are dropped, not rounded.
std::string format_duration_hm(std::int64_t seconds);
/// Decimal hours with two decimals, rounded half away from zero: 5400 s -> "1.50".
std::string format_duration_hours(std::int64_t seconds);

}  // namespace indie
