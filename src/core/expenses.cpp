#include "indie/core/expenses.hpp"

#include <fmt/format.h>

#include <map>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/legal.hpp"
#include "indie/core/money.hpp"
#include "indie/core/rounding.hpp"
#include "indie/core/text.hpp"

namespace indie {

std::int64_t vat_included(std::int64_t amount_minor, const Decimal& rate) {
  // amount x r / (100 + r) with r = m / 10^s: amount x m / (100 x 10^s + m).
  const int128 num = static_cast<int128>(amount_minor) * rate.mantissa();
  const int128 den = 100 * pow10_128(rate.scale()) + rate.mantissa();
  return static_cast<std::int64_t>(divide_rounded(num, den, RoundingRule::half_away_from_zero));
}

void check_tx_vat(VatRegime regime, const Decimal& rate, std::string_view flag) {
  if (regime == VatRegime::franchise)
    throw invalid_input(fmt::format(
        "{}: under the franchise en base no VAT is charged, and none is deductible (CGI art. 293 "
        "B): record the amount paid, VAT included, without {}. If you now charge VAT: indie "
        "config set business.vat_regime standard",
        flag, flag));
  try {
    check_vat_rate(VatCategory::standard, rate);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

Expense value_expense(ExpenseSource source, const EurPath& eur_path) {
  Expense e;
  if (source.currency == "EUR") {
    e.eur = source.amount_minor;
    e.vat_eur = source.vat_minor;
  } else {
    const FxPath path = eur_path(source.currency, source.date);
    const Currency& from = currency(source.currency, true);
    e.eur = convert(Money(source.amount_minor, from), path, currency("EUR")).minor();
    e.vat_eur = convert(Money(source.vat_minor, from), path, currency("EUR")).minor();
    e.basis = EurBasis::ecb;
    e.rate = path.describe();
  }
  e.source = std::move(source);
  return e;
}

ExpenseGrouping parse_expense_grouping(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "category") return ExpenseGrouping::category;
  if (t == "supplier" || t == "payee") return ExpenseGrouping::supplier;
  if (t == "month") return ExpenseGrouping::month;
  throw invalid_input(
      fmt::format("--by: '{}' is not a grouping; use category, supplier or month", text));
}

std::vector<ExpenseGroup> group_expenses(const std::vector<Expense>& expenses, ExpenseGrouping by) {
  std::map<std::string, ExpenseGroup> groups;
  for (const auto& e : expenses) {
    const std::string key = by == ExpenseGrouping::category ? e.source.category
                            : by == ExpenseGrouping::supplier
                                ? e.source.supplier
                                : format_date(e.source.date).substr(0, 7);
    auto& g = groups[key];
    g.key = key;
    ++g.count;
    g.eur += e.eur;
    g.vat_eur += e.vat_eur;
  }
  std::vector<ExpenseGroup> out;
  for (auto& [key, g] : groups) out.push_back(std::move(g));
  return out;
}

}  // namespace indie
