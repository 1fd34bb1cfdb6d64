#pragma once
/// What exchange rates earned or cost, realized and unrealized, in one report currency.
///
/// Realized, between `from` and `to`:
///   - payment: an invoice in one currency settled in another (or landing in a foreign account):
///     what was received, at the reference rate of its day, against what the invoice was booked
///     at (its own frozen rate when the report is in EUR);
///   - transfer: what arrived against what left, both at the reference rate of the day: the
///     spread the bank kept beyond its fee;
///   - account: money spent or converted from a foreign-currency account, at its reference
///     value, against the average cost it was booked at (FxPosition).
/// Unrealized, at `as_of`: foreign balances and open receivables at that day's rate against
/// what they were booked at. Realized and unrealized together are the whole exchange result.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/account.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/invoice.hpp"

namespace indie {

/// The rates that lead from one currency to another on a day (the last publication on or
/// before it); throws not_found when none is known. The store's RateRepo::path.
using RatePaths = std::function<FxPath(std::string_view from, std::string_view to, Date day)>;

/// Values amounts in the report currency at the reference rate of a day, looking each
/// (currency, day) path up once.
class Valuer {
 public:
  Valuer(RatePaths paths, const Currency& target) : paths_(std::move(paths)), target_(target) {}
  /// `amount` on `day`; a missing rate is refused naming `what` needed it.
  Money value(const Money& amount, Date day, std::string_view what);
  /// How amounts of `from` become the report currency on `day`.
  const FxConversion& conversion(const Currency& from, Date day, std::string_view what);
  /// What an invoice amount was booked at: its own rate, frozen at issue, when the report is in
  /// EUR; otherwise the reference rate of its issue day.
  Money booked(const Money& amount, const std::string& eur_rate, Date issued,
               std::string_view what);

 private:
  RatePaths paths_;
  const Currency& target_;
  std::map<std::string_view, std::map<Date, FxConversion>>
      cache_;  // keys: the currency table's codes
};

struct FxRow {
  bool realized = true;
  std::string source;  ///< payment, transfer, account, receivable
  std::optional<Date> date;
  std::string item;
  Money amount, booked, valued;  ///< valued - booked is the result
  Money result() const { return valued - booked; }
};

struct FxReport {
  std::vector<FxRow> rows;
  Money realized, unrealized;
};

/// What the report reads from the store. Movements are streamed (an account may hold a
/// million): `movements(account_id, to, fn)` calls fn(day, signed minor amount) in date order.
struct FxHistory {
  std::vector<SettledPayment> payments;      ///< between from and to
  std::vector<Transfer> transfers;           ///< between from and to
  std::map<std::int64_t, Account> accounts;  ///< every account, by id
  std::function<void(std::int64_t, Date, const std::function<void(Date, std::int64_t)>&)> movements;
  std::vector<Receivable> receivables;  ///< open on as_of
};

FxReport fx_report(const FxHistory& history, const Currency& target, Date from, Date to, Date as_of,
                   RatePaths paths);

}  // namespace indie
