#include "indie/core/year_figures.hpp"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "indie/core/error.hpp"
#include "indie/core/period.hpp"
#include "indie/core/suggest.hpp"

namespace indie {
namespace {

using F = Figure;

const auto kInfos = std::to_array<FigureInfo>({
    {F::franchise_services_base, "franchise_services_base", true,
     "VAT franchise, services: base threshold (previous year's turnover)"},
    {F::franchise_services_increased, "franchise_services_increased", true,
     "VAT franchise, services: increased threshold (VAT due from the day it is exceeded)"},
    {F::franchise_goods_base, "franchise_goods_base", true,
     "VAT franchise, goods, food and lodging: base threshold"},
    {F::franchise_goods_increased, "franchise_goods_increased", true,
     "VAT franchise, goods, food and lodging: increased threshold"},
    {F::micro_services_ceiling, "micro_services_ceiling", true,
     "Micro-enterprise ceiling for services (micro-BNC, micro-BIC services)"},
    {F::micro_sales_ceiling, "micro_sales_ceiling", true,
     "Micro-enterprise ceiling for sales of goods and lodging (micro-BIC)"},
    {F::urssaf_bic_sales, "urssaf_bic_sales", false,
     "Social contributions on sales of goods, percent of receipts"},
    {F::urssaf_bic_services, "urssaf_bic_services", false,
     "Social contributions on commercial and craft services (BIC), percent"},
    {F::urssaf_bnc, "urssaf_bnc", false,
     "Social contributions on liberal services (BNC, SSI; CIPAV members: 23.2), percent"},
    {F::cfp_bic_sales, "cfp_bic_sales", false, "Vocational training contribution (CFP), traders"},
    {F::cfp_bic_services, "cfp_bic_services", false,
     "CFP on BIC services (traders 0.1; craftsmen: set 0.3)"},
    {F::cfp_bnc, "cfp_bnc", false, "CFP, liberal professions"},
    {F::vl_bic_sales, "vl_bic_sales", false,
     "Versement libératoire of income tax on sales, percent (CGI 151-0)"},
    {F::vl_bic_services, "vl_bic_services", false, "Versement libératoire on BIC services"},
    {F::vl_bnc, "vl_bnc", false, "Versement libératoire on BNC"},
});

struct Shipped {
  int year;
  Figure figure;
  std::string_view value;
  std::string_view source;
};

// Sources, checked in December 2026:
// - Franchise thresholds: CGI art. 293 B as rewritten by loi n° 2023-1322 (LF 2024) art. 82 from
//   2025, kept by loi n° 2025-1044 of 3 November 2025 (the single 25,000 € threshold was
//   repealed); 2024: the revaluation of 2023 (service-public.fr, "Franchise en base de TVA").
// - Micro ceilings: CGI art. 50-0 and 102 ter, revalued every three years: 188,700 / 77,700 for
//   2023-2025, 203,100 / 83,600 for 2026-2028 (URSSAF and service-public, February 2026).
// - Contribution rates: code de la sécurité sociale art. D613-4; BNC 24.6 % in 2025 and 25.6 %
//   from 1 January 2026 (décret n° 2025-943 of 8 September 2025); BIC 12.3 % and 21.2 %.
// - CFP: 0.1 % traders, 0.3 % craftsmen, 0.2 % liberal professions (CGI art. 1609 quatervicies B,
//   code du travail L6331-48). Versement libératoire: 1 %, 1.7 %, 2.2 % (CGI art. 151-0).
constexpr std::string_view kLf2024 = "CGI 293 B (loi 2023-1322 art. 82, loi 2025-1044)";
constexpr std::string_view kMicro2023 = "CGI 50-0, 102 ter (2023-2025)";
constexpr std::string_view kMicro2026 = "CGI 50-0, 102 ter (2026-2028 revaluation)";
constexpr std::string_view kCss = "CSS D613-4";
constexpr std::string_view kCss2026 = "CSS D613-4 (décret 2025-943)";
constexpr std::string_view kCfp = "CGI 1609 quatervicies B";
constexpr std::string_view kVl = "CGI 151-0";

const auto kShipped = std::to_array<Shipped>({
    {2024, F::franchise_services_base, "36800", "CGI 293 B (2023 revaluation)"},
    {2024, F::franchise_services_increased, "39100", "CGI 293 B (2023 revaluation)"},
    {2024, F::franchise_goods_base, "91900", "CGI 293 B (2023 revaluation)"},
    {2024, F::franchise_goods_increased, "101000", "CGI 293 B (2023 revaluation)"},
    {2024, F::micro_services_ceiling, "77700", kMicro2023},
    {2024, F::micro_sales_ceiling, "188700", kMicro2023},
    {2025, F::franchise_services_base, "37500", kLf2024},
    {2025, F::franchise_services_increased, "41250", kLf2024},
    {2025, F::franchise_goods_base, "85000", kLf2024},
    {2025, F::franchise_goods_increased, "93500", kLf2024},
    {2025, F::micro_services_ceiling, "77700", kMicro2023},
    {2025, F::micro_sales_ceiling, "188700", kMicro2023},
    {2025, F::urssaf_bic_sales, "12.3", kCss},
    {2025, F::urssaf_bic_services, "21.2", kCss},
    {2025, F::urssaf_bnc, "24.6", kCss},
    {2025, F::cfp_bic_sales, "0.1", kCfp},
    {2025, F::cfp_bic_services, "0.1", kCfp},
    {2025, F::cfp_bnc, "0.2", kCfp},
    {2025, F::vl_bic_sales, "1", kVl},
    {2025, F::vl_bic_services, "1.7", kVl},
    {2025, F::vl_bnc, "2.2", kVl},
    {2026, F::franchise_services_base, "37500", kLf2024},
    {2026, F::franchise_services_increased, "41250", kLf2024},
    {2026, F::franchise_goods_base, "85000", kLf2024},
    {2026, F::franchise_goods_increased, "93500", kLf2024},
    {2026, F::micro_services_ceiling, "83600", kMicro2026},
    {2026, F::micro_sales_ceiling, "203100", kMicro2026},
    {2026, F::urssaf_bic_sales, "12.3", kCss2026},
    {2026, F::urssaf_bic_services, "21.2", kCss2026},
    {2026, F::urssaf_bnc, "25.6", kCss2026},
    {2026, F::cfp_bic_sales, "0.1", kCfp},
    {2026, F::cfp_bic_services, "0.1", kCfp},
    {2026, F::cfp_bnc, "0.2", kCfp},
    {2026, F::vl_bic_sales, "1", kVl},
    {2026, F::vl_bic_services, "1.7", kVl},
    {2026, F::vl_bnc, "2.2", kVl},
});

const Shipped* shipped(int year, Figure f) {
  for (const auto& s : kShipped)
    if (s.year == year && s.figure == f) return &s;
  return nullptr;
}

}  // namespace

std::span<const FigureInfo> figure_infos() { return kInfos; }

const FigureInfo& figure_info(Figure f) { return kInfos[static_cast<std::size_t>(f)]; }

const FigureInfo& figure_info(std::string_view name) {
  for (const auto& i : kInfos)
    if (i.name == name) return i;
  std::vector<std::string> names;
  for (const auto& i : kInfos) names.emplace_back(i.name);
  throw not_found(fmt::format("unknown figure '{}'.{} indie report figures lists them", name,
                              did_you_mean(name, names)));
}

Decimal check_figure(std::string_view name, std::string_view value) {
  const FigureInfo& info = figure_info(name);
  Decimal d;
  try {
    d = Decimal::parse(value);
  } catch (const Error&) {
    throw invalid_input(fmt::format("{}: '{}' is not a number; write it like \"{}\"", name, value,
                                    info.euros ? "37500" : "25.6"));
  }
  if (d.mantissa() < 0) throw invalid_input(fmt::format("{} cannot be below 0", name));
  if (!info.euros && d > Decimal::from_int(100))
    throw invalid_input(fmt::format("{} is a percentage: at most 100", name));
  return d;
}

YearFigures::YearFigures(int year, const FigureOverrides& overrides)
    : year_(year), overrides_(&overrides) {}

std::optional<Decimal> YearFigures::find(Figure f) const {
  if (const auto y = overrides_->find(year_); y != overrides_->end())
    if (const auto v = y->second.find(figure_info(f).name); v != y->second.end()) return v->second;
  if (const Shipped* s = shipped(year_, f)) return Decimal::parse(s->value);
  return std::nullopt;
}

Decimal YearFigures::get(Figure f) const {
  if (auto v = find(f)) return *v;
  const auto [first, last] = shipped_years();
  const FigureInfo& info = figure_info(f);
  const YearFigures previous(year_ - 1, *overrides_);
  const auto known = previous.find(f);
  throw not_found(fmt::format(
      "no {} for {} ({}): indie ships figures for {} to {}. Add the year's figure to the config "
      "file (indie config path shows where):\n  [figures.{}]\n  {} = \"{}\"\nwith the value the "
      "law sets for {} (indie report figures --year {} shows the year before)",
      info.name, year_, info.help, first, last, year_, info.name,
      known ? known->normalized().to_string() : "...", year_, year_ - 1));
}

std::int64_t YearFigures::cents(Figure f) const {
  return (get(f) * Decimal::from_int(100)).with_scale(0).mantissa();
}

std::string YearFigures::source(Figure f) const {
  if (const auto y = overrides_->find(year_); y != overrides_->end())
    if (y->second.contains(figure_info(f).name)) return "config";
  if (const Shipped* s = shipped(year_, f)) return std::string(s->source);
  return "";
}

std::pair<int, int> YearFigures::shipped_years() {
  return {kShipped.front().year, kShipped.back().year};
}

Decimal acre_reduction(Date business_start) {
  using namespace std::chrono;
  return business_start < Date{year(2026), July, day(1)} ? Decimal::from_int(50)
                                                         : Decimal::from_int(25);
}

Date acre_last_day(Date start) {
  const Period q = quarter_of(start);
  // Three quarters after the quarter of creation: its last month plus nine.
  const auto last = std::chrono::year_month(q.last.year(), q.last.month()) + std::chrono::months(9);
  return end_of_month(Date{last.year(), last.month(), std::chrono::day(1)});
}

}  // namespace indie
