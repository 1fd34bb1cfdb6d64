#include "invoice_common.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "indie/currency.hpp"
#include "indie/error.hpp"
#include "indie/text.hpp"

namespace indie::cli {

using nlohmann::ordered_json;

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

std::string seller_snapshot(const BusinessProfile& s) {
  ordered_json j = {{"name", seller_display_name(s)}, {"legal_form", to_string(s.legal_form)}, {"address", s.address},
                    {"country", s.country}, {"siren", s.siren}, {"siret", s.siret}, {"vat_number", s.vat_number},
                    {"vat_regime", to_string(s.vat_regime)}, {"share_capital", s.share_capital},
                    {"rcs_city", s.rcs_city}, {"email", s.email}, {"phone", s.phone}, {"iban", s.iban}, {"bic", s.bic}};
  return j.dump();
}

std::string buyer_snapshot(const Client& c) {
  ordered_json j = {{"handle", c.handle}, {"name", c.legal_name.empty() ? c.name : c.legal_name},
                    {"display_name", c.name}, {"address", c.address}, {"country", c.country}, {"email", c.email},
                    {"siren", c.siren}, {"vat_number", c.vat_number}, {"vat_treatment", to_string(c.vat_treatment)}};
  return j.dump();
}

LegalFacts facts_of(const Invoice& inv, const std::vector<InvoiceLine>& lines, const InvoiceTotals& t, VatCategory category,
                    const Client& client) {
  LegalFacts f;
  f.kind = inv.kind;
  f.category = category;
  f.currency = &inv.cur();
  f.net = t.net;
  f.lines = lines.size();
  for (const auto& l : lines)
    if (std::find(f.vat_rates.begin(), f.vat_rates.end(), l.vat_rate) == f.vat_rates.end()) f.vat_rates.push_back(l.vat_rate);
  f.payment_terms = client.payment_terms;
  f.eur_rate = inv.eur_rate;
  return f;
}

}  // namespace indie::cli
