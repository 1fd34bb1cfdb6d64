#pragma once
// Inside the PDF module: the renderer itself, which indie reaches through the loader
// (src/render/pdf_loader.cpp) as indie::render_pdf.
#include <nlohmann/json.hpp>

#include "indie/render/pdf.hpp"

namespace indie {
PdfDocument render_pdf_natively(const nlohmann::ordered_json& doc, const PdfOptions& options);
}
