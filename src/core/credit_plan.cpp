#include "indie/core/credit_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "indie/core/error.hpp"

namespace indie {
namespace {

std::string amount_text(const Money& m) { return m.amount().format(NumberLocale::en); }

// A credit-note line for an amount at one rate: "Avoir sur la facture F2026-0001".
InvoiceLine amount_line(const Invoice& original, const Money& base, const Decimal& rate,
                        bool balance) {
  InvoiceLine l;
  const bool fr = original.language == Language::fr;
  l.description = (fr ? "Avoir sur la facture " : "Credit on invoice ") + *original.number;
  if (balance) l.description += fr ? " (solde)" : " (balance)";
  l.quantity = Decimal::from_int(1);
  l.unit = "u";
  l.unit_price = base.amount();
  l.vat_rate = rate;
  return l;
}

// A copy of an original line that credits it.
InvoiceLine crediting(const InvoiceLine& original) {
  InvoiceLine l = original;
  l.credits_line_id = original.id;
  l.project_id.reset();
  return l;
}

}  // namespace

CreditPlan plan_credit(const Invoice& orig, const std::vector<InvoiceLine>& orig_lines,
                       const std::vector<EarlierCredit>& earlier, const CreditRequest& request) {
  if (!request.lines.empty() && request.amount)
    throw usage_error("credit either lines or an amount, not both");
  const Currency& cur = orig.cur();
  const InvoiceTotals orig_totals = compute_totals(orig_lines, cur);

  // What is left to credit, per VAT rate (base) and in total (TTC).
  std::map<Decimal, Money> left;
  for (const auto& v : orig_totals.by_rate) left.emplace(v.rate, v.base);
  Money left_total = orig_totals.gross;
  std::map<std::int64_t, std::string> credited_lines;  // original line id -> credit note number
  for (const auto& c : earlier) {
    left_total = left_total - Money(c.gross_minor, cur);
    for (const auto& l : c.lines) {
      auto it = left.find(l.vat_rate.normalized());
      if (it != left.end()) it->second = it->second - line_net(l, cur);
      if (l.credits_line_id) credited_lines[*l.credits_line_id] = c.number;
    }
  }

  std::vector<InvoiceLine> lines;
  if (!request.lines.empty()) {
    for (const auto& text : request.lines) {
      int n = 0;
      const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      const auto it = std::find_if(orig_lines.begin(), orig_lines.end(),
                                   [&](const InvoiceLine& l) { return l.position == n; });
      if (ec != std::errc() || p != text.data() + text.size() || it == orig_lines.end())
        throw invalid_input(
            fmt::format("--line {}: {} has lines 1 to {}", text, *orig.number, orig_lines.size()));
      if (credited_lines.count(it->id))
        throw conflict(fmt::format("line {} of {} was already credited by {}", n, *orig.number,
                                   credited_lines[it->id]));
      lines.push_back(crediting(*it));
    }
  } else if (request.amount) {
    if (orig_totals.by_rate.size() != 1)
      throw invalid_input(fmt::format(
          "{} has several VAT rates, so an amount cannot say which it reduces; credit whole "
          "lines with --line N",
          *orig.number));
    if (request.amount->minor() <= 0)
      throw invalid_input("--amount must be more than 0 (the amount excluding VAT to credit)");
    lines.push_back(amount_line(orig, *request.amount, orig_totals.by_rate.front().rate, false));
  } else if (earlier.empty()) {
    for (const auto& o : orig_lines) lines.push_back(crediting(o));
  } else {
    // The rest of a partly credited invoice: one line per VAT rate for what is left of it.
    for (const auto& [rate, base] : left)
      if (base.minor() > 0) lines.push_back(amount_line(orig, base, rate, true));
    if (lines.empty()) throw conflict(fmt::format("{} is already fully credited", *orig.number));
  }
  int position = 0;
  for (auto& l : lines) l.position = ++position;
  const InvoiceTotals totals = compute_totals(lines, cur);
  for (const auto& v : totals.by_rate) {
    const auto it = left.find(v.rate);
    if (it == left.end() || v.base.minor() > it->second.minor() ||
        totals.gross.minor() > left_total.minor())
      throw invalid_input(fmt::format(
          "a credit of {} {} is more than the {} {} that remains of {}; credit at most that",
          amount_text(totals.gross), cur.code, amount_text(left_total), cur.code, *orig.number));
  }
  const bool full = totals.gross == left_total;
  if (request.release_time && !full)
    throw usage_error(fmt::format(
        "--release-time gives time back only when {} is cancelled in full; leave out --line "
        "and --amount",
        *orig.number));
  return CreditPlan{std::move(lines), totals, full, left_total - totals.gross};
}

}  // namespace indie
