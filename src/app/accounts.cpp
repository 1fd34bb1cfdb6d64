#include "indie/app/accounts.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "indie/store/account_repo.hpp"

namespace indie {

Account account_for_entry(Store& store, std::string_view name, std::string_view field) {
  Account account;
  try {
    account = store.accounts().get(trim(name));
  } catch (const Error& e) {
    if (field.empty()) throw;
    throw not_found(fmt::format("{}: {}", field, e.what()));
  }
  check_takes_entries(account);
  return account;
}

std::optional<Account> account_for_money(Store& store, std::string_view name,
                                         const std::string& currency, std::string_view field,
                                         std::string_view amount_field) {
  if (trim(name).empty()) return std::nullopt;
  Account account = account_for_entry(store, name, field);
  if (account.currency != currency)
    throw invalid_input(fmt::format(
        "account {} is in {}, but the money is in {}: {}", account.name, account.currency, currency,
        amount_field.empty()
            ? std::string("record it with indie invoice pay --received AMOUNT") + account.currency
            : fmt::format("say how much it was in {} with {} AMOUNT{}", account.currency,
                          amount_field, account.currency)));
  return account;
}

void record_in_account(Store& store, const Account& account, const Invoice& inv, const Payment& p,
                       std::int64_t payment_id, std::string_view what) {
  AccountTx t;
  t.account_id = account.id;
  t.date = p.date;
  t.amount_minor = p.received_minor;
  t.payee = inv.client_handle;
  t.category = p.kind == PaymentKind::refund ? "refund" : "invoice";
  t.note = what.empty() ? *inv.number : fmt::format("{} ({})", *inv.number, what);
  t.origin = TxOrigin::payment;
  t.invoice_id = inv.id;
  t.payment_id = payment_id;
  t.created_at = p.created_at;
  store.accounts().insert_tx(t);
}

}  // namespace indie
