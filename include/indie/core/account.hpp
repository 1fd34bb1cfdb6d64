#pragma once
/// Accounts (a bank, a Wise balance, cash) and their transactions, each in one currency.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/clock.hpp"
#include "indie/core/money.hpp"

namespace indie {

enum class AccountKind { bank, cash, card, wallet };
AccountKind parse_account_kind(std::string_view text);
std::string_view to_string(AccountKind k);

struct Account {
  std::int64_t id = 0;
  std::string name;      ///< "Wise USD"; unique, case-insensitive
  std::string currency;  ///< ISO 4217; every transaction is in it
  AccountKind kind = AccountKind::bank;
  std::string notes;
  std::string created_at;
  std::optional<std::string> archived_at;
};

/// Where a transaction came from; transfers and payments are changed through their own command.
enum class TxOrigin { opening, manual, transfer, fee, payment, import };
TxOrigin parse_tx_origin(std::string_view text);
std::string_view to_string(TxOrigin o);

struct AccountTx {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  Date date{};
  std::int64_t amount_minor = 0;  ///< signed, in the account's currency: income > 0, expense < 0
  std::string payee, category, note;
  TxOrigin origin = TxOrigin::manual;
  std::optional<std::int64_t> invoice_id, payment_id, transfer_id;
  std::string invoice_number;  ///< read only: the linked invoice's number
  std::optional<std::string> fingerprint;
  std::string created_at;
  /// The VAT the amount includes (an expense's deductible VAT, a receipt's collected VAT): its
  /// rate and amount, signed like the amount, in the account's currency. Empty: none recorded.
  std::string vat_rate;
  std::optional<std::int64_t> vat_minor;
};

struct Transfer {
  std::int64_t id = 0;
  Date date{};
  std::int64_t from_account = 0, to_account = 0;
  std::int64_t sent_minor = 0, received_minor = 0, fee_minor = 0;
  std::string rate;  ///< received per 1 sent, as stored
  std::string note;
};

/// A transfer between two accounts and the transactions it writes: what leaves the first
/// account, what arrives in the second (both legs linked to the transfer), and the fee, taken
/// from the first account as an expense of its own.
struct TransferPlan {
  Transfer transfer;            ///< with the rate the two amounts imply (8 decimals)
  std::vector<AccountTx> legs;  ///< transfer_id is set by whoever stores the transfer
};
/// Plans moving `sent` from `from` to `to` on `date`. `received` is what arrived, needed when
/// the currencies differ (the same amount otherwise). Throws invalid_input or conflict, saying
/// what to do, for one account twice, an archived account, an amount or a fee below zero.
TransferPlan plan_transfer(const Account& from, const Account& to, const Money& sent,
                           const std::optional<Money>& received, const Money& fee, Date date,
                           const std::string& note);

/// An archived account's history is closed: it takes no new entry (a transaction, a payment, a
/// refund, an import). Throws conflict naming the account.
void check_takes_entries(const Account& account);

/// Payee, category and note are one line of text each: throws invalid_input naming the flag
/// (--payee, --category, --note) when one holds a control character.
void check_tx_text(const AccountTx& tx);

/// An account name as typed: trimmed, 1 to 64 printable characters. Throws invalid_input.
std::string check_account_name(std::string_view name);

}  // namespace indie
