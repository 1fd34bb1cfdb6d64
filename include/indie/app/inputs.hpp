#pragma once
/// Values typed by a user, read for a named field (`--amount`, `--currency`): the error says the
/// field and what is wrong. Use cases read the ones whose meaning depends on stored data (an
/// amount in the invoice's currency); the CLI reads the others before calling one.
#include <string>
#include <string_view>

#include "indie/core/currency.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/invoice.hpp"
#include "indie/core/money.hpp"

namespace indie {

/// A currency code given for `field` (any case); invalid_input "FIELD: unknown currency …".
const Currency& currency_arg(std::string_view code, std::string_view field);
/// An amount of `cur` given for `field`, with at most its decimals; invalid_input "FIELD: …".
Money amount_arg(std::string_view text, const Currency& cur, std::string_view field);
/// An amount with its currency code (`458.12EUR`) given for `field`; invalid_input "FIELD: …".
Money money_arg(std::string_view text, std::string_view field);
/// An exact decimal given for `field` (a rate, a quantity); invalid_input "FIELD: …" followed by
/// `hint` when given.
Decimal decimal_arg(std::string_view text, std::string_view field, std::string_view hint = {});
/// A payment method given for `field` (transfer, card…); invalid_input "FIELD: …".
PaymentMethod method_arg(std::string_view text, std::string_view field);

/// An amount as messages print it: grouped for people (1,234.50), exact for machines (1234.50).
std::string amount_text(const Money& m, bool for_people);

}  // namespace indie
