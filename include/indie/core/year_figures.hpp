#pragma once
/// The figures that change with the year and the law: VAT franchise thresholds, micro-enterprise
/// ceilings, URSSAF contribution rates. indie ships them for the years it knows, each with its
/// source; the config file adds a year or corrects a figure:
///
///   [figures.2027]
///   urssaf_bnc = "26.1"
///   franchise_services_base = "37500"
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "indie/core/clock.hpp"
#include "indie/core/decimal.hpp"

namespace indie {

enum class Figure : std::size_t {
  franchise_services_base,       ///< EUR: VAT franchise, services, previous year (CGI 293 B)
  franchise_services_increased,  ///< EUR: services, current year: VAT due from the day above
  franchise_goods_base,          ///< EUR: goods, food, lodging, previous year
  franchise_goods_increased,     ///< EUR: goods, current year
  micro_services_ceiling,        ///< EUR: micro-BNC / micro-BIC services (CGI 50-0, 102 ter)
  micro_sales_ceiling,           ///< EUR: micro-BIC sales and lodging
  urssaf_bic_sales,              ///< percent of receipts: social contributions
  urssaf_bic_services,
  urssaf_bnc,
  cfp_bic_sales,  ///< percent: contribution to vocational training (CFP)
  cfp_bic_services,
  cfp_bnc,
  vl_bic_sales,  ///< percent: income tax paid with the contributions (versement libératoire)
  vl_bic_services,
  vl_bnc,
  count_
};

struct FigureInfo {
  Figure figure;
  std::string_view name;  ///< as the config file writes it
  bool euros;             ///< an amount in EUR; else a percentage
  std::string_view help;
};
std::span<const FigureInfo> figure_infos();
/// The figure named `name` in the config file; throws not_found with a suggestion.
const FigureInfo& figure_info(std::string_view name);
const FigureInfo& figure_info(Figure f);

/// Figures from the config file: year -> name -> value (checked when the file is read).
using FigureOverrides = std::map<int, std::map<std::string, Decimal, std::less<>>>;

/// Checks a value of the config's [figures.YEAR] table: a known name and a number >= 0 (a
/// percentage at most 100). Throws invalid_input or not_found.
Decimal check_figure(std::string_view name, std::string_view value);

class YearFigures {
 public:
  YearFigures(int year, const FigureOverrides& overrides);
  int year() const { return year_; }
  std::optional<Decimal> find(Figure f) const;
  /// The figure; throws not_found naming the missing entry and the lines that add it.
  Decimal get(Figure f) const;
  /// An amount figure in EUR minor units (cents).
  std::int64_t cents(Figure f) const;
  /// Where the value comes from: the config file, or the shipped table's source.
  std::string source(Figure f) const;
  /// The years indie ships figures for, first and last.
  static std::pair<int, int> shipped_years();

 private:
  int year_;
  const FigureOverrides* overrides_;
};

/// The ACRE's cut of a micro-entrepreneur's social contributions, by the date the business was
/// created: 50 % before 1 July 2026, 25 % from then on (décret n° 2026-69 of 6 February 2026).
Decimal acre_reduction(Date business_start);
/// The last day the ACRE applies to a micro-entrepreneur who started on `start`: the end of the
/// third calendar quarter after the quarter of creation (URSSAF, "L'Acre pour les
/// micro-entrepreneurs").
Date acre_last_day(Date start);

}  // namespace indie
