#pragma once
/// Invoice documents as A4 PDF, laid out natively with pango and written by cairo (fonts are
/// embedded as subsets; no browser, no LaTeX).
#include <nlohmann/json.hpp>
#include <string>

namespace indie {

struct PdfOptions {
  std::string logo;        ///< PNG file printed above the seller; empty: none
  std::string created_at;  ///< PDF creation date, ISO 8601 (2026-11-21T10:00:00)
  std::string creator = "indie";
};

/// The document model (invoice_document) as a PDF file, by the PDF module (indie-pdf.so, loaded
/// on first use; a storage error names it when it is missing): the seller (and logo) and the
/// client, the invoice's facts, the lines with a header repeated on every page, VAT and totals,
/// payment details, the legal mentions, "Page N/M" on every page, a DRAFT mark on drafts and,
/// when the model has one, the timesheet as an annex. Throws invalid_input when the logo cannot
/// be read as PNG.
struct PdfDocument {
  std::string bytes;
  int pages = 0;
};
PdfDocument render_pdf(const nlohmann::ordered_json& doc, const PdfOptions& options);

/// The year's chart (indie report year) as "svg" or "png", drawn by the same module with cairo:
/// `chart` holds title, labels {receipts, expenses, cumulative}, months [{label, receipts,
/// expenses, cumulative_net}] in EUR cents, and thresholds [{label, limit}].
std::string render_chart(const nlohmann::ordered_json& chart, const std::string& format);

/// The XML a Factur-X (or ZUGFeRD 2, XRechnung) PDF carries, at most `limit` bytes once decoded,
/// taken out by the same module with qpdf. Throws invalid_input saying what the PDF is instead.
std::string pdf_attachment(const std::string& pdf, std::size_t limit);

}  // namespace indie
