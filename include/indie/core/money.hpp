#pragma once
/// Exact amounts of money: integer minor units of one ISO 4217 currency.
#include <cstdint>
#include <string>
#include <string_view>

#include "indie/core/currency.hpp"
#include "indie/core/decimal.hpp"

namespace indie {

/// Document language, used to format amounts and dates for people.
enum class Language { fr, en };
Language parse_language(std::string_view code);
std::string_view to_string(Language lang);
/// How a currency is written next to an amount: "€", "$" (en) or "$US" (fr); else its code.
std::string_view currency_symbol(std::string_view code, Language lang);
/// A number already written in `lang` ("1 234,56", "-1,234.56") with its currency's symbol
/// where that language puts it: "1 234,56 €", "-$1,234.56", "CHF 1.50".
std::string with_currency_symbol(std::string number, std::string_view code, Language lang);

/// The largest amount indie accepts where an amount enters (typed, imported, a line's total):
/// 10^13 minor units (100,000,000,000.00 EUR, 10,000,000,000,000 JPY). Far above any
/// freelancer's figure, and low enough that the sum of 900,000 of them still fits the
/// 64-bit integers amounts are stored and added in.
inline constexpr std::int64_t kMaxAmountMinor = 10'000'000'000'000;

/// An amount of money. Arithmetic between two currencies throws currency_mismatch.
class Money {
 public:
  Money(std::int64_t minor, const Currency& cur) : minor_(minor), currency_(&cur) {}
  static Money zero(const Currency& cur) { return Money(0, cur); }

  /// Parses an amount in `cur`; throws when it has more decimals than the currency allows
  /// (`12.345` EUR) rather than rounding what the user typed.
  static Money parse(std::string_view text, const Currency& cur,
                     NumberLocale locale = NumberLocale::canonical);
  /// Parses `458.12EUR`, `458.12 EUR` or `EUR 458.12`.
  static Money parse_with_code(std::string_view text);
  /// An exact decimal brought to the currency's minor units by `rule`.
  static Money from_decimal(const Decimal& value, const Currency& cur,
                            RoundingRule rule = default_rounding);

  std::int64_t minor() const { return minor_; }
  const Currency& currency() const { return *currency_; }
  Decimal amount() const { return Decimal(minor_, currency_->minor_units); }
  bool is_zero() const { return minor_ == 0; }
  bool is_negative() const { return minor_ < 0; }

  Money operator-() const;
  Money operator+(const Money& other) const;
  Money operator-(const Money& other) const;
  Money& operator+=(const Money& other) { return *this = *this + other; }
  /// This amount times an exact factor (a quantity, a rate), rounded once by `rule`.
  Money times(const Decimal& factor, RoundingRule rule = default_rounding) const;
  bool operator==(const Money& other) const;

  /// Exact decimal text for machines: "1234.56" (JPY "1234", BHD "1.234").
  std::string to_string() const { return amount().to_string(); }
  /// "1234.56 EUR"
  std::string canonical() const;
  /// For people: fr "1 234,56 €", en "€1,234.56".
  std::string format(Language lang) const;

 private:
  void require_same_currency(const Money& other, std::string_view op) const;
  std::int64_t minor_;
  const Currency* currency_;
};

/// Throws invalid_input, naming `what` (the text typed), when `m` is beyond kMaxAmountMinor.
void check_amount_limit(const Money& m, std::string_view what);

}  // namespace indie
