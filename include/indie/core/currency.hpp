#pragma once
/// The ISO 4217 currency table: codes and their minor units.
#include <span>
#include <string_view>

namespace indie {

struct Currency {
  std::string_view code;  ///< ISO 4217 alphabetic code, e.g. "EUR"
  int minor_units;        ///< digits after the decimal mark: EUR 2, JPY 0, BHD 3
  bool withdrawn;         ///< kept to read old data (ECB history), refused for new use
};

/// The currency with this code (case-insensitive); throws invalid_input naming the code, with a
/// suggestion, when it is unknown, or (unless allow_withdrawn) when it is withdrawn.
const Currency& currency(std::string_view code, bool allow_withdrawn = false);
/// nullptr when the code is not in the table.
const Currency* find_currency(std::string_view code);
/// Every currency in the table, sorted by code.
std::span<const Currency> all_currencies();

}  // namespace indie
