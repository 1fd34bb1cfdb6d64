#include "indie/core/receipts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/invoice.hpp"
#include "indie/core/money.hpp"
#include "indie/core/rounding.hpp"

namespace indie {

std::string_view to_string(ReceiptKind k) {
  switch (k) {
    case ReceiptKind::payment:
      return "payment";
    case ReceiptKind::refund:
      return "refund";
    case ReceiptKind::reversal:
      return "reversal";
    case ReceiptKind::sale:
      return "sale";
  }
  return "?";
}

std::string_view to_string(EurBasis b) {
  switch (b) {
    case EurBasis::received:
      return "received";
    case EurBasis::invoice:
      return "invoice";
    case EurBasis::ecb:
      return "ecb";
  }
  return "?";
}

std::size_t activity_index(Activity a) {
  switch (a) {
    case Activity::bnc:
      return 0;
    case Activity::bic_services:
      return 1;
    case Activity::bic_sales:
      return 2;
    case Activity::mixed:
      break;
  }
  throw invalid_input("a receipt's share has no single activity");
}

Activity activity_at(std::size_t index) {
  return index == 0 ? Activity::bnc : index == 1 ? Activity::bic_services : Activity::bic_sales;
}

std::vector<std::int64_t> split_exactly(std::int64_t total,
                                        const std::vector<std::int64_t>& weights) {
  std::vector<std::int64_t> parts(weights.size(), 0);
  int128 sum = 0;
  for (const auto w : weights) sum += w;
  if (weights.empty()) return parts;
  if (sum == 0) {
    parts.front() = total;
    return parts;
  }
  // Work on magnitudes; the sign of the total is put back at the end.
  const bool negative = total < 0;  // the weights share the sign of their sum
  const int128 t = total < 0 ? -static_cast<int128>(total) : total;
  const int128 s = sum < 0 ? -sum : sum;
  std::vector<int128> remainders(weights.size());
  int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const int128 w = weights[i] < 0 ? -static_cast<int128>(weights[i]) : weights[i];
    const int128 product = t * w;
    parts[i] = static_cast<std::int64_t>(product / s);
    remainders[i] = product % s;
    given += parts[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; given < t; ++k, ++given) ++parts[order[k % order.size()]];
  if (negative)
    for (auto& p : parts) p = -p;
  return parts;
}

std::vector<SaleShare> sale_shares(const std::vector<InvoiceLine>& lines, const Currency& cur,
                                   Activity business, std::string_view invoice) {
  const InvoiceTotals totals = compute_totals(lines, cur);
  std::vector<SaleShare> out;
  for (const auto& rate : totals.by_rate) {
    std::vector<SaleShare> of_rate;
    for (const auto& l : lines) {
      if (l.vat_rate != rate.rate) continue;
      const Activity a =
          resolve_activity(l.activity, std::nullopt, business,
                           fmt::format("{} line {} has no activity (issued before indie kept them)",
                                       invoice, l.position));
      const std::int64_t net = line_net(l, cur).minor();
      auto it = std::find_if(of_rate.begin(), of_rate.end(),
                             [&](const SaleShare& s) { return s.activity == a; });
      if (it == of_rate.end()) {
        of_rate.push_back({a, rate.rate, 0, 0});
        it = std::prev(of_rate.end());
      }
      it->net_minor += net;
    }
    std::vector<std::int64_t> weights;
    for (const auto& s : of_rate) weights.push_back(s.net_minor);
    const auto vat = split_exactly(rate.vat.minor(), weights);
    for (std::size_t i = 0; i < of_rate.size(); ++i) {
      of_rate[i].vat_minor = vat[i];
      out.push_back(of_rate[i]);
    }
  }
  return out;
}

Receipt value_receipt(ReceiptSource source, const EurPath& eur_path) {
  Receipt r;
  if (source.received_currency == "EUR") {
    r.eur_minor = source.received_minor;
    r.basis = EurBasis::received;
  } else if (source.currency == "EUR") {
    r.eur_minor = source.amount_minor;
    r.basis = EurBasis::invoice;
  } else {
    const FxPath path = eur_path(source.received_currency, source.date);
    const Currency& from = currency(source.received_currency, true);
    r.eur_minor = convert(Money(source.received_minor, from), path, currency("EUR")).minor();
    r.basis = EurBasis::ecb;
    r.rate = path.describe();
  }
  std::vector<std::int64_t> weights;
  for (const auto& s : source.shares) {
    weights.push_back(s.net_minor);
    weights.push_back(s.vat_minor);
  }
  if (weights.empty()) weights.push_back(1);
  const auto parts = split_exactly(r.eur_minor, weights);
  for (std::size_t i = 0; i < source.shares.size(); ++i) {
    const std::int64_t net = parts[2 * i], vat = parts[2 * i + 1];
    r.net_eur[activity_index(source.shares[i].activity)] += net;
    r.share_net_eur.push_back(net);
    r.share_vat_eur.push_back(vat);
    r.vat_eur += vat;
  }
  r.source = std::move(source);
  return r;
}

namespace {

bool groupable(const Receipt& r) {
  const auto& s = r.source;
  return (s.kind == ReceiptKind::payment || s.kind == ReceiptKind::sale) && s.method == "cash" &&
         (s.consumer || s.kind == ReceiptKind::sale) && r.eur_minor > 0 &&
         r.eur_minor < kCashGroupingLimitCents;
}

void add_to(JournalRow& group, const Receipt& r) {
  Receipt& g = group.receipt;
  g.eur_minor += r.eur_minor;
  g.vat_eur += r.vat_eur;
  for (std::size_t i = 0; i < 3; ++i) g.net_eur[i] += r.net_eur[i];
  ++group.grouped;
}

}  // namespace

ReceiptsJournal build_journal(std::vector<Receipt> receipts, Date from, Date to, bool group_cash) {
  ReceiptsJournal j;
  for (auto m = std::chrono::year_month(from.year(), from.month());
       m <= std::chrono::year_month(to.year(), to.month()); m += std::chrono::months(1))
    j.months.push_back({static_cast<int>(m.year()), static_cast<unsigned>(m.month()), 0, {}});
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t cash_row = kNone;  // the day's group of cash sales, while the day lasts
  for (auto& r : receipts) {
    if (r.source.date < from || r.source.date > to) continue;
    auto& month = j.months[static_cast<std::size_t>(
        (static_cast<int>(r.source.date.year()) - j.months.front().year) * 12 +
        static_cast<int>(static_cast<unsigned>(r.source.date.month())) -
        static_cast<int>(j.months.front().month))];
    month.eur_minor += r.eur_minor;
    for (std::size_t i = 0; i < 3; ++i) {
      month.net_eur[i] += r.net_eur[i];
      j.net_eur[i] += r.net_eur[i];
    }
    j.total_eur += r.eur_minor;
    j.vat_eur += r.vat_eur;
    if (cash_row != kNone && j.rows[cash_row].receipt.source.date != r.source.date)
      cash_row = kNone;
    if (group_cash && groupable(r)) {
      if (cash_row != kNone) {
        add_to(j.rows[cash_row], r);
        continue;
      }
      cash_row = j.rows.size();
    }
    j.rows.push_back({std::move(r), 1});
  }
  // A group of one is an ordinary row; a real group says what it is.
  for (auto& row : j.rows)
    if (row.grouped > 1) {
      auto& s = row.receipt.source;
      s.client = fmt::format("{} cash sales under 76 EUR", row.grouped);
      s.invoice.clear();
      s.object.clear();
      s.kind = ReceiptKind::sale;
    }
  return j;
}

}  // namespace indie
