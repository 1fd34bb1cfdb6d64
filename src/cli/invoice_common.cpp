#include "invoice_common.hpp"

#include <fmt/format.h>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie::cli {

InvoiceTotals refresh_totals(InvoiceRepo& repo, Invoice& draft) {
  const auto lines = repo.lines(draft.id);
  const InvoiceTotals t = compute_totals(lines, draft.cur());
  draft.period = service_period(lines);
  draft.net_minor = t.net.minor();
  draft.vat_minor = t.vat.minor();
  draft.gross_minor = t.gross.minor();
  repo.update(draft);
  return t;
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
