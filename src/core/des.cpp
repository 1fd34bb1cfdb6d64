#include "indie/core/des.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "indie/core/error.hpp"
#include "indie/core/rounding.hpp"
#include "indie/core/text.hpp"

namespace indie {

DesDeclaration build_des(const Period& month, const std::vector<DesDocument>& documents) {
  DesDeclaration d;
  d.month = month;
  std::vector<DesLine> lines;
  for (const auto& doc : documents) {
    if (doc.vat_number.empty())
      throw invalid_input(fmt::format(
          "{} is billed under reverse charge to {}, who has no VAT number: the DES lists clients "
          "by VAT number (indie client edit --vat-number; the invoice keeps what it was issued "
          "with)",
          doc.number, doc.client));
    auto it = std::find_if(lines.begin(), lines.end(),
                           [&](const DesLine& l) { return l.vat_number == doc.vat_number; });
    if (it == lines.end()) {
      lines.push_back({0, doc.vat_number, doc.country, doc.client, {}, 0, 0});
      it = std::prev(lines.end());
    }
    it->documents.push_back(doc.number);
    it->cents += doc.services_cents;
  }
  for (auto& l : lines) {
    l.euros =
        static_cast<std::int64_t>(divide_rounded(l.cents, 100, RoundingRule::half_away_from_zero));
    if (l.euros == 0) {
      d.left_out.push_back(std::move(l));
      continue;
    }
    l.position = static_cast<int>(d.lines.size()) + 1;
    d.total_euros += l.euros;
    d.lines.push_back(std::move(l));
  }
  return d;
}

std::string des_xml(const DesDeclaration& des, std::string_view seller_vat, int number) {
  // The schema's pattern for num_tvaFr: FR, two characters, nine digits.
  const bool french = seller_vat.size() == 13 && (seller_vat.substr(0, 2) == "FR") &&
                      seller_vat.substr(4).find_first_not_of("0123456789") == std::string::npos;
  if (!french)
    throw invalid_input(
        "the DES is filed under your French intra-EU VAT number, even under the franchise: "
        "indie config set business.vat_number FR… (ask your tax office, SIE, for one)");
  if (number < 1 || number > 999999)
    throw invalid_input("--number: the declaration's number is 1 to 999999");
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fichier_des>\n  <declaration_des>\n";
  x += fmt::format("    <num_des>{}</num_des>\n    <num_tvaFr>{}</num_tvaFr>\n", number,
                   xml_escaped(seller_vat));
  x += fmt::format("    <mois_des>{:02}</mois_des>\n    <an_des>{}</an_des>\n",
                   static_cast<unsigned>(des.month.first.month()),
                   static_cast<int>(des.month.first.year()));
  for (const auto& l : des.lines)
    x += fmt::format(
        "    <ligne_des>\n      <numlin_des>{}</numlin_des>\n      <valeur>{}</valeur>\n"
        "      <partner_des>{}</partner_des>\n    </ligne_des>\n",
        l.position, l.euros, xml_escaped(l.vat_number));
  x += "  </declaration_des>\n</fichier_des>\n";
  return x;
}

}  // namespace indie
