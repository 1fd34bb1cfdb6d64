#pragma once
/// Reading a supplier's e-invoice file: a Factur-X (or ZUGFeRD 2) PDF, whose XML the PDF module
/// takes out with qpdf, or a CII or UBL 2.1 XML file, whose business terms the XML module reads
/// with libxml2 (no network, no DTD, no entity expansion). Only the terms come back; the core
/// (read_bill, check_bill) makes them values and checks them.
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/bill.hpp"

namespace indie {

/// The largest XML indie reads as an e-invoice, and the largest PDF it opens to find one.
/// A real invoice's XML is tens of kilobytes; the caps keep a hostile file from filling memory.
constexpr std::size_t kMaxEinvoiceXml = 16u * 1024 * 1024;
constexpr std::size_t kMaxEinvoicePdf = 64u * 1024 * 1024;

struct EinvoiceFile {
  std::string xml;  ///< the XML itself (from the PDF when it was one)
  bool from_pdf = false;
  std::vector<EinvoiceField> fields;
};

/// Reads `bytes` (a PDF or an XML file; `source` names it in errors). Throws invalid_input with
/// the line and column for XML that is not well formed, a DTD, a root that is neither CII nor
/// UBL, a PDF without factur-x.xml, a file over the caps.
EinvoiceFile read_einvoice(std::string_view bytes, std::string_view source);

}  // namespace indie
