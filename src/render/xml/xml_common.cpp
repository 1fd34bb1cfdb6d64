#include "xml_common.hpp"

#include <climits>
#include <cstdlib>
#include <cstring>

namespace indie::xml {

char* copy(const std::string& s) {
  auto* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out != nullptr) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

int fail(IndieXmlResult* r, const std::string& what, long line, long column) {
  r->message = copy(what);
  r->line = line;
  r->column = column;
  return 1;
}

xmlDocPtr parse(const char* xml, std::size_t size, const char* name, const char* why_no_dtd,
                IndieXmlResult* r) {
  if (size > static_cast<std::size_t>(INT_MAX)) {
    fail(r, "the file is larger than 2 GB", 0);
    return nullptr;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) {
    fail(r, "out of memory", 0);
    return nullptr;
  }
  // No network, no entity substitution (XML_PARSE_NOENT is not given), no DTD loading, and no
  // messages of libxml2's own on stderr: the error is returned instead. libxml2's own limits
  // (no XML_PARSE_HUGE) cap the depth of nesting and the size of a text node.
  xmlDocPtr doc = xmlCtxtReadMemory(
      ctxt, xml, static_cast<int>(size), name, nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  if (doc == nullptr) {
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    std::string what = e != nullptr && e->message != nullptr ? e->message : "not well-formed XML";
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    // libxml2's limits speak of its own options; say what the file does instead.
    if (what.find("XML_PARSE_HUGE") != std::string::npos)
      what = "the document is nested or sized beyond what any real file is (" +
             what.substr(0, what.find(" use XML_PARSE_HUGE")) + ")";
    fail(r, "not well-formed XML: " + what, e != nullptr ? e->line : 0, e != nullptr ? e->int2 : 0);
    xmlFreeParserCtxt(ctxt);
    return nullptr;
  }
  xmlFreeParserCtxt(ctxt);
  if (doc->intSubset != nullptr) {
    fail(r,
         std::string("the document declares a DTD, which ") + why_no_dtd + "; indie reads no DTD",
         1);
    xmlFreeDoc(doc);
    return nullptr;
  }
  return doc;
}

}  // namespace indie::xml
