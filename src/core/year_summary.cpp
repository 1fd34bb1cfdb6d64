#include "indie/core/year_summary.hpp"

namespace indie {

std::array<YearMonthFigures, 12> year_summary(int year, const std::vector<Receipt>& receipts,
                                              const std::vector<Expense>& expenses) {
  std::array<YearMonthFigures, 12> m{};
  for (unsigned i = 0; i < 12; ++i) m[i].month = i + 1;
  const auto index = [](Date d) { return static_cast<unsigned>(d.month()) - 1; };
  for (const auto& r : receipts) {
    if (static_cast<int>(r.source.date.year()) != year) continue;
    m[index(r.source.date)].receipts += r.eur_minor;
    m[index(r.source.date)].net += r.net_total();
  }
  for (const auto& e : expenses)
    if (static_cast<int>(e.source.date.year()) == year) m[index(e.source.date)].expenses += e.eur;
  std::int64_t running = 0;
  for (auto& month : m) month.cumulative_net = running += month.net;
  return m;
}

}  // namespace indie
