#pragma once
// What the invoice (and other money) commands share: finding an invoice as users name it,
// refusing changes to issued ones with the way out, the VAT category of a client, a draft's
// totals, and amounts, currencies and dates as typed on the command line.
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "indie/client_repo.hpp"
#include "indie/invoice_repo.hpp"
#include "indie/legal.hpp"

namespace indie::cli {

/// Refuses changing an issued invoice: "F2026-0007 is issued and cannot change; …credit…".
void require_draft(const Invoice& invoice, std::string_view action);
/// The VAT category of invoices to `client` under the current business profile.
VatCategory category_for(const Config& config, const Client& client);
VatCategory parse_category(std::string_view code);
/// The VAT rate a new line gets: the configured rate when VAT is charged, else 0.
Decimal default_rate(const Config& config, VatCategory category);
/// Recomputes and saves a draft's totals from its lines.
InvoiceTotals refresh_totals(InvoiceRepo& repo, Invoice& draft);
/// The invoice's amounts as Money.
Money money(std::int64_t minor, const Invoice& invoice);
/// Exact decimal text for machines, grouped text for people.
std::string amount_text(const Money& m, bool for_people);
/// A currency code given for `flag` (any case); invalid_input "FLAG: unknown currency …".
const Currency& currency_arg(std::string_view code, std::string_view flag);
/// An amount of `cur` given for `flag`, with at most its decimals; invalid_input "FLAG: …".
Money amount_arg(std::string_view text, const Currency& cur, std::string_view flag);
/// The seller and the client as frozen on an invoice at issue (JSON text).
std::string seller_snapshot(const BusinessProfile& seller);
std::string buyer_snapshot(const Client& client);
/// What the legal checks and mentions need to know about an invoice.
LegalFacts facts_of(const Invoice& inv, const std::vector<InvoiceLine>& lines, const InvoiceTotals& totals,
                    VatCategory category, const Client& client);
/// A date given on the command line, or today.
Date date_or_today(Context& ctx, const std::string& text, std::string_view flag);

}  // namespace indie::cli
