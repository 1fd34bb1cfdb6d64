#include "indie/core/decimal.hpp"

#include <fmt/format.h>

#include <limits>

#include "indie/core/error.hpp"

namespace indie {
namespace {

constexpr int128 kMax = std::numeric_limits<std::int64_t>::max();
constexpr int128 kMin = std::numeric_limits<std::int64_t>::min();

// French groups digits with a space; people type U+0020, U+00A0 or U+202F (CLDR's choice).
constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kNnbsp = "\xE2\x80\xAF";

Decimal checked(int128 mantissa, int scale, std::string_view what) {
  // Drop trailing zeros while the value does not fit, so 10^18 * 10^-18 still works.
  while ((mantissa > kMax || mantissa < kMin) && scale > 0 && mantissa % 10 == 0) {
    mantissa /= 10;
    --scale;
  }
  while (scale > Decimal::max_scale && mantissa % 10 == 0) {
    mantissa /= 10;
    --scale;
  }
  if (mantissa > kMax || mantissa < kMin || scale > Decimal::max_scale)
    throw invalid_input(fmt::format("{} is too large or too precise to compute exactly", what));
  return Decimal(static_cast<std::int64_t>(mantissa), scale);
}

[[noreturn]] void bad_number(std::string_view text, NumberLocale locale) {
  std::string example = locale == NumberLocale::fr   ? "1 234,50"
                        : locale == NumberLocale::en ? "1,234.50"
                                                     : "1234.50";
  std::string hint;
  if (locale == NumberLocale::canonical && text.find(',') != std::string_view::npos)
    hint = " (use a dot for decimals and no thousands separator)";
  throw invalid_input(fmt::format("'{}' is not a number{}; write it like {}", text, hint, example));
}

}  // namespace

Decimal Decimal::parse(std::string_view text, NumberLocale locale) {
  std::string_view s = text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) bad_number(text, locale);

  bool negative = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  const char decimal_mark = locale == NumberLocale::fr ? ',' : '.';

  int128 mantissa = 0;
  int scale = 0;
  int digits = 0;
  int group_len = -1;  // digits since the last group separator; -1 when none seen yet
  bool in_fraction = false;
  bool any_digit = false;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      mantissa = mantissa * 10 + (c - '0');
      if (mantissa != 0) ++digits;
      if (digits > 36) bad_number(text, locale);
      if (in_fraction) ++scale;
      if (group_len >= 0 && !in_fraction) ++group_len;
      any_digit = true;
      ++i;
      continue;
    }
    if (c == decimal_mark && !in_fraction) {
      if (group_len >= 0 && group_len != 3) bad_number(text, locale);
      in_fraction = true;
      ++i;
      continue;
    }
    std::size_t sep_len = 0;
    if (locale == NumberLocale::en && c == ',') sep_len = 1;
    if (locale == NumberLocale::fr) {
      if (c == ' ')
        sep_len = 1;
      else if (s.substr(i).starts_with(kNbsp))
        sep_len = kNbsp.size();
      else if (s.substr(i).starts_with(kNnbsp))
        sep_len = kNnbsp.size();
    }
    // A group separator must follow 1-3 leading digits or exactly 3 digits of a group.
    if (sep_len == 0 || in_fraction || !any_digit || (group_len >= 0 && group_len != 3) ||
        (group_len < 0 && (i > 3 || i == 0)))
      bad_number(text, locale);
    group_len = 0;
    i += sep_len;
  }
  if (!any_digit || (group_len >= 0 && !in_fraction && group_len != 3)) bad_number(text, locale);
  if (scale > max_scale) {
    throw invalid_input(
        fmt::format("'{}' has {} decimals; indie keeps at most {}", text, scale, max_scale));
  }
  return checked(negative ? -mantissa : mantissa, scale, fmt::format("'{}'", text));
}

int Decimal::significant_scale() const {
  int s = scale_;
  std::int64_t m = mantissa_;
  while (s > 0 && m % 10 == 0) {
    m /= 10;
    --s;
  }
  return s;
}

Decimal Decimal::with_scale(int scale) const {
  if (scale < 0 || scale > max_scale) throw invalid_input("a scale must be between 0 and 18");
  if (scale >= scale_)
    return checked(static_cast<int128>(mantissa_) * pow10_128(scale - scale_), scale, to_string());
  if (significant_scale() > scale)
    throw invalid_input(fmt::format("{} has more than {} decimals", to_string(), scale));
  return Decimal(static_cast<std::int64_t>(mantissa_ / pow10_128(scale_ - scale)), scale);
}

Decimal Decimal::rounded(int scale, RoundingRule rule) const {
  if (scale >= scale_) return with_scale(scale);
  return Decimal(
      static_cast<std::int64_t>(divide_rounded(mantissa_, pow10_128(scale_ - scale), rule)), scale);
}

Decimal Decimal::normalized() const { return with_scale(significant_scale()); }

Decimal Decimal::operator-() const {
  return checked(-static_cast<int128>(mantissa_), scale_, to_string());
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  const int s = std::max(a.scale_, b.scale_);
  const int128 m = a.mantissa_ * pow10_128(s - a.scale_) + b.mantissa_ * pow10_128(s - b.scale_);
  return checked(m, s, "a sum");
}

Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }

Decimal operator*(const Decimal& a, const Decimal& b) {
  return checked(static_cast<int128>(a.mantissa_) * b.mantissa_, a.scale_ + b.scale_,
                 fmt::format("{} × {}", a.to_string(), b.to_string()));
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int s = std::max(a.scale_, b.scale_);
  const int128 x = a.mantissa_ * pow10_128(s - a.scale_);
  const int128 y = b.mantissa_ * pow10_128(s - b.scale_);
  return x < y ? std::strong_ordering::less
               : (x > y ? std::strong_ordering::greater : std::strong_ordering::equal);
}

void append_scaled(std::string& out, int128 v, int scale, NumberLocale locale) {
  // Digits are written backwards into a buffer (39 digits hold any int128); listings call this
  // for every amount of every row, so it allocates nothing of its own.
  __extension__ typedef unsigned __int128 uint128;
  char buf[48];
  char* const end = buf + sizeof buf;
  char* p = end;
  uint128 a = v < 0 ? uint128(0) - static_cast<uint128>(v) : static_cast<uint128>(v);
  if (a <= UINT64_MAX) {
    auto b = static_cast<std::uint64_t>(a);  // 64-bit division is several times faster
    do {
      *--p = static_cast<char>('0' + b % 10);
      b /= 10;
    } while (b != 0);
  } else {
    do {
      *--p = static_cast<char>('0' + static_cast<int>(a % 10));
      a /= 10;
    } while (a != 0);
  }
  while (end - p <= scale) *--p = '0';
  const auto int_len = static_cast<std::size_t>(end - p - scale);
  if (v < 0) out += '-';
  if (locale == NumberLocale::canonical) {
    out.append(p, int_len);
  } else {
    const std::string_view sep =
        locale == NumberLocale::fr ? std::string_view(kNnbsp) : std::string_view(",");
    for (std::size_t i = 0; i < int_len; ++i) {
      if (i != 0 && (int_len - i) % 3 == 0) out += sep;
      out += p[i];
    }
  }
  if (scale > 0) {
    out += locale == NumberLocale::fr ? ',' : '.';
    out.append(p + int_len, static_cast<std::size_t>(scale));
  }
}

std::string format_scaled(int128 v, int scale, NumberLocale locale) {
  std::string out;
  append_scaled(out, v, scale, locale);
  return out;
}

std::string Decimal::to_string() const {
  return format_scaled(mantissa_, scale_, NumberLocale::canonical);
}

std::string Decimal::format(NumberLocale locale) const {
  return format_scaled(mantissa_, scale_, locale);
}

}  // namespace indie
