#include "indie/core/rounding.hpp"

#include <string>

#include "indie/core/error.hpp"

namespace indie {

RoundingRule parse_rounding_rule(std::string_view name) {
  if (name == "half-away-from-zero" || name == "nearest") return RoundingRule::half_away_from_zero;
  if (name == "half-even") return RoundingRule::half_even;
  if (name == "up") return RoundingRule::up;
  if (name == "down") return RoundingRule::down;
  throw invalid_input("unknown rounding rule '" + std::string(name) +
                      "': use half-away-from-zero, half-even, up or down");
}

std::string_view to_string(RoundingRule rule) {
  switch (rule) {
    case RoundingRule::half_away_from_zero:
      return "half-away-from-zero";
    case RoundingRule::half_even:
      return "half-even";
    case RoundingRule::up:
      return "up";
    case RoundingRule::down:
      return "down";
  }
  return "?";
}

int128 pow10_128(int n) {
  int128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

int128 divide_rounded(int128 num, int128 den, RoundingRule rule) {
  const bool negative = num < 0;
  const int128 a = negative ? -num : num;
  int128 q = a / den;
  const int128 r = a % den;
  if (r != 0) {
    const int128 twice = 2 * r;
    switch (rule) {
      case RoundingRule::half_away_from_zero:
        if (twice >= den) ++q;
        break;
      case RoundingRule::half_even:
        if (twice > den || (twice == den && (q % 2) != 0)) ++q;
        break;
      case RoundingRule::up:
        ++q;
        break;
      case RoundingRule::down:
        break;
    }
  }
  return negative ? -q : q;
}

}  // namespace indie
