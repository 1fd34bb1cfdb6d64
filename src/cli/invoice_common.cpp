#include "invoice_common.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie::cli {

InvoiceTotals refresh_totals(InvoiceRepo& repo, Invoice& draft) {
  const auto lines = repo.lines(draft.id);
  const InvoiceTotals t = compute_totals(lines, draft.cur());
  draft.period = span(service_period(lines), draft.given_period);
  draft.net_minor = t.net.minor();
  draft.vat_minor = t.vat.minor();
  draft.gross_minor = t.gross.minor();
  repo.update(draft);
  return t;
}

std::optional<ServicePeriod> given_period_arg(Context& ctx, const std::string& service_date,
                                              const std::string& period) {
  if (!service_date.empty() && !period.empty())
    throw usage_error("give --service-date (one day) or --period (from..to), not both");
  const std::string& text = service_date.empty() ? period : service_date;
  if (text.empty()) return std::nullopt;
  const std::string_view flag = service_date.empty() ? "--period" : "--service-date";
  try {
    const ServicePeriod p = ServicePeriod::parse(text, ctx.today());
    if (!service_date.empty() && p.from != p.to)
      throw invalid_input("one day, such as 2026-11-30 (use --period for a span)");
    return p;
  } catch (const Error& e) {
    throw Error(e.kind(), fmt::format("{}: {}", flag, e.what()));
  }
}

void add_period_options(CLI::App& cmd, std::string& service_date, std::string& period) {
  cmd.add_option("--service-date", service_date,
                 "The day the service was done, for lines without a period of their own");
  cmd.add_option("--period", period,
                 "The service period (2026-11-01..2026-11-30), for lines without one of their own");
}

Money money(std::int64_t minor, const Invoice& invoice) { return Money(minor, invoice.cur()); }

std::string amount_text(const Money& m, bool for_people) {
  return for_people ? m.amount().format(NumberLocale::en) : m.to_string();
}

const Currency& currency_arg(std::string_view code, std::string_view flag) {
  try {
    return currency(code);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

Money amount_arg(std::string_view text, const Currency& cur, std::string_view flag) {
  try {
    return Money::parse(trim(text), cur);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

Date date_or_today(Context& ctx, const std::string& text, std::string_view flag) {
  if (text.empty()) return ctx.today();
  try {
    return parse_date(text, ctx.today());
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

}  // namespace indie::cli
