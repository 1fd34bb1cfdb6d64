#pragma once
/// Exact decimal numbers for rates, quantities and prices: never floating point.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "indie/core/rounding.hpp"

namespace indie {

/// How numbers are written in the text being parsed or produced.
/// canonical: `-1234.5` (what machine formats and command-line flags use);
/// en: `1,234.50` (comma groups, dot decimal); fr: `1 234,50` (space, NBSP or NNBSP groups,
/// comma decimal).
enum class NumberLocale { canonical, en, fr };

/// mantissa / 10^scale, exactly. scale is 0..max_scale.
class Decimal {
 public:
  static constexpr int max_scale = 18;

  constexpr Decimal() = default;
  constexpr Decimal(std::int64_t mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}
  static constexpr Decimal from_int(std::int64_t v) { return Decimal(v, 0); }

  /// Parses `text` written in `locale`; throws invalid_input naming the text on failure.
  static Decimal parse(std::string_view text, NumberLocale locale = NumberLocale::canonical);

  std::int64_t mantissa() const { return mantissa_; }
  int scale() const { return scale_; }
  bool is_zero() const { return mantissa_ == 0; }
  bool is_negative() const { return mantissa_ < 0; }
  /// The number of decimals actually needed (trailing zeros ignored): 2.50 -> 1.
  int significant_scale() const;

  /// Same value written with exactly `scale` decimals; throws if that would lose digits.
  Decimal with_scale(int scale) const;
  /// Value rounded to `scale` decimals by `rule` (the one place precision is dropped).
  Decimal rounded(int scale, RoundingRule rule = default_rounding) const;
  /// Trailing zeros dropped: 2.500 -> 2.5.
  Decimal normalized() const;

  Decimal operator-() const;
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  /// Exact product; throws if it cannot be held (use rounded() on the operands first).
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

  /// Canonical text, keeping the scale: Decimal(8000, 2) -> "80.00".
  std::string to_string() const;
  /// Text in a locale with digit grouping: fr "1 234,50" (NNBSP groups), en "1,234.50".
  std::string format(NumberLocale locale) const;

 private:
  std::int64_t mantissa_ = 0;
  int scale_ = 0;
};

/// Digits of |v| with `scale` decimals and locale separators; shared by Decimal and Money.
std::string format_scaled(int128 v, int scale, NumberLocale locale);
/// The same, appended to `out`.
void append_scaled(std::string& out, int128 v, int scale, NumberLocale locale);

}  // namespace indie
