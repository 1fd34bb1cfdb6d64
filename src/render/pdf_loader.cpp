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
    return m;
  }();
  return loaded;
}

}  // namespace

PdfDocument render_pdf(const nlohmann::ordered_json& doc, const PdfOptions& options) {
  const PdfModule& m = pdf_module();
  const std::string json = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const IndiePdfRequest request{json.data(), json.size(), options.logo.c_str(),
                                options.created_at.c_str(), options.creator.c_str()};
  IndiePdfResult result;
  const int rc = m.render(&request, &result);
  PdfDocument pdf;
  std::string message;
  int kind = result.error_kind;
  if (rc == 0) {
    pdf.bytes.assign(result.bytes, result.size);
    pdf.pages = result.pages;
  } else {
    message = result.message != nullptr ? result.message : "the PDF module failed";
  }
  m.free(&result);
  if (rc == 0) return pdf;
  if (kind >= 0 && kind <= static_cast<int>(ErrorKind::usage))
    throw Error(static_cast<ErrorKind>(kind), message);
  throw std::runtime_error(message);  // an internal error, reported as such by main
}

std::string render_chart(const nlohmann::ordered_json& chart, const std::string& format) {
  const PdfModule& m = pdf_module();
  const std::string json = chart.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const IndiePdfRequest request{json.data(), json.size(), "", "", format.c_str()};
  IndiePdfResult result;
  const int rc = m.chart(&request, &result);
  std::string bytes, message;
  const int kind = result.error_kind;
  if (rc == 0)
    bytes.assign(result.bytes, result.size);
  else
    message = result.message != nullptr ? result.message : "the chart could not be drawn";
  m.free(&result);
  if (rc == 0) return bytes;
  if (kind >= 0 && kind <= static_cast<int>(ErrorKind::usage))
    throw Error(static_cast<ErrorKind>(kind), message);
  throw std::runtime_error(message);
}

}  // namespace indie
