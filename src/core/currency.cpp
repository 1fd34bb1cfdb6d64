#include "indie/core/currency.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>

#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

// ISO 4217, list one (SIX, amendment 179 and later): every active code with its minor units,
// plus withdrawn codes that still appear in the ECB's historical reference rates.
constexpr auto kCurrencies = std::to_array<Currency>({
    {"AED", 2, false}, {"AFN", 2, false}, {"ALL", 2, false}, {"AMD", 2, false}, {"ANG", 2, true},
    {"AOA", 2, false}, {"ARS", 2, false}, {"AUD", 2, false}, {"AWG", 2, false}, {"AZN", 2, false},
    {"BAM", 2, false}, {"BBD", 2, false}, {"BDT", 2, false}, {"BGN", 2, true},  {"BHD", 3, false},
    {"BIF", 0, false}, {"BMD", 2, false}, {"BND", 2, false}, {"BOB", 2, false}, {"BOV", 2, false},
    {"BRL", 2, false}, {"BSD", 2, false}, {"BTN", 2, false}, {"BWP", 2, false}, {"BYN", 2, false},
    {"BZD", 2, false}, {"CAD", 2, false}, {"CDF", 2, false}, {"CHE", 2, false}, {"CHF", 2, false},
    {"CHW", 2, false}, {"CLF", 4, false}, {"CLP", 0, false}, {"CNY", 2, false}, {"COP", 2, false},
    {"COU", 2, false}, {"CRC", 2, false}, {"CUC", 2, false}, {"CUP", 2, false}, {"CVE", 2, false},
    {"CYP", 2, true},  {"CZK", 2, false}, {"DJF", 0, false}, {"DKK", 2, false}, {"DOP", 2, false},
    {"DZD", 2, false}, {"EEK", 2, true},  {"EGP", 2, false}, {"ERN", 2, false}, {"ETB", 2, false},
    {"EUR", 2, false}, {"FJD", 2, false}, {"FKP", 2, false}, {"GBP", 2, false}, {"GEL", 2, false},
    {"GHS", 2, false}, {"GIP", 2, false}, {"GMD", 2, false}, {"GNF", 0, false}, {"GTQ", 2, false},
    {"GYD", 2, false}, {"HKD", 2, false}, {"HNL", 2, false}, {"HRK", 2, true},  {"HTG", 2, false},
    {"HUF", 2, false}, {"IDR", 2, false}, {"ILS", 2, false}, {"INR", 2, false}, {"IQD", 3, false},
    {"IRR", 2, false}, {"ISK", 0, false}, {"JMD", 2, false}, {"JOD", 3, false}, {"JPY", 0, false},
    {"KES", 2, false}, {"KGS", 2, false}, {"KHR", 2, false}, {"KMF", 0, false}, {"KPW", 2, false},
    {"KRW", 0, false}, {"KWD", 3, false}, {"KYD", 2, false}, {"KZT", 2, false}, {"LAK", 2, false},
    {"LBP", 2, false}, {"LKR", 2, false}, {"LRD", 2, false}, {"LSL", 2, false}, {"LTL", 2, true},
    {"LVL", 2, true},  {"LYD", 3, false}, {"MAD", 2, false}, {"MDL", 2, false}, {"MGA", 2, false},
    {"MKD", 2, false}, {"MMK", 2, false}, {"MNT", 2, false}, {"MOP", 2, false}, {"MRU", 2, false},
    {"MTL", 2, true},  {"MUR", 2, false}, {"MVR", 2, false}, {"MWK", 2, false}, {"MXN", 2, false},
    {"MXV", 2, false}, {"MYR", 2, false}, {"MZN", 2, false}, {"NAD", 2, false}, {"NGN", 2, false},
    {"NIO", 2, false}, {"NOK", 2, false}, {"NPR", 2, false}, {"NZD", 2, false}, {"OMR", 3, false},
    {"PAB", 2, false}, {"PEN", 2, false}, {"PGK", 2, false}, {"PHP", 2, false}, {"PKR", 2, false},
    {"PLN", 2, false}, {"PYG", 0, false}, {"QAR", 2, false}, {"ROL", 2, true},  {"RON", 2, false},
    {"RSD", 2, false}, {"RUB", 2, false}, {"RWF", 0, false}, {"SAR", 2, false}, {"SBD", 2, false},
    {"SCR", 2, false}, {"SDG", 2, false}, {"SEK", 2, false}, {"SGD", 2, false}, {"SHP", 2, false},
    {"SIT", 2, true},  {"SKK", 2, true},  {"SLE", 2, false}, {"SLL", 2, true},  {"SOS", 2, false},
    {"SRD", 2, false}, {"SSP", 2, false}, {"STN", 2, false}, {"SVC", 2, false}, {"SYP", 2, false},
    {"SZL", 2, false}, {"THB", 2, false}, {"TJS", 2, false}, {"TMT", 2, false}, {"TND", 3, false},
    {"TOP", 2, false}, {"TRL", 0, true},  {"TRY", 2, false}, {"TTD", 2, false}, {"TWD", 2, false},
    {"TZS", 2, false}, {"UAH", 2, false}, {"UGX", 0, false}, {"USD", 2, false}, {"USN", 2, false},
    {"UYI", 0, false}, {"UYU", 2, false}, {"UYW", 4, false}, {"UZS", 2, false}, {"VED", 2, false},
    {"VES", 2, false}, {"VND", 0, false}, {"VUV", 0, false}, {"WST", 2, false}, {"XAF", 0, false},
    {"XCD", 2, false}, {"XCG", 2, false}, {"XOF", 0, false}, {"XPF", 0, false}, {"YER", 2, false},
    {"ZAR", 2, false}, {"ZMW", 2, false}, {"ZWG", 2, false}, {"ZWL", 2, true},
});

}  // namespace

std::span<const Currency> all_currencies() { return kCurrencies; }

const Currency* find_currency(std::string_view code) {
  const std::string upper = to_upper(code);
  auto it = std::lower_bound(kCurrencies.begin(), kCurrencies.end(), upper,
                             [](const Currency& c, const std::string& k) { return c.code < k; });
  return (it != kCurrencies.end() && it->code == upper) ? &*it : nullptr;
}

const Currency& currency(std::string_view code, bool allow_withdrawn) {
  const Currency* c = find_currency(code);
  if (c == nullptr) {
    std::vector<std::string> codes;
    for (const auto& k : kCurrencies)
      if (!k.withdrawn) codes.emplace_back(k.code);
    std::string msg =
        fmt::format("unknown currency '{}': use an ISO 4217 code such as EUR, USD or GBP", code);
    auto near = closest_matches(to_upper(code), codes, 3);
    if (!near.empty()) msg += fmt::format(" (did you mean {}?)", join(near, ", "));
    throw invalid_input(msg);
  }
  if (c->withdrawn && !allow_withdrawn)
    throw invalid_input(
        fmt::format("currency {} has been withdrawn from ISO 4217; use its successor", c->code));
  return *c;
}

}  // namespace indie
