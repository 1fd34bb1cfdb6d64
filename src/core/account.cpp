#include "indie/core/account.hpp"

#include <fmt/format.h>

#include <array>

#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {
constexpr std::array<std::string_view, 4> kKinds = {"bank", "cash", "card", "wallet"};
constexpr std::array<std::string_view, 6> kOrigins = {"opening", "manual", "transfer", "fee", "payment", "import"};
}  // namespace

AccountKind parse_account_kind(std::string_view text) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == text) return static_cast<AccountKind>(i);
  throw invalid_input(fmt::format("unknown account kind '{}': use bank, cash, card or wallet", text));
}
std::string_view to_string(AccountKind k) { return kKinds[static_cast<std::size_t>(k)]; }

TxOrigin parse_tx_origin(std::string_view text) {
  for (std::size_t i = 0; i < kOrigins.size(); ++i)
    if (kOrigins[i] == text) return static_cast<TxOrigin>(i);
  throw storage_error(fmt::format("unknown transaction origin '{}' in the database", text));
}
std::string_view to_string(TxOrigin o) { return kOrigins[static_cast<std::size_t>(o)]; }

std::string check_account_name(std::string_view name) {
  const std::string_view n = trim(name);
  if (n.empty() || n.size() > 64) throw invalid_input("an account name has 1 to 64 characters, e.g. \"Wise USD\"");
  if (!is_printable_utf8(n)) throw invalid_input("an account name cannot hold control characters");
  return std::string(n);
}

}  // namespace indie
