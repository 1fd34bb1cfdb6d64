// indie-xml.so: the ECB's reference rates in XML, read with libxml2 (see xml_module_abi.h).
//
// The files look like this (single-quoted attributes, a default namespace on the Cubes):
//   <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
//                    xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
//     <gesmes:subject>Reference rates</gesmes:subject> …
//     <Cube><Cube time='2024-10-11'><Cube currency='USD' rate='1.0937'/> …
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <string>

#include "xml_common.hpp"
#include "xml_module_abi.h"

namespace {

using indie::xml::fail;
using indie::xml::line_of;

constexpr const char* kEurofxref = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

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

// A value that goes into a tab-separated line: no tab or line break may hide in it.
bool plain(const std::string& s) { return s.find_first_of("\t\r\n") == std::string::npos; }

}  // namespace

extern "C" __attribute__((visibility("default"))) int indie_xml_ecb_v1(const char* xml,
                                                                       std::size_t size,
                                                                       IndieXmlResult* r) {
  *r = IndieXmlResult{};
  xmlDocPtr doc = indie::xml::parse(xml, size, "ecb.xml", "the ECB's files never do", r);
  if (doc == nullptr) return 1;
  std::string out;
  int rc = 0;
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr || xmlStrcmp(root->name, BAD_CAST "Envelope") != 0) {
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
  if (rc != 0) return rc;
  r->text = indie::xml::copy(out);
  r->size = out.size();
  return 0;
}

extern "C" __attribute__((visibility("default"))) void indie_xml_free_v1(IndieXmlResult* r) {
  std::free(r->text);
  std::free(r->message);
  *r = IndieXmlResult{};
}
