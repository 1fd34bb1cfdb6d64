#pragma once
/// The déclaration européenne de services (DES, CGI art. 289 B-III; RESEARCH §1.4, CHECKLIST
/// §8.6): each month, the services billed to businesses in other EU countries under reverse
/// charge, by client VAT number, excluding VAT, in whole euros. Due to customs by the 10th
/// working day of the next month, franchise businesses included. The file is the XML the
/// customs' DES service (pro.douane.gouv.fr) imports.
#include <cstdint>
#include <string>
#include <vector>

#include "indie/core/period.hpp"

namespace indie {

/// An invoice or credit note of the month with its services excluding VAT, in EUR cents
/// (negative for a credit note), converted at the invoice's own EUR rate.
struct DesDocument {
  std::string number;
  std::string vat_number, country, client;
  std::int64_t services_cents = 0;
};

struct DesLine {
  int position = 0;
  std::string vat_number, country, client;
  std::vector<std::string> documents;  ///< the invoice and credit note numbers
  std::int64_t cents = 0;
  std::int64_t euros = 0;  ///< what the declaration takes: rounded to the nearest euro
};

struct DesDeclaration {
  Period month;
  std::vector<DesLine> lines;     ///< one per client VAT number, euros != 0
  std::vector<DesLine> left_out;  ///< those that round to 0 euros (the form refuses 0)
  std::int64_t total_euros = 0;
};

/// Groups the month's documents by client VAT number, in the order first billed. Throws
/// invalid_input naming the document when a client has no VAT number.
DesDeclaration build_des(const Period& month, const std::vector<DesDocument>& documents);

/// The DES file: <fichier_des><declaration_des> with num_des, num_tvaFr, mois_des, an_des and a
/// <ligne_des> (numlin_des, valeur, partner_des) per line. `number` is the declaration's number
/// (1 to 999999). Throws invalid_input when the seller's VAT number is not French.
std::string des_xml(const DesDeclaration& des, std::string_view seller_vat, int number);

}  // namespace indie
