#pragma once
// What the invoice (and other money) commands share: a draft's totals saved, and amounts,
// currencies and dates as typed on the command line.
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "indie/core/invoice_issue.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/invoice_repo.hpp"

namespace CLI {
class App;
}

namespace indie::cli {

/// Recomputes and saves a draft's totals from its lines.
InvoiceTotals refresh_totals(InvoiceRepo& repo, Invoice& draft);

/// --service-date D and --period A..B, as given (at most one): the invoice's own service period,
/// or nothing when neither is.
std::optional<ServicePeriod> given_period_arg(Context& ctx, const std::string& service_date,
                                              const std::string& period);
/// Adds --service-date and --period to a command.
void add_period_options(CLI::App& cmd, std::string& service_date, std::string& period);
/// The invoice's amounts as Money.
Money money(std::int64_t minor, const Invoice& invoice);
/// Exact decimal text for machines, grouped text for people.
std::string amount_text(const Money& m, bool for_people);
/// A currency code given for `flag` (any case); invalid_input "FLAG: unknown currency …".
const Currency& currency_arg(std::string_view code, std::string_view flag);
/// An amount of `cur` given for `flag`, with at most its decimals; invalid_input "FLAG: …".
Money amount_arg(std::string_view text, const Currency& cur, std::string_view flag);
/// A date given on the command line, or today.
Date date_or_today(Context& ctx, const std::string& text, std::string_view flag);

}  // namespace indie::cli
