#pragma once
/// The document an invoice is issued as (issue 14.1): rendered once, in the issuing transaction,
/// and kept; `invoice render` gives those bytes back and `invoice verify` compares a file to them.
#include <string>
#include <vector>

#include "indie/app/session.hpp"
#include "indie/render/invoice_document.hpp"
#include "indie/render/pdf.hpp"
#include "indie/store/invoice_repo.hpp"

namespace indie {

/// A party (`part`: "its seller", "its client") as frozen on `inv` at issue; a snapshot that
/// cannot be read is the damaged-invoice error, never an internal one.
nlohmann::ordered_json frozen_party(const Invoice& inv, const std::string& snapshot,
                                    std::string_view part);

/// What an issued invoice prints: its frozen seller, client and mentions, whatever changed since.
DocumentInput frozen_document_input(InvoiceRepo& repo, const Invoice& issued, const Config& config);

/// How an invoice's PDF is made today: the configured logo, the clock, indie as its creator.
PdfOptions invoice_pdf_options(Session& session);

/// The PDF of `in` (an invoice being issued), with the configured logo and today's clock, and its
/// SHA-256: what InvoiceRepo::update keeps with the invoice.
IssuedDocument issued_pdf(Session& session, const DocumentInput& in);

/// Recomputes and saves a draft's totals from its lines.
InvoiceTotals refresh_totals(InvoiceRepo& repo, Invoice& draft);

/// indie::settle_activities (invoice_issue.hpp) with the projects' activities from the store
/// and business.activity.
void settle_activities(Store& store, const Config& config, std::vector<InvoiceLine>& lines,
                       const std::vector<InvoiceLine>& credited);

}  // namespace indie
