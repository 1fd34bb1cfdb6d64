#include "invoice_common.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "indie/currency.hpp"
#include "indie/error.hpp"
#include "indie/text.hpp"

namespace indie::cli {

void require_draft(const Invoice& i, std::string_view action) {
  if (!i.issued) return;
  if (i.kind == InvoiceKind::credit_note)
    throw conflict(fmt::format("credit note {} is issued and cannot {}; issued documents never change", *i.number, action));
  throw conflict(fmt::format("{} is issued and cannot {}: issued invoices cannot change; create a credit note: "
                             "indie invoice credit {} --reason \"…\"",
                             *i.number, action, *i.number));
}

VatCategory category_for(const Config& config, const Client& client) {
  return vat_category(config.business.vat_regime, client.vat_treatment);
}

VatCategory parse_category(std::string_view code) {
  if (code == "S") return VatCategory::standard;
  if (code == "AE") return VatCategory::reverse_charge;
  if (code == "O") return VatCategory::outside_scope;
  return VatCategory::franchise;
}

Decimal default_rate(const Config& config, VatCategory category) {
  return category == VatCategory::standard ? config.invoice.vat_rate : Decimal::from_int(0);
}

InvoiceTotals refresh_totals(InvoiceRepo& repo, Invoice& draft) {
  const auto lines = repo.lines(draft.id);
  const InvoiceTotals t = compute_totals(lines, draft.cur());
  // The invoice's service period spans its lines' (CHECKLIST §8.1: the date of the service).
  draft.period = {};
  for (const auto& l : lines) {
    if (l.period.empty()) continue;
    if (draft.period.empty()) {
      draft.period = l.period;
      continue;
    }
    draft.period.from = std::min(*draft.period.from, *l.period.from);
    draft.period.to = std::max(*draft.period.to, *l.period.to);
  }
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
