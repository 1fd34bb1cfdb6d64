#include "indie/core/statement.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace indie {

namespace {
constexpr std::array<std::string_view, 5> kKinds{"invoice", "credit-note", "payment", "refund",
                                                 "reversal"};
}

std::string_view to_string(StatementItemKind k) { return kKinds[static_cast<std::size_t>(k)]; }

std::vector<CurrencyStatement> build_statement(std::vector<StatementItem> items,
                                               std::optional<Date> from, Date as_of) {
  std::erase_if(items, [&](const StatementItem& i) { return i.date > as_of; });
  // A day's documents come before the money they bring, so the balance never dips below what
  // the day ends with for no reason.
  std::stable_sort(items.begin(), items.end(), [](const StatementItem& a, const StatementItem& b) {
    return std::tuple(a.currency, a.date, static_cast<int>(a.kind), a.payment_id) <
           std::tuple(b.currency, b.date, static_cast<int>(b.kind), b.payment_id);
  });
  std::vector<CurrencyStatement> out;
  // What each invoice still asks, for what is overdue on as_of.
  std::map<std::pair<std::string, std::string>, std::int64_t> left;
  std::map<std::pair<std::string, std::string>, Date> due;
  for (const StatementItem& item : items) {
    if (out.empty() || out.back().currency != item.currency) {
      out.emplace_back();
      out.back().currency = item.currency;
    }
    CurrencyStatement& s = out.back();
    s.closing_minor += item.amount_minor;
    const auto key = std::pair(item.currency, item.invoice);
    left[key] += item.amount_minor;
    if (item.kind == StatementItemKind::invoice && item.due_date) due[key] = *item.due_date;
    if (from && item.date < *from) {
      s.opening_minor += item.amount_minor;
      continue;
    }
    (item.amount_minor >= 0 ? s.debits_minor : s.credits_minor) += item.amount_minor;
    s.lines.push_back({item, s.closing_minor});
  }
  for (const auto& [key, amount] : left) {
    const auto d = due.find(key);
    if (amount <= 0 || d == due.end() || d->second >= as_of) continue;
    for (CurrencyStatement& s : out)
      if (s.currency == key.first) s.overdue_minor += amount;
  }
  return out;
}

}  // namespace indie
