#include "indie/core/thresholds.hpp"

#include <fmt/format.h>

#include "indie/core/rounding.hpp"

namespace indie {
namespace {

struct Counter {
  ThresholdLine line;
  bool france_only = false;  // the franchise: receipts located in France
  bool services_only = false;
};

std::string consequence(ThresholdKind kind, int year, const std::optional<Date>& on) {
  switch (kind) {
    case ThresholdKind::franchise_base:
      return fmt::format(
          "above it for {}, the franchise en base ends on 1 January {}: invoices charge VAT "
          "from that day (CGI art. 293 B)",
          year, year + 1);
    case ThresholdKind::franchise_increased:
      return on ? fmt::format(
                      "exceeded on {}: VAT is due from that day, on that operation and "
                      "every one after it (CGI art. 293 B)",
                      format_date(*on))
                : "if exceeded, VAT is due from the day it is, on that operation and every one "
                  "after it (CGI art. 293 B)";
    case ThresholdKind::micro_ceiling:
      return fmt::format(
          "above it in {} and {}, the micro regime ends on 1 January {}: profits are then taxed "
          "on the real regime (CGI art. 50-0, 102 ter)",
          year, year + 1, year + 2);
  }
  return "";
}

}  // namespace

std::vector<ThresholdLine> check_thresholds(const std::vector<Receipt>& receipts,
                                            const ThresholdsInput& in, const YearFigures& figures) {
  const bool services = in.activity != Activity::bic_sales;
  const bool goods = in.activity == Activity::bic_sales || in.activity == Activity::mixed;
  std::vector<Counter> counters;
  const auto add = [&](Figure f, ThresholdKind kind, bool is_goods, bool france_only) {
    Counter c;
    c.line.name = std::string(figure_info(f).name);
    c.line.kind = kind;
    c.line.goods = is_goods;
    c.line.limit_cents = figures.cents(f);
    c.france_only = france_only;
    c.services_only = !is_goods;
    counters.push_back(std::move(c));
  };
  if (in.franchise && services) {
    add(Figure::franchise_services_base, ThresholdKind::franchise_base, false, true);
    add(Figure::franchise_services_increased, ThresholdKind::franchise_increased, false, true);
  }
  if (in.franchise && goods) {
    add(Figure::franchise_goods_base, ThresholdKind::franchise_base, true, true);
    add(Figure::franchise_goods_increased, ThresholdKind::franchise_increased, true, true);
  }
  if (in.micro && services)
    add(Figure::micro_services_ceiling, ThresholdKind::micro_ceiling, false, false);
  if (in.micro && goods)
    add(Figure::micro_sales_ceiling, ThresholdKind::micro_ceiling, true, false);

  for (const auto& r : receipts) {
    if (static_cast<int>(r.source.date.year()) != in.year) continue;
    const std::int64_t services_cents = r.net_eur[0] + r.net_eur[1];
    for (auto& c : counters) {
      if (c.france_only && r.source.abroad) {
        // Services located abroad leave the franchise count; goods sold abroad stay in it (their
        // place of supply is where they leave from).
        if (c.services_only) continue;
        c.line.counted_cents += r.net_eur[2];
      } else {
        c.line.counted_cents += c.services_only ? services_cents : r.net_total();
      }
      if (!c.line.crossed_on && c.line.counted_cents > c.line.limit_cents)
        c.line.crossed_on = r.source.date;
      // A refund can take the count back under the limit; what was crossed stays crossed.
    }
  }
  const Date jan1{std::chrono::year(in.year), std::chrono::January, std::chrono::day(1)};
  const Date dec31{std::chrono::year(in.year), std::chrono::December, std::chrono::day(31)};
  const auto days_in_year =
      (std::chrono::sys_days(dec31) - std::chrono::sys_days(jan1)).count() + 1;
  const auto elapsed =
      in.as_of < jan1 ? 0
      : in.as_of > dec31
          ? days_in_year
          : (std::chrono::sys_days(in.as_of) - std::chrono::sys_days(jan1)).count() + 1;
  std::vector<ThresholdLine> out;
  for (auto& c : counters) {
    c.line.projected_cents =
        elapsed == 0 ? 0
        : elapsed == days_in_year
            ? c.line.counted_cents
            : static_cast<std::int64_t>(static_cast<int128>(c.line.counted_cents) * days_in_year /
                                        elapsed);
    c.line.consequence = consequence(c.line.kind, in.year, c.line.crossed_on);
    out.push_back(std::move(c.line));
  }
  return out;
}

std::vector<ThresholdLine> newly_crossed(const std::vector<ThresholdLine>& before,
                                         const std::vector<ThresholdLine>& after) {
  std::vector<ThresholdLine> out;
  for (const auto& a : after) {
    if (!a.crossed_on) continue;
    bool was = false;
    for (const auto& b : before)
      if (b.name == a.name && b.crossed_on) was = true;
    if (!was) out.push_back(a);
  }
  return out;
}

}  // namespace indie
