#include "indie/app/invoice_documents.hpp"

#include <fmt/format.h>

#include <map>

#include "indie/core/digest.hpp"
#include "indie/core/error.hpp"
#include "indie/core/invoice_issue.hpp"
#include "indie/render/cii.hpp"
#include "indie/render/pdf.hpp"
#include "indie/store/client_repo.hpp"

namespace indie {

using nlohmann::ordered_json;

ordered_json frozen_party(const Invoice& inv, const std::string& snapshot, std::string_view part) {
  if (snapshot.empty()) return ordered_json::object();
  try {
    ordered_json j = ordered_json::parse(snapshot);
    if (!j.is_object()) throw damaged_invoice(inv, part, "not an object");
    return j;
  } catch (const nlohmann::json::exception& e) {
    throw damaged_invoice(inv, part, e.what());
  }
}

DocumentInput frozen_document_input(InvoiceRepo& repo, const Invoice& inv, const Config& config) {
  auto lines = repo.lines(inv.id);
  InvoiceTotals totals = compute_totals(lines, inv.cur());
  DocumentInput in{.invoice = inv, .lines = std::move(lines), .totals = std::move(totals)};
  if (inv.credited_id) in.original = repo.find(*inv.credited_id);
  in.seller = frozen_party(inv, inv.seller, "its seller");
  in.client = frozen_party(inv, inv.buyer, "its client");
  in.mentions = inv.mentions;
  in.has_logo = !config.business.logo.empty();
  return in;
}

PdfOptions invoice_pdf_options(Session& session) {
  PdfOptions options;
  options.logo = session.config_relative_path(session.config().business.logo);
  options.created_at = session.now_iso();
  options.creator = "indie " INDIE_VERSION;
  return options;
}

IssuedDocument issued_pdf(Session& session, const DocumentInput& in) {
  const PdfOptions options = invoice_pdf_options(session);
  IssuedDocument doc;
  // invoice.einvoice = facturx (or auto, for a French business client): the document issued is
  // the Factur-X file, the PDF with its CII.
  const bool facturx = einvoice_for(session.config().invoice.einvoice,
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

InvoiceTotals refresh_totals(InvoiceRepo& repo, Invoice& draft) {
  const auto lines = repo.lines(draft.id);
  const InvoiceTotals t = compute_totals(lines, draft.cur());
  draft.period = span(service_period(lines), draft.given_period);
  draft.net_minor = t.net.minor();
  draft.vat_minor = t.vat.minor();
  draft.gross_minor = t.gross.minor();
  repo.update(draft);
  return t;
}

void settle_activities(Store& store, const Config& config, std::vector<InvoiceLine>& lines,
                       const std::vector<InvoiceLine>& credited) {
  ProjectRepo& projects = store.projects();
  std::map<std::int64_t, std::optional<Activity>> known;  // a project read once
  settle_activities(
      lines, credited,
      [&](std::int64_t id) {
        auto [it, added] = known.try_emplace(id);
        if (added) it->second = projects.get(std::to_string(id)).activity;
        return it->second;
      },
      config.business.activity);
}

}  // namespace indie
