#pragma once
/// Loading and saving accounts, their transactions and transfers; balances and registers.
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "indie/core/account.hpp"
#include "indie/core/activity.hpp"
#include "indie/store/store.hpp"

namespace indie {

class Statement;

class AccountRepo {
 public:
  explicit AccountRepo(Store& store);
  ~AccountRepo();

  /// Inserts and returns the id; throws conflict when the name is taken.
  std::int64_t insert(const Account& account);
  void archive(std::int64_t id, const std::string& when);
  std::optional<Account> find(std::string_view name_or_id);
  /// Like find, but throws not_found naming the closest names and how to list them.
  Account get(std::string_view name_or_id);
  Account get(std::int64_t id);
  std::vector<Account> list(bool include_archived);

  std::int64_t insert_tx(const AccountTx& tx);
  /// Inserts an imported transaction unless one with its fingerprint is already in the account;
  /// its id when it was added.
  std::optional<std::int64_t> insert_imported(const AccountTx& tx);
  /// Makes a transaction a receipt of the receipts journal (a sale paid straight into the
  /// account), of `activity`, paid by `method`; from then on the database refuses to change or
  /// remove it.
  void mark_receipt(std::int64_t tx_id, Activity activity, std::string_view method);
  std::optional<AccountTx> find_tx(std::int64_t id);
  /// True when a statement row with this fingerprint is already in the account (imported, or
  /// matched to a movement recorded by hand).
  bool has_fingerprint(std::int64_t account_id, const std::string& fingerprint);
  /// The movements recorded by hand between two days (both included) that no statement row has
  /// shown yet: no fingerprint, not an opening balance. In date order.
  std::vector<AccountTx> unmatched(std::int64_t account_id, Date from, Date to);
  /// Marks a movement recorded by hand as the statement row `fingerprint`: importing that row
  /// again finds it there.
  void set_fingerprint(std::int64_t tx_id, const std::string& fingerprint);
  /// The rows imported from statements between two days (both included) that no payment is
  /// linked to yet, in date order.
  std::vector<AccountTx> imported_unlinked(std::int64_t account_id, Date from, Date to);
  /// Makes an imported row the account's side of payment `payment_id` on `invoice_id`.
  void link_payment(std::int64_t tx_id, std::int64_t invoice_id, std::int64_t payment_id);
  void update_tx(const AccountTx& tx);
  void remove_tx(std::int64_t id);

  std::int64_t insert_transfer(const Transfer& t);
  /// Removes a transfer and all its transactions; returns how many transactions went.
  std::size_t remove_transfer(std::int64_t transfer_id);

  /// The account's balance at the end of `as_of` (all transactions when not given), in minor
  /// units of its currency. Reads the monthly totals, then one partial month.
  std::int64_t balance(std::int64_t account_id, std::optional<Date> as_of = std::nullopt);
  struct Stats {
    std::int64_t count = 0;
    std::optional<Date> first, last;
  };
  Stats stats(std::int64_t account_id);

  /// Every movement of the account up to `to` (included), in date order: its day and amount.
  void for_each_movement(std::int64_t account_id, Date to,
                         const std::function<void(Date, std::int64_t)>& fn);

  /// Transfers between two days (both included), in date order.
  std::vector<Transfer> transfers(Date from, Date to);

  /// Transactions between two days (both included, either open) in date order, each with the
  /// balance after it.
  void register_rows(std::int64_t account_id, std::optional<Date> from, std::optional<Date> to,
                     const std::function<void(const AccountTx&, std::int64_t balance)>& fn);

 private:
  Store& store_;
  std::unique_ptr<Statement> insert_tx_, insert_imported_,  // reused row after row by imports
      has_fingerprint_;
};

}  // namespace indie
