#include "indie/core/credit_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "indie/core/error.hpp"
#include "indie/core/rounding.hpp"

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

// A note that credits all the base left of a rate credits all its VAT too: the last line of
// that rate gets a fixed VAT, what remains less what the rate gives on the note's other lines.
// Without it, notes rounded one by one leave a cent of VAT (or credit one too many).
void close_rates(std::vector<InvoiceLine>& lines, const std::map<Decimal, Money>& left,
                 const std::map<Decimal, Money>& left_vat, const Currency& cur) {
  for (const auto& [rate, base] : left) {
    std::vector<InvoiceLine*> at_rate;
    Money note_base = Money::zero(cur);
    for (auto& l : lines)
      if (l.vat_rate.normalized() == rate) {
        at_rate.push_back(&l);
        note_base += line_net(l, cur);
      }
    if (at_rate.empty() || note_base != base) continue;
    InvoiceLine& last = *at_rate.back();
    Money others = Money::zero(cur);
    for (std::size_t i = 0; i + 1 < at_rate.size(); ++i) others += line_net(*at_rate[i], cur);
    const Decimal factor(rate.mantissa(), rate.scale() + 2);
    // Only when the rate on the note's base misses what remains: a plain note stays plain.
    if (note_base.times(factor) != left_vat.at(rate))
      last.fixed_vat_minor = (left_vat.at(rate) - others.times(factor)).minor();
  }
}

}  // namespace

CreditPlan plan_credit(const Invoice& orig, const std::vector<InvoiceLine>& orig_lines,
                       const std::vector<EarlierCredit>& earlier, const CreditRequest& request) {
  if (!request.lines.empty() && request.amount)
    throw usage_error("credit either lines or an amount, not both");
  const Currency& cur = orig.cur();
  const InvoiceTotals orig_totals = compute_totals(orig_lines, cur);

  // What is left to credit, per VAT rate (base and VAT, each as the documents printed them)
  // and in total (TTC). Each credit note rounds its own VAT, so the VAT left of a rate is the
  // invoice's less what the notes credited, not the rate applied to the base left.
  std::map<Decimal, Money> left, left_vat;
  for (const auto& v : orig_totals.by_rate) {
    left.emplace(v.rate, v.base);
    left_vat.emplace(v.rate, v.vat);
  }
  Money left_total = orig_totals.gross;
  std::map<std::int64_t, std::string> credited_lines;  // original line id -> credit note number
  std::map<std::int64_t, Decimal> credited_quantity;   // original line id -> quantity credited
  for (const auto& c : earlier) {
    left_total = left_total - Money(c.gross_minor, cur);
    for (const auto& v : compute_totals(c.lines, cur).by_rate) {
      if (auto it = left.find(v.rate); it != left.end()) it->second = it->second - v.base;
      if (auto it = left_vat.find(v.rate); it != left_vat.end()) it->second = it->second - v.vat;
    }
    for (const auto& l : c.lines)
      if (l.credits_line_id) {
        credited_lines[*l.credits_line_id] = c.number;
        auto [it, fresh] = credited_quantity.emplace(*l.credits_line_id, l.quantity);
        if (!fresh) it->second = it->second + l.quantity;
      }
  }

  std::vector<InvoiceLine> lines;
  if (request.quantity && request.lines.size() != 1)
    throw usage_error("--qty credits part of one line: give it with a single --line N");
  if (!request.lines.empty()) {
    for (const auto& text : request.lines) {
      int n = 0;
      const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      const auto it = std::find_if(orig_lines.begin(), orig_lines.end(),
                                   [&](const InvoiceLine& l) { return l.position == n; });
      if (ec != std::errc() || p != text.data() + text.size() || it == orig_lines.end())
        throw invalid_input(
            fmt::format("--line {}: {} has lines 1 to {}", text, *orig.number, orig_lines.size()));
      // What of the line's quantity is not credited yet (a line credited in part before).
      Decimal remaining = it->quantity;
      if (const auto q = credited_quantity.find(it->id); q != credited_quantity.end())
        remaining = remaining - q->second;
      if (remaining.is_zero() || remaining.is_negative())
        throw conflict(fmt::format("line {} of {} was already credited by {}", n, *orig.number,
                                   credited_lines[it->id]));
      InvoiceLine l = crediting(*it);
      l.quantity = remaining;
      if (request.quantity) {
        if (request.quantity->is_zero() || request.quantity->is_negative())
          throw invalid_input("--qty must be more than 0");
        if (remaining - *request.quantity < Decimal::from_int(0))
          throw invalid_input(fmt::format("--qty {}: line {} of {} has {} left to credit",
                                          request.quantity->to_string(), n, *orig.number,
                                          remaining.normalized().to_string()));
        l.quantity = *request.quantity;
      }
      // A line credited in parts: each part credits the difference of the cumulated totals,
      // so the parts add up to the line whatever their roundings.
      const Decimal before = it->quantity - remaining;
      if (!before.is_zero() || l.quantity != it->quantity) {
        const auto total_of = [&](const Decimal& q) {
          InvoiceLine copy = *it;
          copy.quantity = q;
          copy.fixed_net_minor.reset();
          return before.is_zero() && q.is_zero() ? 0 : line_net(copy, cur).minor();
        };
        const std::int64_t part =
            total_of(before + l.quantity) - (before.is_zero() ? 0 : total_of(before));
        InvoiceLine plain = l;
        plain.fixed_net_minor.reset();
        if (part != line_net(plain, cur).minor()) l.fixed_net_minor = part;
      }
      lines.push_back(std::move(l));
    }
  } else if (request.amount) {
    if (request.amount->minor() <= 0)
      throw invalid_input("--amount must be more than 0 (the amount excluding VAT to credit)");
    // One rate: the amount at that rate. Several: split pro rata of the bases left, each part
    // rounded down and the cents left over given to the largest bases, so the parts add up.
    std::vector<std::pair<Decimal, Money>> bases;
    std::int64_t left_sum = 0;
    for (auto it = left.rbegin(); it != left.rend(); ++it)  // highest rate first, as totals
      if (const auto& [rate, base] = *it; base.minor() > 0) {
        bases.emplace_back(rate, base);
        left_sum += base.minor();
      }
    if (bases.empty()) throw conflict(fmt::format("{} is already fully credited", *orig.number));
    if (request.amount->minor() > left_sum)
      throw invalid_input(fmt::format(
          "a credit of {} {} excluding VAT is more than the {} {} that remains of {}; credit at "
          "most that",
          amount_text(*request.amount), cur.code, amount_text(Money(left_sum, cur)), cur.code,
          *orig.number));
    std::vector<std::int64_t> parts;
    std::int64_t given = 0;
    for (const auto& [rate, base] : bases) {
      const auto part = static_cast<std::int64_t>(static_cast<int128>(request.amount->minor()) *
                                                  base.minor() / left_sum);
      parts.push_back(part);
      given += part;
    }
    std::vector<std::size_t> by_base(bases.size());
    for (std::size_t i = 0; i < by_base.size(); ++i) by_base[i] = i;
    std::stable_sort(by_base.begin(), by_base.end(), [&](std::size_t a, std::size_t b) {
      return bases[a].second.minor() > bases[b].second.minor();
    });
    for (std::size_t k = 0; given < request.amount->minor(); k = (k + 1) % by_base.size()) {
      ++parts[by_base[k]];
      ++given;
    }
    for (std::size_t i = 0; i < bases.size(); ++i)
      if (parts[i] > 0)
        lines.push_back(amount_line(orig, Money(parts[i], cur), bases[i].first, false));
  } else if (earlier.empty()) {
    for (const auto& o : orig_lines) lines.push_back(crediting(o));
  } else {
    // The rest of a partly credited invoice: one line per VAT rate for what is left of it.
    for (const auto& [rate, base] : left)
      if (base.minor() > 0 || left_vat.at(rate).minor() > 0)
        lines.push_back(amount_line(orig, base, rate, true));
    if (lines.empty()) throw conflict(fmt::format("{} is already fully credited", *orig.number));
  }
  int position = 0;
  for (auto& l : lines) l.position = ++position;
  close_rates(lines, left, left_vat, cur);
  const InvoiceTotals totals = compute_totals(lines, cur);
  for (const auto& v : totals.by_rate) {
    const auto it = left.find(v.rate);
    if (it != left.end() && v.base.minor() > it->second.minor() &&
        totals.gross.minor() <= left_total.minor())
      throw invalid_input(fmt::format(
          "{} has {} {} left to credit at {} % (credits by amount took part of it), less than "
          "the {} {} of this credit; credit an amount, or all that remains (no --line)",
          *orig.number, amount_text(it->second), cur.code, v.rate.normalized().to_string(),
          amount_text(v.base), cur.code));
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
