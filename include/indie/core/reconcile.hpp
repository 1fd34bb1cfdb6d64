#pragma once
/// Reconciling a bank statement with what was recorded by hand (issue 29): a payment recorded
/// with `indie invoice pay … --account A` is a movement the statement of A will show. When a
/// statement row is that movement, the row *is* the payment: nothing is added twice.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indie/core/bank_import.hpp"
#include "indie/core/clock.hpp"

namespace indie {

/// A movement of an account recorded by hand (a payment, a refund, a bill paid, a transfer, a
/// transaction typed in) that no statement row has shown yet.
struct ExpectedMovement {
  std::int64_t tx_id = 0;
  Date date{};
  std::int64_t amount_minor = 0;   ///< signed, in the account's currency
  std::string reference;           ///< the invoice's or bill's number, when it has one
  std::vector<std::string> names;  ///< who paid or was paid: payee, the client's name
  std::string what;                ///< "the payment of F2026-0007", for people
};

/// How far apart (in days) the day recorded and the bank's day may be: a client says it paid on
/// Friday, the money lands on Tuesday.
inline constexpr int kMatchWindowDays = 7;

struct MovementMatch {
  std::size_t expected;  ///< index into the expected movements
  std::string why;       ///< "same amount, its reference F2026-0007 in the memo, 1 day apart"
  bool weak = false;     ///< matched on amount and date alone
};

/// The recorded movement `row` is, if any, among `expected` (those not taken yet: `taken` marks
/// them). Same amount and at most kMatchWindowDays apart; then the reference named in the row
/// (in the forms banks write it: F2026-0007, F2026 0007, FACTURE 2026-0007, F20260007), the
/// payer's name, the nearest day. A row that names nothing matches only when it is the single
/// candidate within the window and no other row of the statement could be it (`rival_rows`
/// counts the rows of the same amount within the window of that candidate).
std::optional<MovementMatch> match_movement(const StatementRow& row,
                                            const std::vector<ExpectedMovement>& expected,
                                            const std::vector<bool>& taken,
                                            const std::vector<StatementRow>& all_rows);

/// Open invoices by their numbers, to find the ones a statement row names, in the forms banks
/// write them (F2026-0007, F2026 0007, FACTURE 2026-0007, F20260007, F-2026-0007), in time
/// proportional to the row's length whatever the number of invoices.
class ReferenceIndex {
 public:
  void add(std::string_view number, std::size_t index);
  /// The indexes of the numbers `text` names, each once, in the order they appear.
  std::vector<std::size_t> named_in(std::string_view text) const;

 private:
  std::unordered_map<std::string, std::size_t> by_folded_;  ///< F20260007
  std::unordered_map<std::string, std::size_t> by_digits_;  ///< 20260007 (npos: two share it)
};

/// True when `text` (a payee or memo as the bank wrote it) names `reference` (an invoice
/// number), in any of the forms banks write it.
bool names_reference(std::string_view text, std::string_view reference);
/// True when `text` holds a distinctive word of `name` (not a legal form, three letters or more).
bool names_party(std::string_view text, std::string_view name);

}  // namespace indie
