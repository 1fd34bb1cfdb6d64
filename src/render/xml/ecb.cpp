// indie-xml.so: the ECB's reference rates in XML, read with libxml2 (see xml_module_abi.h).
//
// The files look like this (single-quoted attributes, a default namespace on the Cubes):
//   <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
//                    xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
//     <gesmes:subject>Reference rates</gesmes:subject> …
//     <Cube><Cube time='2024-10-11'><Cube currency='USD' rate='1.0937'/> …
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include "xml_module_abi.h"

namespace {

constexpr const char* kEurofxref = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

char* copy(const std::string& s) {
  auto* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out != nullptr) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

int fail(IndieXmlResult* r, const std::string& what, long line, long column = 0) {
  r->message = copy(what);
  r->line = line;
  r->column = column;
  return 1;
}

bool is_cube(const xmlNode* n) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST "Cube") == 0 &&
         n->ns != nullptr && xmlStrcmp(n->ns->href, BAD_CAST kEurofxref) == 0;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, BAD_CAST name);
  if (v == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

// xmlNode::line stops at 65535; with XML_PARSE_BIG_LINES, xmlGetLineNo goes beyond (the
// history file has 200,000 lines).
long line_of(const xmlNode* n) { return xmlGetLineNo(n); }

// A value that goes into a tab-separated line: no tab or line break may hide in it.
bool plain(const std::string& s) { return s.find_first_of("\t\r\n") == std::string::npos; }

}  // namespace

extern "C" __attribute__((visibility("default"))) int indie_xml_ecb_v1(const char* xml,
                                                                       std::size_t size,
                                                                       IndieXmlResult* r) {
  *r = IndieXmlResult{};
  if (size > static_cast<std::size_t>(INT_MAX)) return fail(r, "the file is larger than 2 GB", 0);
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) return fail(r, "out of memory", 0);
  // No network, no entity substitution (XML_PARSE_NOENT is not given), no DTD loading, and no
  // messages of libxml2's own on stderr: the error is returned instead.
  xmlDocPtr doc = xmlCtxtReadMemory(
      ctxt, xml, static_cast<int>(size), "ecb.xml", nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  if (doc == nullptr) {
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    std::string what = e != nullptr && e->message != nullptr ? e->message : "not well-formed XML";
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    const int rc = fail(r, "not well-formed XML: " + what, e != nullptr ? e->line : 0,
                        e != nullptr ? e->int2 : 0);
    xmlFreeParserCtxt(ctxt);
    return rc;
  }
  std::string out;
  int rc = 0;
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (doc->intSubset != nullptr) {
    rc = fail(r, "the document declares a DTD, which the ECB's files never do; indie reads no DTD",
              1);
  } else if (root == nullptr || xmlStrcmp(root->name, BAD_CAST "Envelope") != 0) {
    rc = fail(r,
              "not the ECB's reference-rate XML: the root element is not gesmes:Envelope "
              "(download eurofxref-hist.xml or eurofxref-daily.xml from the ECB)",
              root != nullptr ? line_of(root) : 1);
  } else {
    std::size_t days = 0;
    // Envelope > Cube > Cube time='…' > Cube currency='…' rate='…'
    for (const xmlNode* outer = root->children; outer != nullptr && rc == 0; outer = outer->next) {
      if (!is_cube(outer)) continue;
      for (const xmlNode* day = outer->children; day != nullptr && rc == 0; day = day->next) {
        if (!is_cube(day)) continue;
        const std::string time = attribute(day, "time");
        if (time.empty() || !plain(time)) {
          rc = fail(r, "a day's Cube has no time='YYYY-MM-DD' attribute", line_of(day));
          break;
        }
        ++days;
        for (const xmlNode* c = day->children; c != nullptr; c = c->next) {
          if (!is_cube(c)) continue;
          const std::string currency = attribute(c, "currency"), rate = attribute(c, "rate");
          if (currency.empty() || rate.empty() || !plain(currency) || !plain(rate)) {
            rc = fail(r, "a rate's Cube needs currency='…' and rate='…'", line_of(c));
            break;
          }
          out += std::to_string(line_of(c)) + '\t' + time + '\t' + currency + '\t' + rate + '\n';
        }
      }
    }
    if (rc == 0 && days == 0)
      rc = fail(r, "no day of rates: no <Cube time='…'> inside <Cube> in the ECB's namespace",
                line_of(root));
  }
  xmlFreeDoc(doc);
  xmlFreeParserCtxt(ctxt);
  if (rc != 0) return rc;
  r->text = copy(out);
  r->size = out.size();
  return 0;
}

extern "C" __attribute__((visibility("default"))) void indie_xml_free_v1(IndieXmlResult* r) {
  std::free(r->text);
  std::free(r->message);
  *r = IndieXmlResult{};
}
