#include "indie/core/invoice_issue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "indie/core/error.hpp"
#include "indie/core/invoice_number.hpp"

namespace indie {

using nlohmann::ordered_json;

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

std::string series_of(const InvoiceDefaults& defaults, InvoiceKind kind, Date date) {
  std::string s = kind == InvoiceKind::invoice ? "invoice" : "credit-note";
  if (defaults.yearly_reset) s += fmt::format("/{}", static_cast<int>(date.year()));
  return s;
}

void check_issue_order(InvoiceKind kind, Date date, std::optional<Date> last) {
  if (last && date < *last)
    throw invalid_input(fmt::format(
        "the issue date {} is before the last {} of the series ({}); numbers must follow the "
        "order of dates, so issue it on {} or later",
        format_date(date), kind == InvoiceKind::invoice ? "invoice" : "credit note",
        format_date(*last), format_date(*last)));
}

void check_issue_date(InvoiceKind kind, Date date, Date today, bool force) {
  const auto days = (std::chrono::sys_days(date) - std::chrono::sys_days(today)).count();
  if (force || (days >= -kIssueDateWindowDays && days <= kIssueDateWindowDays)) return;
  const char* what = kind == InvoiceKind::invoice ? "an invoice" : "a credit note";
  if (days < 0)
    throw invalid_input(fmt::format(
        "--date {} is {} days before today ({}): {} is dated the day it is issued{}. Leave "
        "--date out to issue it today, or add --force if it really was issued on {}",
        format_date(date), -days, format_date(today), what,
        date.year() != today.year() ? fmt::format(", and this one would open a series for {}",
                                                  static_cast<int>(date.year()))
                                    : "",
        format_date(date)));
  throw invalid_input(
      fmt::format("--date {} is {} days after today ({}): {} cannot be dated in the future, and "
                  "the series could take no other until then. Leave --date out to issue it "
                  "today, or add --force",
                  format_date(date), days, format_date(today), what));
}

std::string number_for(const InvoiceDefaults& defaults, InvoiceKind kind, Date date,
                       std::int64_t seq) {
  const std::string& pattern =
      kind == InvoiceKind::invoice ? defaults.number_pattern : defaults.credit_pattern;
  return format_invoice_number(pattern, static_cast<int>(date.year()),
                               static_cast<unsigned>(date.month()), seq);
}

void settle_activities(std::vector<InvoiceLine>& lines, const std::vector<InvoiceLine>& credited,
                       const std::function<std::optional<Activity>(std::int64_t)>& project_activity,
                       Activity business) {
  // The single activity of the credited lines (at `rate` when given), if they share one.
  const auto shared = [&](const Decimal* rate) {
    std::optional<Activity> a;
    bool first = true;
    for (const auto& c : credited) {
      if (rate != nullptr && c.vat_rate != *rate) continue;
      if (!first && c.activity != a) return std::optional<Activity>();
      a = c.activity;
      first = false;
    }
    return a;
  };
  for (auto& l : lines) {
    if (l.activity) continue;
    if (l.credits_line_id) {
      for (const auto& c : credited)
        if (c.id == *l.credits_line_id) l.activity = c.activity;
    } else if (!credited.empty()) {
      // A credit of an amount is spread over the invoice's VAT rates.
      l.activity = shared(&l.vat_rate);
      if (!l.activity) l.activity = shared(nullptr);
    }
    if (l.activity) continue;
    const std::optional<Activity> project =
        l.project_id ? project_activity(*l.project_id) : std::nullopt;
    l.activity = resolve_activity(std::nullopt, project, business,
                                  fmt::format("line {} ({})", l.position, l.description));
  }
}

std::string seller_snapshot(const BusinessProfile& s) {
  ordered_json j = {{"name", seller_display_name(s)},
                    {"legal_form", to_string(s.legal_form)},
                    {"address", s.address},
                    {"country", s.country},
                    {"siren", s.siren},
                    {"siret", s.siret},
                    {"vat_number", s.vat_number},
                    {"einvoice_address", s.einvoice_address},
                    {"vat_regime", to_string(s.vat_regime)},
                    {"share_capital", s.share_capital},
                    {"rcs_city", s.rcs_city},
                    {"email", s.email},
                    {"phone", s.phone},
                    {"iban", s.iban},
                    {"bic", s.bic}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string buyer_snapshot(const Client& c) {
  ordered_json j = {{"handle", c.handle},
                    {"name", c.legal_name.empty() ? c.name : c.legal_name},
                    {"display_name", c.name},
                    {"address", c.address},
                    {"country", c.country},
                    {"email", c.email},
                    {"siren", c.siren},
                    {"vat_number", c.vat_number},
                    {"vat_treatment", to_string(c.vat_treatment)},
                    {"delivery_address", c.delivery_address},
                    {"einvoice_address", c.einvoice_address}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

LegalFacts facts_of(const Invoice& inv, const std::vector<InvoiceLine>& lines,
                    const InvoiceTotals& t, VatCategory category, const Client& client,
                    const InvoiceDefaults& settings, Date day) {
  LegalFacts f;
  f.kind = inv.kind;
  f.category = category;
  f.currency = &inv.cur();
  f.net = t.net;
  f.lines = lines.size();
  f.draft_id = inv.id;
  f.has_given_period = !inv.given_period.empty();
  for (const auto& l : lines)
    if (l.period.empty()) f.lines_without_period.push_back(l.position);
  for (const auto& l : lines)
    if (std::find(f.vat_rates.begin(), f.vat_rates.end(), l.vat_rate) == f.vat_rates.end())
      f.vat_rates.push_back(l.vat_rate);
  f.payment_terms = client.terms();
  f.day = day;
  f.late_penalty_rate = settings.late_penalty_rate;
  f.early_discount = settings.early_discount;
  f.eur_rate = inv.eur_rate;
  return f;
}

std::string issue_refusal(const Invoice& invoice, const BusinessProfile& seller,
                          const Client& client, const LegalFacts& facts) {
  const auto problems = issue_problems(seller, client, facts);
  if (problems.empty()) return "";
  std::string list;
  for (const auto& p : problems) list += "\n  - " + p;
  return fmt::format("draft {} cannot be issued yet:{}\nNothing was changed.", invoice.id, list);
}

void freeze(Invoice& inv, const InvoiceTotals& t, const Config& config, const Client& client,
            LegalFacts& facts) {
  inv.net_minor = t.net.minor();
  inv.vat_minor = t.vat.minor();
  inv.gross_minor = t.gross.minor();
  if (!inv.eur_rate.empty()) {
    inv.vat_eur_minor = to_eur(t.vat, Decimal::parse(inv.eur_rate)).minor();
    if (!t.vat.is_zero()) facts.vat_eur = Money(*inv.vat_eur_minor, currency("EUR"));
  }
  facts.eur_rate = inv.eur_rate;
  facts.eur_rate_date = inv.eur_rate_date;
  facts.eur_rate_source = inv.eur_rate_source;
  inv.seller = seller_snapshot(config.business);
  inv.buyer = buyer_snapshot(client);
  inv.mentions = legal_mentions(config.business, client, facts);
}

}  // namespace indie
