#pragma once
// What the account commands share: amounts typed for an account, and values in another currency.
#include <optional>
#include <string>
#include <string_view>

#include "commands.hpp"
#include "indie/core/fx.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/rate_repo.hpp"

namespace indie::cli {

/// A balance's value in `target` on `date`, with the path used; nullopt when no rate is known
/// (the caller decides whether that is an error).
struct Valued {
  Money value;
  FxPath path;
};
std::optional<Valued> value_in(RateRepo& rates, const Money& amount, const Currency& target,
                               Date date);

/// indie account tx add|edit|rm, register and transfer (cmd_account_tx.cpp).
void setup_account_tx(CLI::App& group, Context& ctx);
/// indie account import (cmd_account_import.cpp).
void setup_account_import(CLI::App& group, Context& ctx);
/// indie account reconcile (cmd_account_reconcile.cpp).
void setup_account_reconcile(CLI::App& group, Context& ctx);

}  // namespace indie::cli
