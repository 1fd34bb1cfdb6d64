#pragma once
/// A year of the books month by month: receipts, expenses, and the running total of receipts
/// excluding VAT that the thresholds count (indie report year).
#include <array>
#include <cstdint>
#include <vector>

#include "indie/core/expenses.hpp"
#include "indie/core/receipts.hpp"

namespace indie {

struct YearMonthFigures {
  unsigned month = 0;               ///< 1..12
  std::int64_t receipts = 0;        ///< EUR cents received (VAT included)
  std::int64_t net = 0;             ///< of which excluding VAT
  std::int64_t expenses = 0;        ///< EUR cents spent
  std::int64_t cumulative_net = 0;  ///< net receipts since 1 January, this month included
};

/// Twelve months, every one present, from the year's receipts and expenses (others ignored).
std::array<YearMonthFigures, 12> year_summary(int year, const std::vector<Receipt>& receipts,
                                              const std::vector<Expense>& expenses);

}  // namespace indie
