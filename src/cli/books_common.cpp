#include "books_common.hpp"

#include <fmt/format.h>

#include <map>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/money.hpp"
#include "invoice_common.hpp"

namespace indie::cli {

Span span_args(Context& ctx, const std::string& period, const std::string& year,
               const std::string& from, const std::string& to) {
  const int given = !period.empty() + !year.empty() + (!from.empty() || !to.empty());
  if (given > 1) throw usage_error("give one of --period, --year, or --from/--to");
  Span s;
  if (!period.empty() || !year.empty()) {
    Period p;
    try {
      p = parse_period(period.empty() ? year : period);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("{}: {}", period.empty() ? "--year" : "--period", e.what()));
    }
    if (!year.empty() && p.kind != Period::Kind::year)
      throw invalid_input(fmt::format("--year: '{}' is not a year; write it like 2026", year));
    s.from = p.first;
    s.to = p.last;
    s.label = p.label();
    return s;
  }
  const Date today = ctx.today();
  s.to = to.empty() ? Date{today.year(), std::chrono::December, std::chrono::day(31)}
                    : date_or_today(ctx, to, "--to");
  s.from = from.empty() ? Date{s.to.year(), std::chrono::January, std::chrono::day(1)}
                        : date_or_today(ctx, from, "--from");
  if (s.from > s.to)
    throw usage_error(
        fmt::format("--from {} is after --to {}", format_date(s.from), format_date(s.to)));
  s.label = from.empty() && to.empty() ? std::to_string(static_cast<int>(s.to.year()))
                                       : format_date(s.from) + " to " + format_date(s.to);
  return s;
}

Period declaration_period_arg(const std::string& text, std::string_view flag, Period fallback,
                              std::string_view year_refusal) {
  if (text.empty()) return fallback;
  Period p;
  try {
    p = parse_period(text);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
  if (p.kind == Period::Kind::year)
    throw invalid_input(fmt::format("{}: {}, not a year like '{}'", flag, year_refusal, text));
  return p;
}

int year_arg(Context& ctx, const std::string& text, std::string_view flag) {
  if (text.empty()) return static_cast<int>(ctx.today().year());
  try {
    const Period p = parse_period(text);
    if (p.kind == Period::Kind::year) return static_cast<int>(p.first.year());
  } catch (const Error&) {
  }
  throw invalid_input(fmt::format("{}{}'{}' is not a year; write it like 2026", flag,
                                  flag.empty() ? "" : ": ", text));
}

std::string amount_text_of(std::int64_t minor, const std::string& code, bool for_people) {
  return amount_text(Money(minor, currency(code, true)), for_people);
}

}  // namespace indie::cli
