// The PDF module's entry points (src/render/pdf_module_abi.h): the document model in, the PDF
// file out, every error caught here and handed back as data.
#include <cstdlib>
#include <cstring>
#include <exception>
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

}  // namespace

extern "C" __attribute__((visibility("default"))) int indie_pdf_render_v1(const IndiePdfRequest* in,
                                                                          IndiePdfResult* out) {
  *out = IndiePdfResult{};
  try {
    const auto doc =
        nlohmann::ordered_json::parse(std::string_view(in->document_json, in->document_size));
    indie::PdfOptions options;
    options.logo = in->logo;
    options.created_at = in->created_at;
    options.creator = in->creator;
    const indie::PdfDocument pdf = indie::render_pdf_natively(doc, options);
    out->bytes = static_cast<char*>(std::malloc(pdf.bytes.size() + 1));
    if (out->bytes == nullptr) {
      fail(out, 100, "out of memory for the PDF file");
      return 1;
    }
    std::memcpy(out->bytes, pdf.bytes.data(), pdf.bytes.size());
    out->size = pdf.bytes.size();
    out->pages = pdf.pages;
    return 0;
  } catch (const indie::Error& e) {
    fail(out, static_cast<int>(e.kind()), e.what());
  } catch (const std::exception& e) {
    fail(out, 100, e.what());
  }
  return 1;
}

extern "C" __attribute__((visibility("default"))) int indie_chart_render_v1(
    const IndiePdfRequest* in, IndiePdfResult* out) {
  *out = IndiePdfResult{};
  try {
    const auto doc =
        nlohmann::ordered_json::parse(std::string_view(in->document_json, in->document_size));
    const std::string image = indie::render_chart_natively(doc, in->creator);
    out->bytes = static_cast<char*>(std::malloc(image.size() + 1));
    if (out->bytes == nullptr) {
      fail(out, 100, "out of memory for the chart");
      return 1;
    }
    std::memcpy(out->bytes, image.data(), image.size());
    out->size = image.size();
    out->pages = 1;
    return 0;
  } catch (const indie::Error& e) {
    fail(out, static_cast<int>(e.kind()), e.what());
  } catch (const std::exception& e) {
    fail(out, 100, e.what());
  }
  return 1;
}

extern "C" __attribute__((visibility("default"))) int indie_pdf_attachment_v1(
    const IndiePdfRequest* in, IndiePdfResult* out) {
  *out = IndiePdfResult{};
  try {
    const std::string xml =
        indie::embedded_einvoice(std::string(in->document_json, in->document_size), in->limit);
    out->bytes = copy_of(xml);
    if (out->bytes == nullptr) {
      fail(out, 100, "out of memory for the attachment");
      return 1;
    }
    out->size = xml.size();
    return 0;
  } catch (const indie::Error& e) {
    fail(out, static_cast<int>(e.kind()), e.what());
  } catch (const std::exception& e) {
    fail(out, 100, e.what());
  }
  return 1;
}

extern "C" __attribute__((visibility("default"))) void indie_pdf_free_v1(IndiePdfResult* r) {
  std::free(r->bytes);
  std::free(r->message);
  r->bytes = r->message = nullptr;
}
