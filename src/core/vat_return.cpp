#include "indie/core/vat_return.hpp"

#include <map>

namespace indie {
namespace {

// Form 3310-CA3 (notice 3310-NOT-CA3): the lines of taxable operations by rate in mainland
// France; the 2.1 % rate and the non-taxable lines are left for the user to place.
std::string ca3_line(const Decimal& rate) {
  if (rate == Decimal::from_int(20)) return "08";
  if (rate == Decimal::from_int(10)) return "9B";
  if (rate == Decimal(55, 1)) return "09";
  return "";
}

}  // namespace

VatReturn vat_return(const std::vector<Receipt>& receipts, const std::vector<IssuedShares>& issued,
                     const std::vector<Expense>& expenses, bool debits) {
  struct Sum {
    std::int64_t base = 0, vat = 0;
  };
  // (basis, rate) -> sums, for taxable operations; one line for those not taxable in France.
  std::map<std::pair<std::string, Decimal>, Sum> taxable;
  Sum outside;
  const auto add = [&](const std::string& basis, const SaleShare& s, std::int64_t net,
                       std::int64_t vat, bool in_france) {
    if (!in_france || s.vat_rate.is_zero()) {
      outside.base += net;
      return;
    }
    auto& sum = taxable[{basis, s.vat_rate}];
    sum.base += net;
    sum.vat += vat;
  };
  for (const auto& r : receipts)
    for (std::size_t i = 0; i < r.source.shares.size(); ++i) {
      const SaleShare& s = r.source.shares[i];
      // Goods are taxed when invoiced, services when paid unless on debits; a sale without an
      // invoice (over the counter) is delivered when paid.
      if (r.source.kind != ReceiptKind::sale && (is_goods(s.activity) || debits)) continue;
      add("receipts", s, r.share_net_eur[i], r.share_vat_eur[i], !r.source.abroad);
    }
  for (const auto& doc : issued)
    for (const auto& s : doc.shares)
      if (is_goods(s.activity) || debits)
        add("invoices", s, s.net_minor, s.vat_minor, doc.taxable_in_france);
  VatReturn out;
  for (const auto& [key, sum] : taxable) {
    out.lines.push_back({"collected", key.second.normalized().to_string(), key.first,
                         ca3_line(key.second), sum.base, sum.vat});
    out.collected += sum.vat;
  }
  if (outside.base != 0) out.lines.push_back({"not-taxable", "", "", "", outside.base, 0});
  out.lines.push_back({"total-collected", "", "", "16", 0, out.collected});
  std::int64_t spent = 0;
  for (const auto& e : expenses) {
    spent += e.eur;
    out.deductible += e.vat_eur;
  }
  out.lines.push_back({"deductible", "", "expenses", "20", spent - out.deductible, out.deductible});
  out.lines.push_back({"total-deductible", "", "", "23", 0, out.deductible});
  if (out.due() >= 0)
    out.lines.push_back({"due", "", "", "28", 0, out.due()});
  else
    out.lines.push_back({"credit", "", "", "25", 0, -out.due()});
  return out;
}

}  // namespace indie
