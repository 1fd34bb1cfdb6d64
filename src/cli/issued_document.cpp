#include "issued_document.hpp"

#include <fmt/format.h>

#include "indie/core/digest.hpp"
#include "indie/core/error.hpp"
#include "indie/render/cii.hpp"
#include "indie/render/pdf.hpp"

namespace indie::cli {

using nlohmann::ordered_json;

DocumentInput frozen_document_input(InvoiceRepo& repo, const Invoice& inv, const Config& config) {
  auto lines = repo.lines(inv.id);
  InvoiceTotals totals = compute_totals(lines, inv.cur());
  DocumentInput in{.invoice = inv, .lines = std::move(lines), .totals = std::move(totals)};
  if (inv.credited_id) in.original = repo.find(*inv.credited_id);
  in.seller = inv.seller.empty() ? ordered_json::object() : ordered_json::parse(inv.seller);
  in.client = inv.buyer.empty() ? ordered_json::object() : ordered_json::parse(inv.buyer);
  in.mentions = inv.mentions;
  in.has_logo = !config.business.logo.empty();
  return in;
}

PdfOptions invoice_pdf_options(Context& ctx) {
  PdfOptions options;
  options.logo = ctx.config_relative_path(ctx.config().business.logo);
  options.created_at = ctx.now_iso();
  options.creator = "indie " INDIE_VERSION;
  return options;
}

IssuedDocument issued_pdf(Context& ctx, const DocumentInput& in) {
  const PdfOptions options = invoice_pdf_options(ctx);
  IssuedDocument doc;
  // invoice.einvoice = facturx (or auto, for a French business client): the document issued is
  // the Factur-X file, the PDF with its CII.
  const bool facturx = einvoice_for(ctx.config().invoice.einvoice,
                                    in.client.value("vat_treatment", "domestic")) == "facturx";
  doc.format = facturx ? "facturx" : "pdf";
  try {
    auto model = invoice_document(in);
    if (facturx) model["facturx"] = {{"xml", cii_invoice(in)}};
    doc.bytes = render_pdf(model, options).bytes;
  } catch (const Error& e) {
    const std::string what = in.invoice.kind == InvoiceKind::credit_note
                                 ? std::string("the credit note")
                                 : fmt::format("draft {}", in.invoice.id);
    throw Error(e.kind(), fmt::format("{} cannot be issued without its PDF, which indie keeps as "
                                      "the document issued: {}",
                                      what, e.what()));
  }
  doc.sha256 = sha256_hex(doc.bytes);
  doc.created_at = options.created_at;
  return doc;
}

}  // namespace indie::cli
