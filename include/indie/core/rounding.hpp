#pragma once
/// Rounding rules for the one place a product or a conversion is rounded.
#include <string_view>

namespace indie {

/// 128-bit intermediate for exact products (a GCC/Clang extension on every target we build for).
__extension__ typedef __int128 int128;

/// How an exact value is brought to fewer decimals.
/// The default everywhere is half_away_from_zero: 2.345 -> 2.35, -2.345 -> -2.35,
/// the rule French accounting and most invoicing practice use ("arrondi commercial").
enum class RoundingRule {
  half_away_from_zero,  ///< ties go away from zero (default)
  half_even,            ///< ties go to the even digit (banker's rounding)
  up,                   ///< always away from zero
  down,                 ///< always toward zero (truncate)
};

constexpr RoundingRule default_rounding = RoundingRule::half_away_from_zero;

RoundingRule parse_rounding_rule(std::string_view name);
std::string_view to_string(RoundingRule rule);

/// num / den rounded to an integer by `rule`. den must be > 0.
int128 divide_rounded(int128 num, int128 den, RoundingRule rule);

/// 10^n for 0 <= n <= 36.
int128 pow10_128(int n);

}  // namespace indie
