#pragma once
/// Expenses for the books: what was spent, valued in EUR, with the VAT it carries (deductible
/// for a business that charges VAT), grouped by category, supplier or month; and the purchases
/// register that goods activities keep (RESEARCH §5.1: date, supplier, reference, amount,
/// payment method, cash apart).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indie/core/clock.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/receipts.hpp"
#include "indie/core/settings.hpp"

namespace indie {

/// The VAT included in an amount paid at `rate` percent: amount x rate / (100 + rate), rounded
/// once, half away from zero, to the minor unit.
std::int64_t vat_included(std::int64_t amount_minor, const Decimal& rate);

/// Checks VAT given on an expense or a receipt: a French rate (20, 10, 5.5, 2.1), and a business
/// that charges VAT (under the franchise no VAT is deductible, CGI art. 293 B). Throws
/// invalid_input naming `flag`.
void check_tx_vat(VatRegime regime, const Decimal& rate, std::string_view flag);

/// A transaction that spent money, as the store reads it.
struct ExpenseSource {
  std::int64_t id = 0;
  Date date{};
  std::string account, account_kind, currency;
  std::int64_t amount_minor = 0;  ///< > 0: what was spent, in the account's currency
  std::string supplier, category, note;
  std::string vat_rate;        ///< empty: no VAT recorded
  std::int64_t vat_minor = 0;  ///< > 0, in the account's currency
};

struct Expense {
  ExpenseSource source;
  std::int64_t eur = 0, vat_eur = 0;  ///< what was spent and its VAT, in EUR cents
  EurBasis basis = EurBasis::received;
  std::string rate;  ///< ecb: the rate used
};

Expense value_expense(ExpenseSource source, const EurPath& eur_path);

enum class ExpenseGrouping { category, supplier, month };
ExpenseGrouping parse_expense_grouping(std::string_view text);

struct ExpenseGroup {
  std::string key;  ///< the category, the supplier or YYYY-MM; "" for none
  std::int64_t count = 0, eur = 0, vat_eur = 0;
};
/// Groups, in the order of their keys.
std::vector<ExpenseGroup> group_expenses(const std::vector<Expense>& expenses, ExpenseGrouping by);

}  // namespace indie
