#pragma once
/// Issuing an invoice or a credit note, as values: which series it is numbered in, the number
/// it gets, the order of dates, and what is frozen at issue (totals, EUR VAT, the seller and
/// client as they were, the legal mentions). The store allocates the sequence number inside
/// the issuing transaction; everything else is decided here.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/client.hpp"
#include "indie/core/invoice.hpp"
#include "indie/core/legal.hpp"
#include "indie/core/settings.hpp"

namespace indie {

/// The VAT category of invoices to `client` under `config`'s business profile.
VatCategory category_for(const Config& config, const Client& client);
/// The category of a stored code (S, E, AE, O).
VatCategory parse_category(std::string_view code);
/// The VAT rate a new line gets: the configured rate when VAT is charged, else 0.
Decimal default_rate(const Config& config, VatCategory category);

/// The series a document of `kind` issued on `date` is numbered in. Credit notes have their
/// own; with the yearly reset each year is a series and numbering starts again at 1.
std::string series_of(const InvoiceDefaults& defaults, InvoiceKind kind, Date date);
/// Numbers follow the order of dates within a series (CHECKLIST §8.1): throws invalid_input
/// when `date` is before the series' last issue date.
void check_issue_order(InvoiceKind kind, Date date, std::optional<Date> last_in_series);
/// How far from today an issue date may be without --force: an invoice is dated the day it is
/// issued; a week either way covers the end of a month and a late evening. Further, a typing
/// slip would open another year's series (2025-12-31) or block issuing until a future date.
inline constexpr int kIssueDateWindowDays = 7;
/// Throws invalid_input, saying why and what to do, when `date` is more than
/// kIssueDateWindowDays from `today` and `force` is not set.
void check_issue_date(InvoiceKind kind, Date date, Date today, bool force);
/// The number of the `seq`th document of its series, from the configured pattern.
std::string number_for(const InvoiceDefaults& defaults, InvoiceKind kind, Date date,
                       std::int64_t seq);

/// The seller and the client as frozen on an invoice at issue (JSON text).
/// Gives each line of an invoice being issued its activity, as the books will count it: its
/// own; else the line it credits (in `credited`, the corrected invoice's lines); for a credit of
/// an amount, the activity of the invoice's lines at its VAT rate, else the invoice's, when single;
/// else its project's (`project_activity`); else `business`. Throws invalid_input naming the line
/// when that leaves mixed (resolve_activity).
void settle_activities(std::vector<InvoiceLine>& lines, const std::vector<InvoiceLine>& credited,
                       const std::function<std::optional<Activity>(std::int64_t)>& project_activity,
                       Activity business);

std::string seller_snapshot(const BusinessProfile& seller);
std::string buyer_snapshot(const Client& client);

/// What the legal checks and mentions need to know about an invoice issued (or previewed) on
/// `day`, with the invoice settings (penalty rate, early-payment discount).
LegalFacts facts_of(const Invoice& invoice, const std::vector<InvoiceLine>& lines,
                    const InvoiceTotals& totals, VatCategory category, const Client& client,
                    const InvoiceDefaults& settings, Date day);

/// Everything that stops `invoice` from being issued, as one message listing each problem and
/// what to do; empty when it may be issued.
std::string issue_refusal(const Invoice& invoice, const BusinessProfile& seller,
                          const Client& client, const LegalFacts& facts);

/// Freezes what an issued document keeps for good: its totals, its VAT in EUR (a foreign
/// currency, at its frozen rate), the seller and client snapshots and the legal mentions.
/// `facts` receives the EUR figures the mentions print.
void freeze(Invoice& invoice, const InvoiceTotals& totals, const Config& config,
            const Client& client, LegalFacts& facts);

}  // namespace indie
