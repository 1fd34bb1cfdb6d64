#include "indie/core/aging.hpp"

namespace indie {

std::size_t age_bucket(std::int64_t days_late) {
  if (days_late <= 0) return 0;
  if (days_late <= 30) return 1;
  if (days_late <= 60) return 2;
  if (days_late <= 90) return 3;
  return 4;
}

AgedReceivables age_receivables(const std::vector<Receivable>& receivables, Date as_of) {
  AgedReceivables out;
  for (const auto& r : receivables) {
    const std::size_t b = age_bucket(days_between(r.due_date, as_of));
    for (auto* row : {&out.by_client[{r.client, r.currency}], &out.totals[r.currency]}) {
      (*row)[b] += r.due_minor;
      (*row)[kAgeTotal] += r.due_minor;
    }
  }
  return out;
}

}  // namespace indie
