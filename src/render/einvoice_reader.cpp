#include "indie/render/einvoice_reader.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "indie/render/ecb_xml.hpp"
#include "indie/render/pdf.hpp"
#include "xml_module.hpp"

namespace indie {
namespace {

std::vector<EinvoiceField> fields_of(const std::string& rows) {
  std::vector<EinvoiceField> out;
  for (const auto& row : split(rows, '\n')) {
    if (row.empty()) continue;
    const auto f = split(row, '\t');
    if (f.size() != 4) throw std::runtime_error("the XML module returned a malformed row");
    EinvoiceField field;
    field.line = std::stol(f[0]);
    field.key = f[1];
    field.value = f[2];
    field.attribute = f[3];
    out.push_back(std::move(field));
  }
  return out;
}

std::string megabytes(std::size_t bytes) { return fmt::format("{} MB", bytes / (1024 * 1024)); }

}  // namespace

EinvoiceFile read_einvoice(std::string_view bytes, std::string_view source) {
  EinvoiceFile file;
  if (bytes.starts_with("%PDF-")) {
    if (bytes.size() > kMaxEinvoicePdf)
      throw invalid_input(
          fmt::format("{}: the PDF is larger than {}; indie opens no larger PDF "
                      "to find an e-invoice",
                      source, megabytes(kMaxEinvoicePdf)));
    try {
      file.xml = pdf_attachment(std::string(bytes), kMaxEinvoiceXml);
    } catch (const Error& e) {
      throw Error(e.kind(), fmt::format("{}: {}", source, e.what()));
    }
    file.from_pdf = true;
  } else if (looks_like_xml(bytes)) {
    if (bytes.size() > kMaxEinvoiceXml)
      throw invalid_input(
          fmt::format("{}: the XML is larger than {}; a real e-invoice is far "
                      "smaller",
                      source, megabytes(kMaxEinvoiceXml)));
    file.xml = std::string(bytes);
  } else {
    throw invalid_input(fmt::format(
        "{}: neither a PDF nor an XML file: indie reads a Factur-X PDF, or a CII or UBL XML "
        "file",
        source));
  }
  const std::string name =
      file.from_pdf ? fmt::format("{} (factur-x.xml)", source) : std::string(source);
  file.fields = fields_of(run_xml_reader(&XmlModule::einvoice, file.xml, name));
  return file;
}

}  // namespace indie
