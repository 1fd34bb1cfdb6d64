#include "xml_module.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "module_loader.hpp"

namespace indie {
namespace {

constexpr const char* kXmlModuleName = "indie-xml.so";

}  // namespace

const XmlModule& xml_module() {
  static const XmlModule loaded = [] {
    void* handle = load_module(kXmlModuleName, "Reading XML",
                               "import the ECB's CSV files, record a bill by hand, or issue "
                               "without an e-invoice (indie config set invoice.einvoice none)");
    XmlModule m;
    m.ecb = reinterpret_cast<IndieXmlEcb>(module_symbol(handle, kXmlModuleName, INDIE_XML_ECB));
    m.einvoice = reinterpret_cast<IndieXmlEinvoice>(
        module_symbol(handle, kXmlModuleName, INDIE_XML_EINVOICE));
    m.free = reinterpret_cast<IndieXmlFree>(module_symbol(handle, kXmlModuleName, INDIE_XML_FREE));
    return m;
  }();
  return loaded;
}

std::string run_xml_reader(IndieXmlEcb XmlModule::*pick, std::string_view text,
                           std::string_view source) {
  const XmlModule& m = xml_module();
  IndieXmlResult result;
  const int rc = (m.*pick)(text.data(), text.size(), &result);
  std::string rows, message;
  const long line = result.line, column = result.column;
  if (rc == 0)
    rows.assign(result.text, result.size);
  else
    message = result.message != nullptr ? result.message : "the XML module failed";
  m.free(&result);
  if (rc == 0) return rows;
  const std::string where = line <= 0     ? std::string()
                            : column <= 0 ? fmt::format(":{}", line)
                                          : fmt::format(":{}:{}", line, column);
  throw invalid_input(fmt::format("{}{}: {}", source, where, message));
}

}  // namespace indie
