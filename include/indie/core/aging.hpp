#pragma once
/// Receivables in aged buckets: what each client owes in each currency, by days past the due
/// date. Currencies are never added together.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "indie/core/invoice.hpp"

namespace indie {

/// current (not yet due), 1-30, 31-60, 61-90 and over 90 days late, then the total.
using AgeBuckets = std::array<std::int64_t, 6>;
inline constexpr std::size_t kAgeTotal = 5;
/// The bucket of an amount `days_late` past its due date (0 or less: current).
std::size_t age_bucket(std::int64_t days_late);

struct AgedReceivables {
  std::map<std::pair<std::string, std::string>, AgeBuckets> by_client;  ///< (client, currency)
  std::map<std::string, AgeBuckets> totals;                             ///< by currency
};
AgedReceivables age_receivables(const std::vector<Receivable>& receivables, Date as_of);

}  // namespace indie
