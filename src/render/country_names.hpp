#pragma once
// A country's name in capitals for the last line of an address ("ÉTATS-UNIS", "UNITED STATES"),
// from ISO 3166-1 and its French translation (Debian's iso-codes, compiled in at build time).
#include <string_view>

#include "indie/core/money.hpp"  // Language

namespace indie {

/// The name of ISO 3166-1 alpha-2 `code` in capitals, in `lang`; the code itself when unknown.
std::string_view country_name_caps(std::string_view code, Language lang);

}  // namespace indie
