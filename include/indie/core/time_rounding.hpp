#pragma once
/// Rounding tracked time for billing: a policy (increment, mode, scope, minimum) and the billed
/// time it derives. The recorded start and end are never changed; billed time is computed.
#include <cstdint>
#include <string>
#include <string_view>

namespace indie {

enum class TimeRoundMode { up, nearest, down };
/// What one rounding applies to: each entry, each day's total for a project, or the total that
/// one invoice line bills.
enum class TimeRoundScope { entry, day, invoice };

struct TimeRounding {
  int increment_minutes = 1;  ///< 1, 5, 6, 10, 15, 30 or 60
  TimeRoundMode mode = TimeRoundMode::nearest;
  TimeRoundScope scope = TimeRoundScope::entry;
  std::int64_t minimum_seconds = 0;  ///< each entry bills at least this much (0: none)

  /// Parses words in any order: an increment (`15m`, `1h`), a mode (`up`, `nearest`, `down`),
  /// a scope (`entry`, `day`, `invoice`) and `min 30m` (or `min=30m`); `none` is `1m nearest
  /// entry`. Words not given keep their defaults. Throws invalid_input saying what is allowed.
  static TimeRounding parse(std::string_view text);
  /// Canonical text that parse() reads back: "15m up day min 30m".
  std::string to_string() const;

  /// `seconds` rounded to the increment by the mode (nearest: halves go up).
  std::int64_t round(std::int64_t seconds) const;
  /// An entry's time once the minimum applies (before any rounding).
  std::int64_t at_least_minimum(std::int64_t seconds) const {
    return seconds < minimum_seconds ? minimum_seconds : seconds;
  }
  bool operator==(const TimeRounding&) const = default;
};

/// The billed time of the entries one invoice line (or one report row of one project) bills,
/// under one policy. Entries must be added in start order so a day's total closes when the
/// next day begins; `local_day` is the entry's start day in the user's zone (days since epoch).
class BilledTime {
 public:
  explicit BilledTime(const TimeRounding& policy) : policy_(policy) {}
  void add(std::int64_t raw_seconds, std::int32_t local_day);
  std::int64_t raw() const { return raw_; }
  std::int64_t billed() const;
  std::int64_t entries() const { return entries_; }

 private:
  TimeRounding policy_;
  std::int64_t raw_ = 0;
  std::int64_t entries_ = 0;
  std::int64_t closed_ = 0;  // billed time of finished days (day scope) or entries
  std::int64_t open_ = 0;    // the open day's total (day) or the running total (invoice)
  std::int32_t open_day_ = INT32_MIN;
};

}  // namespace indie
