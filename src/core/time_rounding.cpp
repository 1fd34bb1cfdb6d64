#include "indie/core/time_rounding.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "indie/core/duration.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

constexpr std::array kIncrements = {1, 5, 6, 10, 15, 30, 60};

constexpr std::string_view kSyntax =
    "write a policy as INCREMENT MODE SCOPE [min DURATION], e.g. \"15m up entry\" or "
    "\"6m nearest day min 30m\"; increments are 1m 5m 6m 10m 15m 30m 1h, modes up|nearest|down, "
    "scopes entry|day|invoice";

std::string duration_words(std::int64_t seconds) {
  if (seconds % 3600 == 0) return fmt::format("{}h", seconds / 3600);
  if (seconds % 60 == 0) return fmt::format("{}m", seconds / 60);
  return fmt::format("{}s", seconds);
}

}  // namespace

TimeRounding TimeRounding::parse(std::string_view text) {
  TimeRounding r;
  std::string words = to_lower(trim(text));
  std::replace(words.begin(), words.end(), ',', ' ');
  std::replace(words.begin(), words.end(), '=', ' ');
  bool expect_minimum = false;
  for (const auto& word : split(words, ' ')) {
    if (word.empty()) continue;
    if (expect_minimum) {
      r.minimum_seconds = parse_duration(word);
      if (r.minimum_seconds > 24 * 3600)
        throw invalid_input(fmt::format("rounding minimum '{}' is over a day; {}", word, kSyntax));
      expect_minimum = false;
    } else if (word == "none" || word == "exact") {
      r = TimeRounding{};
    } else if (word == "up") {
      r.mode = TimeRoundMode::up;
    } else if (word == "nearest") {
      r.mode = TimeRoundMode::nearest;
    } else if (word == "down") {
      r.mode = TimeRoundMode::down;
    } else if (word == "entry" || word == "per-entry") {
      r.scope = TimeRoundScope::entry;
    } else if (word == "day" || word == "per-day") {
      r.scope = TimeRoundScope::day;
    } else if (word == "invoice" || word == "per-invoice") {
      r.scope = TimeRoundScope::invoice;
    } else if (word == "min" || word == "minimum") {
      expect_minimum = true;
    } else if (word.front() >= '0' && word.front() <= '9') {
      std::int64_t seconds = 0;
      try {
        seconds = parse_duration(word);
      } catch (const Error&) {
        throw invalid_input(fmt::format("'{}' in rounding policy '{}' is not an increment; {}",
                                        word, text, kSyntax));
      }
      const auto minutes = seconds / 60;
      if (seconds % 60 != 0 ||
          std::find(kIncrements.begin(), kIncrements.end(), minutes) == kIncrements.end())
        throw invalid_input(
            fmt::format("rounding increment '{}' is not allowed; {}", word, kSyntax));
      r.increment_minutes = static_cast<int>(minutes);
    } else {
      throw invalid_input(
          fmt::format("'{}' in rounding policy '{}' is not understood; {}", word, text, kSyntax));
    }
  }
  if (expect_minimum)
    throw invalid_input(fmt::format("'min' needs a duration after it; {}", kSyntax));
  return r;
}

std::string TimeRounding::to_string() const {
  static constexpr std::array modes = {"up", "nearest", "down"};
  static constexpr std::array scopes = {"entry", "day", "invoice"};
  std::string s = fmt::format("{} {} {}", duration_words(increment_minutes * 60LL),
                              modes[static_cast<int>(mode)], scopes[static_cast<int>(scope)]);
  if (minimum_seconds > 0) s += " min " + duration_words(minimum_seconds);
  return s;
}

std::int64_t TimeRounding::round(std::int64_t seconds) const {
  const std::int64_t step = increment_minutes * 60LL;
  const std::int64_t whole = seconds / step;
  const std::int64_t rest = seconds % step;
  if (rest == 0) return seconds;
  switch (mode) {
    case TimeRoundMode::up:
      return (whole + 1) * step;
    case TimeRoundMode::down:
      return whole * step;
    case TimeRoundMode::nearest:
      return (rest * 2 >= step ? whole + 1 : whole) * step;
  }
  return seconds;
}

void BilledTime::add(std::int64_t raw_seconds, std::int32_t local_day) {
  raw_ += raw_seconds;
  ++entries_;
  const std::int64_t counted = policy_.at_least_minimum(raw_seconds);
  switch (policy_.scope) {
    case TimeRoundScope::entry:
      closed_ += policy_.round(counted);
      break;
    case TimeRoundScope::day:
      if (local_day != open_day_) {
        if (local_day < open_day_) throw std::logic_error("BilledTime: entries out of start order");
        closed_ += policy_.round(open_);
        open_ = 0;
        open_day_ = local_day;
      }
      open_ += counted;
      break;
    case TimeRoundScope::invoice:
      open_ += counted;
      break;
  }
}

std::int64_t BilledTime::billed() const { return closed_ + policy_.round(open_); }

}  // namespace indie
