#pragma once
/// Accounts as the use cases meet them: the one a new entry goes into, and the account's side of
/// a payment on an invoice.
#include <optional>
#include <string>
#include <string_view>

#include "indie/core/account.hpp"
#include "indie/core/invoice.hpp"
#include "indie/store/store.hpp"

namespace indie {

/// The account named `name` that a new entry (a transaction, a payment, a bill's payment, an
/// import) goes into: it must exist (not_found, prefixed by `field` when given) and take entries
/// (conflict for an archived one: check_takes_entries).
Account account_for_entry(Store& store, std::string_view name, std::string_view field = {});

/// The account named for `field` that money in `currency` came into or left: it takes entries
/// and holds `currency`; when it holds another, the error points at `amount_field` (--received,
/// --sent) to say the amount in the account's currency, or, without one, at indie invoice pay
/// --received. None when `name` is empty.
std::optional<Account> account_for_money(Store& store, std::string_view name,
                                         const std::string& currency, std::string_view field,
                                         std::string_view amount_field);

/// The account's side of a payment, refund, reversal or deposit recorded as `payment_id`: the
/// same amount in its register, noted with the invoice's number and, when given, `what`.
void record_in_account(Store& store, const Account& account, const Invoice& invoice,
                       const Payment& payment, std::int64_t payment_id, std::string_view what = {});

}  // namespace indie
