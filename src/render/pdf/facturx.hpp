#pragma once
// Inside the PDF module: a PDF that cairo wrote, made a Factur-X file (PDF/A-3b with the CII
// inside) by qpdf.
#include <string>

namespace indie {

struct FacturxMeta {
  std::string xml;            ///< the CII (factur-x.xml)
  std::string title, author;  ///< as the info dictionary and the XMP say them
  std::string subject;        ///< the info's /Subject and the XMP's dc:description
  std::string created;        ///< ISO 8601 UTC, e.g. 2026-11-21T10:00:00Z
  std::string creator = "indie";
};

std::string make_facturx(const std::string& pdf, const FacturxMeta& meta);

}  // namespace indie
