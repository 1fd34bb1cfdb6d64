#include "indie/render/ecb_xml.hpp"

#include <fmt/format.h>

#include <string>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "module_loader.hpp"
#include "xml_module_abi.h"

namespace indie {
namespace {

constexpr const char* kXmlModuleName = "indie-xml.so";

struct XmlModule {
  IndieXmlEcb ecb = nullptr;
  IndieXmlFree free = nullptr;
};

const XmlModule& xml_module() {
  static const XmlModule loaded = [] {
    void* handle = load_module(kXmlModuleName, "Reading XML",
                               "import the ECB's CSV files (eurofxref-hist.csv, eurofxref.csv)");
    XmlModule m;
    m.ecb = reinterpret_cast<IndieXmlEcb>(module_symbol(handle, kXmlModuleName, INDIE_XML_ECB));
    m.free = reinterpret_cast<IndieXmlFree>(module_symbol(handle, kXmlModuleName, INDIE_XML_FREE));
    return m;
  }();
  return loaded;
}

}  // namespace

bool looks_like_xml(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

std::size_t read_ecb_xml(std::string_view text, std::string_view source,
                         const std::function<void(const EcbRate&)>& fn) {
  const XmlModule& m = xml_module();
  IndieXmlResult result;
  const int rc = m.ecb(text.data(), text.size(), &result);
  std::string rows, message;
  long line = result.line, column = result.column;
  if (rc == 0)
    rows.assign(result.text, result.size);
  else
    message = result.message != nullptr ? result.message : "the XML module failed";
  m.free(&result);
  if (rc != 0) {
    const std::string where = line <= 0     ? std::string()
                              : column <= 0 ? fmt::format(":{}", line)
                                            : fmt::format(":{}:{}", line, column);
    throw invalid_input(fmt::format("{}{}: {}", source, where, message));
  }
  // The module checked the shape; the values are checked here, as for the CSV files.
  std::size_t days = 0;
  std::string last_date;
  for (const auto& row : split(rows, '\n')) {
    if (row.empty()) continue;
    const auto f = split(row, '\t');
    if (f.size() != 4) throw std::runtime_error("the XML module returned a malformed row");
    const auto fail = [&](const std::string& what) {
      return invalid_input(fmt::format("{}:{}: {}", source, f[0], what));
    };
    Date date;
    try {
      date = parse_date(f[1], Date{});
    } catch (const Error&) {
      throw fail(fmt::format("time='{}' is not a date such as 2024-10-11", f[1]));
    }
    if (f[1] != last_date) ++days, last_date = f[1];
    try {
      currency(f[2], true);
    } catch (const Error& e) {
      throw fail(fmt::format("currency='{}': {}", f[2], e.what()));
    }
    Decimal rate;
    try {
      rate = Decimal::parse(f[3]);
    } catch (const Error&) {
      throw fail(fmt::format("{}: rate='{}' is not a number", f[2], f[3]));
    }
    if (rate.is_negative() || rate.is_zero())
      throw fail(fmt::format("{}: a rate must be more than 0 (got {})", f[2], f[3]));
    fn({currency(f[2], true).code, date, rate});
  }
  return days;
}

}  // namespace indie
