#include "indie/app/inputs.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {

const Currency& currency_arg(std::string_view code, std::string_view field) {
  try {
    return currency(code);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", field, e.what()));
  }
}

Money amount_arg(std::string_view text, const Currency& cur, std::string_view field) {
  try {
    return Money::parse(trim(text), cur);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", field, e.what()));
  }
}

Money money_arg(std::string_view text, std::string_view field) {
  try {
    return Money::parse_with_code(text);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", field, e.what()));
  }
}

Decimal decimal_arg(std::string_view text, std::string_view field, std::string_view hint) {
  try {
    return Decimal::parse(trim(text));
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}{}", field, e.what(), hint));
  }
}

PaymentMethod method_arg(std::string_view text, std::string_view field) {
  try {
    return parse_payment_method(text);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", field, e.what()));
  }
}

std::string amount_text(const Money& m, bool for_people) {
  return for_people ? m.amount().format(NumberLocale::en) : m.to_string();
}

}  // namespace indie
