#pragma once
// The boundary between indie and its PDF module (indie-pdf.so), which alone links pango, cairo
// and their libraries, so that only the commands that render a PDF load them (issue 19). A C
// interface: nothing but plain data crosses it, and no exception.
#include <cstddef>

extern "C" {

/// Bumped when a field changes; the loader asks for the symbol of its own version.
#define INDIE_PDF_ENTRY "indie_pdf_render_v1"
#define INDIE_PDF_FREE "indie_pdf_free_v1"

struct IndiePdfRequest {
  const char* document_json;  ///< the invoice document model, as JSON text
  std::size_t document_size;
  const char* logo;        ///< PNG path or ""
  const char* created_at;  ///< ISO 8601
  const char* creator;
  std::size_t limit = 0;  ///< attachment: the largest decoded size accepted, in bytes
};

struct IndiePdfResult {
  char* bytes = nullptr;  ///< the PDF file, malloc'd by the module
  std::size_t size = 0;
  int pages = 0;
  int error_kind = -1;      ///< -1: none; else an indie::ErrorKind; 100: an internal error
  char* message = nullptr;  ///< the error's message, malloc'd by the module
};

/// The year's chart (indie report year): the chart model as JSON in document_json, and its
/// format, "svg" or "png", in creator; bytes is the image. Same result and free as a PDF.
#define INDIE_CHART_ENTRY "indie_chart_render_v1"

/// The e-invoice a Factur-X PDF carries: the PDF in document_json and document_size, the
/// largest XML accepted in limit; bytes is the XML (factur-x.xml). Same result and free.
#define INDIE_PDF_ATTACHMENT "indie_pdf_attachment_v1"

/// Returns 0 and fills bytes and pages, or 1 and fills error_kind and message.
using IndiePdfRender = int (*)(const IndiePdfRequest*, IndiePdfResult*);
/// Frees what a render allocated.
using IndiePdfFree = void (*)(IndiePdfResult*);
}
