#pragma once
/// Exchange rates: exact conversions along a path of published rates, and the ECB's files.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/clock.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/money.hpp"

namespace indie {

/// A published rate: 1 `base` = `rate` `quote` on `date` (the ECB: base EUR, quote USD 1.0938).
struct FxQuote {
  std::string base, quote;
  Date date{};
  Decimal rate;
  std::string source;
};

/// One step of a conversion: multiply by the quote's rate, or divide by it when the quote is used
/// the other way round (a USD->EUR rate read for EUR->USD).
struct FxLeg {
  FxQuote quote;
  bool inverse = false;
  const std::string& from() const { return inverse ? quote.quote : quote.base; }
  const std::string& to() const { return inverse ? quote.base : quote.quote; }
};

/// How one currency becomes another on a day: one leg, or two through EUR (USD -> EUR -> GBP).
/// Empty between a currency and itself.
struct FxPath {
  std::vector<FxLeg> legs;
  /// The oldest publication day among the legs: how fresh the conversion is.
  Date date() const;
  /// "ECB 2024-10-11: 1 EUR = 1.0938 USD; ECB 2024-10-11: 1 EUR = 0.83705 GBP".
  std::string describe() const;
};

/// Throws invalid_input unless `rate` is more than zero.
void check_rate(const Decimal& rate);

/// `amount` converted into `target` along `path`, exactly (products and quotients in 128 bits)
/// and rounded once, half away from zero. Throws invalid_input when the path does not start at
/// the amount's currency or end at `target`, or when the result does not fit.
Money convert(const Money& amount, const FxPath& path, const Currency& target);

/// A path reduced once to an exact fraction, for converting many amounts of `from` into
/// `target` on the same day (a report walking a million transactions). `apply` gives exactly
/// what `convert` gives.
class FxConversion {
 public:
  FxConversion(const FxPath& path, const Currency& from, const Currency& target);
  /// `minor` units of `from` in `target`, rounded once, half away from zero.
  Money apply(std::int64_t minor) const;

 private:
  __extension__ __int128 num_, den_;
  const Currency* target_;
};

/// What 1 unit of the path's first currency is worth in its last, rounded to `scale` decimals:
/// for display and for storing the rate a transfer implied.
Decimal path_rate(const FxPath& path, int scale = 6);

/// `received` / `sent` as a decimal rounded to `scale` decimals (1 unit sent = rate received).
Decimal implied_rate(const Money& sent, const Money& received, int scale = 6);

/// The ECB publishes its rates every business day; a rate more days than this before the day it
/// is used for (a long weekend with Good Friday and Easter Monday is five) means the stored rates
/// were not refreshed.
inline constexpr int kStaleRateDays = 5;
/// How many days `rate_date` is before `used_on` when that is more than kStaleRateDays.
std::optional<int> stale_rate_days(Date rate_date, Date used_on);

/// A rate's source as a document prints it: the ECB's is "BCE" in French, a rate typed by hand
/// (source "manual") "manuel"; any other source as it was given.
std::string rate_source_label(std::string_view source, std::string_view language);

/// One rate read from an ECB file. `currency` borrows from the file's text.
struct EcbRate {
  std::string_view currency;
  Date date{};
  Decimal rate;  ///< units of `currency` per 1 EUR
};

/// Reads the ECB's reference-rate CSV in either layout: the history (`Date,USD,JPY,…`, ISO dates,
/// `N/A` for no rate, a trailing comma) or the one-day file (`Date, USD, …` with `11 October
/// 2024`). Calls `fn` per rate. Throws invalid_input as "<source>:<line>: <what>" on anything
/// else: a missing Date column, an unknown currency, a bad date, a rate that is not a number
/// or not more than zero, a row with the wrong number of fields.
/// Returns the number of days read.
std::size_t read_ecb_csv(std::string_view text, std::string_view source,
                         const std::function<void(const EcbRate&)>& fn);

}  // namespace indie
