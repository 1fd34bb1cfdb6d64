#pragma once
// Inside the XML module: what its readers share, a safe parse and the C result.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <string>

#include "xml_module_abi.h"

namespace indie::xml {

/// A copy malloc'd for the result (freed by indie_xml_free_v1).
char* copy(const std::string& s);

/// Fills the result's error and returns 1.
int fail(IndieXmlResult* r, const std::string& what, long line, long column = 0);

/// Parses without network access, entity substitution, DTD loading or messages on stderr; a
/// document that declares a DTD is refused (`why_no_dtd` says why the format never has one).
/// Returns nullptr after filling the result's error.
xmlDocPtr parse(const char* xml, std::size_t size, const char* name, const char* why_no_dtd,
                IndieXmlResult* r);

/// xmlNode::line stops at 65535; with XML_PARSE_BIG_LINES, xmlGetLineNo goes beyond (the ECB's
/// history file has 200,000 lines).
inline long line_of(const xmlNode* n) { return xmlGetLineNo(n); }

}  // namespace indie::xml
