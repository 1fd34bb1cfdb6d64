// indie::render_pdf, through the PDF module. pango, cairo, harfbuzz, glib, fontconfig and
// freetype are forty shared libraries; resolving their symbols was three quarters of the start
// of every command (issue 19). They now live in indie-pdf.so, beside the binary in the build
// tree and in <libdir>/indie once installed, loaded the first time a PDF is rendered.
#include <string>

#include "indie/core/error.hpp"
#include "indie/render/pdf.hpp"
#include "module_loader.hpp"
#include "pdf_module_abi.h"

namespace indie {
namespace {

constexpr const char* kPdfModuleName = "indie-pdf.so";

struct PdfModule {
  IndiePdfRender render = nullptr;
  IndiePdfRender chart = nullptr;
  IndiePdfRender attachment = nullptr;
  IndiePdfFree free = nullptr;
};

const PdfModule& pdf_module() {
  static const PdfModule loaded = [] {
    void* handle = load_module(kPdfModuleName, "PDF output", "render to html, md or txt");
    PdfModule m;
    m.render =
        reinterpret_cast<IndiePdfRender>(module_symbol(handle, kPdfModuleName, INDIE_PDF_ENTRY));
    m.free = reinterpret_cast<IndiePdfFree>(module_symbol(handle, kPdfModuleName, INDIE_PDF_FREE));
    m.chart =
        reinterpret_cast<IndiePdfRender>(module_symbol(handle, kPdfModuleName, INDIE_CHART_ENTRY));
    m.attachment = reinterpret_cast<IndiePdfRender>(
        module_symbol(handle, kPdfModuleName, INDIE_PDF_ATTACHMENT));
    return m;
  }();
  return loaded;
}

// Calls one of the module's entries and hands back its bytes, or throws its error: an indie
// error as itself, anything else as an internal error, reported as such by main.
std::string call(IndiePdfRender entry, const IndiePdfRequest& request, int* pages,
                 const char* failed) {
  const PdfModule& m = pdf_module();
  IndiePdfResult result;
  const int rc = entry(&request, &result);
  std::string bytes, message;
  const int kind = result.error_kind;
  if (rc == 0) {
    bytes.assign(result.bytes, result.size);
    if (pages != nullptr) *pages = result.pages;
  } else {
    message = result.message != nullptr ? result.message : failed;
  }
  m.free(&result);
  if (rc == 0) return bytes;
  if (kind >= 0 && kind <= static_cast<int>(ErrorKind::usage))
    throw Error(static_cast<ErrorKind>(kind), message);
  throw std::runtime_error(message);
}

}  // namespace

PdfDocument render_pdf(const nlohmann::ordered_json& doc, const PdfOptions& options) {
  const std::string json = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const IndiePdfRequest request{json.data(), json.size(), options.logo.c_str(),
                                options.created_at.c_str(), options.creator.c_str()};
  PdfDocument pdf;
  pdf.bytes = call(pdf_module().render, request, &pdf.pages, "the PDF module failed");
  return pdf;
}

std::string render_chart(const nlohmann::ordered_json& chart, const std::string& format) {
  const std::string json = chart.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const IndiePdfRequest request{json.data(), json.size(), "", "", format.c_str()};
  return call(pdf_module().chart, request, nullptr, "the chart could not be drawn");
}

std::string pdf_attachment(const std::string& pdf, std::size_t limit) {
  IndiePdfRequest request{pdf.data(), pdf.size(), "", "", ""};
  request.limit = limit;
  return call(pdf_module().attachment, request, nullptr, "the PDF could not be read");
}

}  // namespace indie
