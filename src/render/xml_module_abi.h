#pragma once
// The boundary between indie and its XML module (indie-xml.so), which alone links libxml2 and,
// through it, ICU: loading them cost every command 3 ms (measured against a bare binary), so
// only the commands that read XML load them. A C interface: plain data, no exception.
#include <cstddef>

extern "C" {

/// Bumped when a field changes; the loader asks for the symbol of its own version.
#define INDIE_XML_ECB "indie_xml_ecb_v1"
#define INDIE_XML_FREE "indie_xml_free_v1"
#define INDIE_XML_EINVOICE "indie_xml_einvoice_v1"

struct IndieXmlResult {
  /// The rates found, one per line: "<line>\t<date>\t<currency>\t<rate>\n", in file order,
  /// malloc'd by the module. The module checks the shape; indie checks the values.
  char* text = nullptr;
  std::size_t size = 0;
  char* message = nullptr;  ///< on failure: what is wrong, malloc'd by the module
  long line = 0, column = 0;  ///< on failure: where, when known (0 otherwise)
};

/// Reads the ECB's euro reference-rate XML (eurofxref-daily.xml, eurofxref-hist.xml): returns 0
/// and fills text, or 1 and fills message, line and column. Never touches the network and never
/// expands entities; a document with a DTD is refused.
using IndieXmlEcb = int (*)(const char* xml, std::size_t size, IndieXmlResult*);
/// Reads an e-invoice, CII or UBL 2.1: returns 0 and fills text with one line per business term
/// found, "<line>\t<key>\t<value>\t<attribute>\n", in document order by group: "syntax" (CII
/// or UBL), the document's terms (BT-1, BT-2 …), then "line", "vat" and "allowance-charge"
/// markers each followed by their group's terms. Or returns 1 and fills message, line, column.
/// Same safety as the ECB reader.
using IndieXmlEinvoice = int (*)(const char* xml, std::size_t size, IndieXmlResult*);
/// Frees what a call allocated.
using IndieXmlFree = void (*)(IndieXmlResult*);
}
