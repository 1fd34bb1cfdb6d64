#pragma once
/// The receipts journal (livre des recettes) of a micro-entrepreneur: money received, day by day,
/// valued in EUR, each receipt split by activity and VAT rate the way its invoice was. The
/// URSSAF declaration, the thresholds and the VAT due on receipts are sums of it.
///
/// Rules (RESEARCH §5.1; CGI art. 50-0 and 102 ter; BOI-BIC-DECLA-30-10-20-40): a receipt is
/// recorded on the day the money arrived, with the client, the nature of the sale, the payment
/// method and the invoice it pays; money paid back is a negative receipt; cash sales of under
/// 76 € to private persons may be totalled per day.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "indie/core/activity.hpp"
#include "indie/core/clock.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/fx.hpp"

namespace indie {

enum class ReceiptKind { payment, refund, reversal, sale };
std::string_view to_string(ReceiptKind k);

/// Part of an invoice: what one activity at one VAT rate came to, in the invoice's currency.
struct SaleShare {
  Activity activity = Activity::bnc;
  Decimal vat_rate;
  std::int64_t net_minor = 0, vat_minor = 0;
};

/// A receipt as the store reads it: a payment, refund or reversal on an invoice, or a sale
/// recorded straight into an account (`indie account tx add --receipt`).
struct ReceiptSource {
  ReceiptKind kind = ReceiptKind::payment;
  std::int64_t id = 0;  ///< the payment's or the transaction's
  Date date{};
  std::string client;
  bool consumer = false;  ///< sold to a private person
  /// Services whose place of supply is abroad (CGI art. 259-1: a business client in another
  /// country): outside the French turnover that the VAT franchise thresholds count.
  bool abroad = false;
  std::string invoice;            ///< its number; empty for a sale
  std::string credit_notes;       ///< the invoice's credit notes, for a refund: "A2026-0002"
  std::string object;             ///< what was sold: the invoice's first line, or the note
  std::string method;             ///< transfer, card, cash …
  std::int64_t amount_minor = 0;  ///< what it settled, in `currency` (the invoice's)
  std::string currency;
  std::int64_t received_minor = 0;  ///< what arrived, in `received_currency`
  std::string received_currency;
  std::vector<SaleShare> shares;  ///< the invoice's split; a sale has one
};

/// How a receipt's EUR value was found.
enum class EurBasis {
  received,  ///< it arrived in EUR: what the bank credited
  invoice,   ///< the EUR invoice's amount it settled (it arrived in another currency)
  ecb,       ///< the reference rate of the day it arrived (or the last before)
};
std::string_view to_string(EurBasis b);

struct Receipt {
  ReceiptSource source;
  std::int64_t eur_minor = 0;  ///< in EUR cents, < 0 for money paid back
  EurBasis basis = EurBasis::received;
  std::string rate;  ///< ecb: "1 EUR = 1.0512 USD (ECB 2026-11-20)"
  /// eur_minor split like the invoice: excluding VAT by activity (bnc, bic-services, bic-sales)
  /// and the VAT of each share, so that they add up to eur_minor exactly.
  std::array<std::int64_t, 3> net_eur{};
  std::vector<std::int64_t> share_net_eur, share_vat_eur;
  std::int64_t vat_eur = 0;
  std::int64_t net_total() const { return net_eur[0] + net_eur[1] + net_eur[2]; }
};

struct InvoiceLine;
struct Currency;
/// An invoice's split by activity and VAT rate: each rate's VAT (as the invoice computed it)
/// shared over its activities by their totals. A line without an activity (issued before indie
/// kept them) takes `business`; throws, naming `invoice` and the line, when that is mixed.
std::vector<SaleShare> sale_shares(const std::vector<InvoiceLine>& lines, const Currency& cur,
                                   Activity business, std::string_view invoice);

/// Index of an activity in Receipt::net_eur (mixed has none).
std::size_t activity_index(Activity a);
Activity activity_at(std::size_t index);

/// How `currency` becomes EUR on a day; throws not_found saying what to import or set.
using EurPath = std::function<FxPath(std::string_view currency, Date day)>;
/// Values a receipt in EUR (see EurBasis) and splits it over its shares, exactly: the largest
/// remainders take the odd cents.
Receipt value_receipt(ReceiptSource source, const EurPath& eur_path);

/// Splits `total` in proportion to the magnitudes of `weights` (all of one sign), exactly: each
/// part is rounded down and the cents left go to the largest remainders, earliest first.
std::vector<std::int64_t> split_exactly(std::int64_t total,
                                        const std::vector<std::int64_t>& weights);

struct JournalRow {
  Receipt receipt;
  int grouped = 1;  ///< more than 1: the day's cash sales under 76 € to private persons
};

struct JournalMonth {
  int year = 0;
  unsigned month = 0;
  std::int64_t eur_minor = 0;
  std::array<std::int64_t, 3> net_eur{};
};

struct ReceiptsJournal {
  std::vector<JournalRow> rows;      ///< in the order received
  std::vector<JournalMonth> months;  ///< every month of the period, even empty ones
  std::int64_t total_eur = 0;
  std::array<std::int64_t, 3> net_eur{};
  std::int64_t vat_eur = 0;
};

/// The cash receipts the rules allow to group: under 76 € (BOI-BIC-DECLA-30-10-20-40 § 60).
inline constexpr std::int64_t kCashGroupingLimitCents = 7600;

/// The journal of `receipts` (already in the order received) between `from` and `to`.
/// `group_cash` totals each day's cash sales under 76 € to private persons into one row.
ReceiptsJournal build_journal(std::vector<Receipt> receipts, Date from, Date to, bool group_cash);

}  // namespace indie
