#pragma once
// The document an invoice is issued as (issue 14.1): rendered once, in the issuing transaction,
// and kept; `invoice render` gives those bytes back and `invoice verify` compares a file to them.
#include "context.hpp"
#include "indie/render/invoice_document.hpp"
#include "indie/render/pdf.hpp"
#include "indie/store/invoice_repo.hpp"

namespace indie::cli {

/// What an issued invoice prints: its frozen seller, client and mentions, whatever changed since.
DocumentInput frozen_document_input(InvoiceRepo& repo, const Invoice& issued, const Config& config);

/// How an invoice's PDF is made today: the configured logo, the clock, indie as its creator.
PdfOptions invoice_pdf_options(Context& ctx);

/// The PDF of `in` (an invoice being issued), with the configured logo and today's clock, and its
/// SHA-256: what InvoiceRepo::update keeps with the invoice.
IssuedDocument issued_pdf(Context& ctx, const DocumentInput& in);

}  // namespace indie::cli
