#include "indie/core/money.hpp"

#include <fmt/format.h>

#include <cctype>
#include <limits>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

std::int64_t checked_minor(int128 v) {
  if (v > std::numeric_limits<std::int64_t>::max() || v < std::numeric_limits<std::int64_t>::min())
    throw invalid_input("amount is too large");
  return static_cast<std::int64_t>(v);
}

}  // namespace

// Symbols as CLDR writes them for each language; other currencies are written with their code.
std::string_view currency_symbol(std::string_view code, Language lang) {
  struct Sym {
    std::string_view code, en, fr;
  };
  static constexpr Sym kSymbols[] = {
      {"EUR", "€", "€"},     {"USD", "$", "$US"},   {"GBP", "£", "£GB"},   {"JPY", "¥", "JPY"},
      {"CAD", "CA$", "$CA"}, {"AUD", "A$", "$AU"},  {"NZD", "NZ$", "$NZ"}, {"HKD", "HK$", "HKD"},
      {"CNY", "CN¥", "CNY"}, {"INR", "₹", "₹"},     {"ILS", "₪", "₪"},     {"KRW", "₩", "₩"},
      {"BRL", "R$", "R$"},   {"MXN", "MX$", "$MX"}, {"TWD", "NT$", "TWD"}, {"VND", "₫", "₫"},
  };
  for (const auto& s : kSymbols)
    if (s.code == code) return lang == Language::fr ? s.fr : s.en;
  return code;
}

Language parse_language(std::string_view code) {
  const std::string c = to_lower(code);
  if (c == "fr") return Language::fr;
  if (c == "en") return Language::en;
  throw invalid_input(
      fmt::format("unknown language '{}': indie writes documents in fr or en", code));
}

std::string_view to_string(Language lang) { return lang == Language::fr ? "fr" : "en"; }

Money Money::parse(std::string_view text, const Currency& cur, NumberLocale locale) {
  const Decimal d = Decimal::parse(text, locale);
  if (const int n = d.significant_scale(); n > cur.minor_units) {
    const int allowed = cur.minor_units;
    throw invalid_input(fmt::format(
        "'{}' has {} decimal{} but {} allows {}; {}", trim(text), n, n == 1 ? "" : "s", cur.code,
        allowed == 0 ? std::string("none") : std::to_string(allowed),
        allowed == 0
            ? std::string("write a whole number")
            : fmt::format("write it with at most {} decimal{}", allowed, allowed == 1 ? "" : "s")));
  }
  const Money m(d.with_scale(cur.minor_units).mantissa(), cur);
  check_amount_limit(m, text);
  return m;
}

void check_amount_limit(const Money& m, std::string_view what) {
  if (m.minor() > kMaxAmountMinor || m.minor() < -kMaxAmountMinor)
    throw invalid_input(fmt::format(
        "{} is more than indie accepts for one amount ({} {}); check it", trim(what),
        Money(kMaxAmountMinor, m.currency()).amount().format(NumberLocale::en), m.currency().code));
}

Money Money::parse_with_code(std::string_view text) {
  std::string_view t = trim(text);
  std::string_view number, code;
  if (t.size() > 3 && std::isalpha(static_cast<unsigned char>(t.front()))) {
    code = t.substr(0, 3);
    number = t.substr(3);
  } else if (t.size() > 3) {
    code = t.substr(t.size() - 3);
    number = t.substr(0, t.size() - 3);
  } else {
    throw invalid_input(
        fmt::format("'{}' is not an amount with a currency; write it like 458.12EUR", text));
  }
  return parse(trim(number), indie::currency(code));
}

Money Money::from_decimal(const Decimal& value, const Currency& cur, RoundingRule rule) {
  return Money(value.rounded(cur.minor_units, rule).mantissa(), cur);
}

void Money::require_same_currency(const Money& other, std::string_view op) const {
  if (currency_->code != other.currency_->code) {
    throw Error(ErrorKind::currency_mismatch,
                fmt::format("cannot {} {} and {}: convert one of them first", op, canonical(),
                            other.canonical()));
  }
}

Money Money::operator-() const {
  return Money(checked_minor(-static_cast<int128>(minor_)), *currency_);
}

Money Money::operator+(const Money& other) const {
  require_same_currency(other, "add");
  return Money(checked_minor(static_cast<int128>(minor_) + other.minor_), *currency_);
}

Money Money::operator-(const Money& other) const {
  require_same_currency(other, "subtract");
  return Money(checked_minor(static_cast<int128>(minor_) - other.minor_), *currency_);
}

bool Money::operator==(const Money& other) const {
  return minor_ == other.minor_ && currency_->code == other.currency_->code;
}

Money Money::times(const Decimal& factor, RoundingRule rule) const {
  // minor × mantissa has scale factor.scale(); one division brings it back to minor units.
  const int128 product = static_cast<int128>(minor_) * factor.mantissa();
  return Money(checked_minor(divide_rounded(product, pow10_128(factor.scale()), rule)), *currency_);
}

std::string Money::canonical() const { return to_string() + " " + std::string(currency_->code); }

std::string with_currency_symbol(std::string number, std::string_view code, Language lang) {
  const std::string_view sym = currency_symbol(code, lang);
  // French: "1 234,56 €", a no-break space before the unit.
  if (lang == Language::fr) return number + "\xC2\xA0" + std::string(sym);
  // English: "-$1,234.56", "CHF 1.50": the sign first, a space only after letters.
  const bool negative = !number.empty() && number.front() == '-';
  if (negative) number.erase(0, 1);
  const bool letters = std::isalpha(static_cast<unsigned char>(sym.back())) != 0;
  return (negative ? "-" : "") + std::string(sym) + (letters ? "\xC2\xA0" : "") + number;
}

std::string Money::format(Language lang) const {
  return with_currency_symbol(
      format_scaled(minor_, currency_->minor_units,
                    lang == Language::fr ? NumberLocale::fr : NumberLocale::en),
      currency_->code, lang);
}

}  // namespace indie
