// Inside the PDF module: the e-invoice a supplier's Factur-X (or ZUGFeRD, or Order-X) PDF
// carries, read with qpdf (issue 16, "supplier e-invoices, read in").
#include "attachment.hpp"

#include <fmt/format.h>

#include <array>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <stdexcept>

#include "indie/core/error.hpp"

namespace indie {
namespace {

// The names the Factur-X 1.0 and ZUGFeRD 2.x specifications give the XML, first the current
// one; ZUGFeRD 1.0 and XRechnung used the others.
constexpr std::array<const char*, 4> kInvoiceNames = {"factur-x.xml", "zugferd-invoice.xml",
                                                      "xrechnung.xml", "ZUGFeRD-invoice.xml"};

struct TooLarge : std::runtime_error {
  TooLarge() : std::runtime_error("too large") {}
};

// Collects a stream's decoded bytes, and stops at `cap`: a few hundred compressed bytes can
// inflate to gigabytes (a "zip bomb"), and qpdf would decode them all.
class CappedBuffer : public Pipeline {
 public:
  CappedBuffer(std::string& out, std::size_t cap)
      : Pipeline("indie capped buffer", nullptr), out_(out), cap_(cap) {}
  void write(unsigned char const* data, size_t len) override {
    if (out_.size() + len > cap_) throw TooLarge();
    out_.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}

 private:
  std::string& out_;
  std::size_t cap_;
};

std::string find_einvoice(const std::string& pdf_bytes, std::size_t cap) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  try {
    pdf.processMemoryFile("PDF", pdf_bytes.data(), pdf_bytes.size());
  } catch (const std::exception& e) {
    throw invalid_input(fmt::format("not a PDF file qpdf can read ({})", e.what()));
  }
  QPDFEmbeddedFileDocumentHelper files(pdf);
  if (!files.hasEmbeddedFiles())
    throw invalid_input(
        "this PDF carries no e-invoice (no file is attached to it): it is a plain PDF; ask the "
        "supplier for its Factur-X file or its XML (CII or UBL), or record the expense with "
        "indie account tx add");
  std::shared_ptr<QPDFFileSpecObjectHelper> spec;
  for (const char* name : kInvoiceNames) {
    // The name tree's key, then the file name, as writers disagree on which they set.
    spec = files.getEmbeddedFile(name);
    if (spec) break;
    for (const auto& [key, candidate] : files.getEmbeddedFiles())
      if (candidate->getFilename() == name) spec = candidate;
    if (spec) break;
  }
  if (!spec) {
    std::string names;
    for (const auto& [key, candidate] : files.getEmbeddedFiles())
      names += (names.empty() ? "" : ", ") + candidate->getFilename();
    throw invalid_input(
        fmt::format("this PDF has attachments ({}) but no factur-x.xml, zugferd-invoice.xml or "
                    "xrechnung.xml: it is not a Factur-X file; ask the supplier for its XML",
                    names));
  }
  QPDFObjectHandle stream = spec->getEmbeddedFileStream();
  if (!stream.isStream()) throw invalid_input("the PDF's factur-x.xml attachment has no content");
  std::string xml;
  CappedBuffer sink(xml, cap);
  try {
    if (!stream.pipeStreamData(&sink, nullptr, 0, qpdf_dl_generalized, true))
      throw invalid_input("the PDF's factur-x.xml attachment cannot be decoded");
  } catch (const TooLarge&) {
    throw invalid_input(fmt::format(
        "the PDF's factur-x.xml attachment is larger than {} MB once decoded; indie reads no "
        "e-invoice that large",
        cap / (1024 * 1024)));
  }
  return xml;
}

}  // namespace

std::string embedded_einvoice(const std::string& pdf_bytes, std::size_t cap) {
  try {
    return find_einvoice(pdf_bytes, cap);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    // qpdf reads lazily: a damaged object may surface at any step, not only on opening.
    throw invalid_input(
        fmt::format("the PDF is damaged ({}); ask the supplier for the file again", e.what()));
  }
}

}  // namespace indie
