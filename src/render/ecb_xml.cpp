#include "indie/render/ecb_xml.hpp"

#include <fmt/format.h>

#include <string>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "xml_module.hpp"

namespace indie {

bool looks_like_xml(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

std::size_t read_ecb_xml(std::string_view text, std::string_view source,
                         const std::function<void(const EcbRate&)>& fn) {
  const std::string rows = run_xml_reader(&XmlModule::ecb, text, source);
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
