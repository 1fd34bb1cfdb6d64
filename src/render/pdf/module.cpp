// The PDF module's entry points (src/render/pdf_module_abi.h): the document model in, the PDF
// file out, every error caught here and handed back as data.
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "attachment.hpp"
#include "chart.hpp"
#include "indie/core/error.hpp"
#include "pdf_module_abi.h"
#include "pdf_native.hpp"

namespace {

char* copy_of(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p != nullptr) std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

void fail(IndiePdfResult* out, int kind, const std::string& message) {
  out->error_kind = kind;
  out->message = copy_of(message);
}

// Runs one entry's work and hands its bytes back as data: every error is caught here, as
// nothing may cross the C boundary but plain data.
int respond(IndiePdfResult* out, const std::function<std::string(int& pages)>& work) {
  *out = IndiePdfResult{};
  try {
    int pages = 0;
    const std::string bytes = work(pages);
    out->bytes = static_cast<char*>(std::malloc(bytes.size() + 1));
    if (out->bytes == nullptr) {
      fail(out, 100, "out of memory for the result");
      return 1;
    }
    std::memcpy(out->bytes, bytes.data(), bytes.size());
    out->size = bytes.size();
    out->pages = pages;
    return 0;
  } catch (const indie::Error& e) {
    fail(out, static_cast<int>(e.kind()), e.what());
  } catch (const std::exception& e) {
    fail(out, 100, e.what());
  }
  return 1;
}

nlohmann::ordered_json model_of(const IndiePdfRequest* in) {
  return nlohmann::ordered_json::parse(std::string_view(in->document_json, in->document_size));
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int indie_pdf_render_v1(const IndiePdfRequest* in,
                                                                          IndiePdfResult* out) {
  return respond(out, [in](int& pages) {
    indie::PdfOptions options;
    options.logo = in->logo;
    options.created_at = in->created_at;
    options.creator = in->creator;
    indie::PdfDocument pdf = indie::render_pdf_natively(model_of(in), options);
    pages = pdf.pages;
    return std::move(pdf.bytes);
  });
}

extern "C" __attribute__((visibility("default"))) int indie_chart_render_v1(
    const IndiePdfRequest* in, IndiePdfResult* out) {
  return respond(out, [in](int& pages) {
    pages = 1;
    return indie::render_chart_natively(model_of(in), in->creator);
  });
}

extern "C" __attribute__((visibility("default"))) int indie_pdf_attachment_v1(
    const IndiePdfRequest* in, IndiePdfResult* out) {
  return respond(out, [in](int&) {
    return indie::embedded_einvoice(std::string(in->document_json, in->document_size), in->limit);
  });
}

extern "C" __attribute__((visibility("default"))) void indie_pdf_free_v1(IndiePdfResult* r) {
  std::free(r->bytes);
  std::free(r->message);
  r->bytes = r->message = nullptr;
}
