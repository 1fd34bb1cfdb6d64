// The e-invoice rules checked natively (cii_check.hpp). Each rule cites its identifier in
// EN 16931-1 (v1.3.16 rules) or the French BR-FR rules (Flux 2); the message says what to change.
#include "indie/render/cii_check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "indie/core/bill.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/identifiers.hpp"
#include "indie/core/legal.hpp"
#include "indie/core/money.hpp"
#include "indie/render/cii.hpp"
#include "indie/render/einvoice_reader.hpp"

namespace indie {
namespace {

// The XML itself, read back as a receiving platform reads it (the XML module, then the core's
// EN 16931 arithmetic and mandatory terms, as indie bill import does): what is checked is the
// file that leaves, not only the data it is written from.
void check_written_xml(const DocumentInput& in, std::vector<RuleFailure>& out) {
  try {
    const std::string xml = cii_invoice(in);
    const Bill bill = read_bill(read_einvoice(xml, "the e-invoice").fields, "the e-invoice");
    for (const auto& f : check_bill(bill))
      if (f.error) out.push_back({f.rule, "in the XML written: " + f.message});
  } catch (const Error& e) {
    // A file that cannot be read is a finding; a missing module is not, and stops the command.
    if (e.kind() != ErrorKind::invalid_input) throw;
    out.push_back({"EN 16931", fmt::format("the XML written cannot be read back: {}", e.what())});
  }
}

}  // namespace

std::vector<RuleFailure> check_einvoice(const DocumentInput& in) {
  std::vector<RuleFailure> out;
  const auto fail = [&](std::string rule, std::string message) {
    out.push_back({std::move(rule), std::move(message)});
  };
  const Invoice& inv = in.invoice;
  const auto& seller = in.seller;
  const auto& buyer = in.client;
  const auto text = [](const nlohmann::ordered_json& j, const char* key) {
    return j.is_object() ? j.value(key, std::string()) : std::string();
  };
  const std::string handle = text(buyer, "handle");
  const std::string category = inv.vat_category.empty() ? "E" : inv.vat_category;

  // Parties (BR-06..BR-11).
  if (text(seller, "name").empty())
    fail("BR-06", "the seller has no name: indie config set business.name \"…\"");
  if (text(seller, "address").empty())
    fail("BR-08", "the seller has no postal address: indie config set business.address \"…\"");
  if (text(buyer, "name").empty()) fail("BR-07", "the client has no name");
  if (text(buyer, "address").empty())
    fail("BR-10", fmt::format("the client has no postal address: indie client edit {} --address "
                              "\"…\"",
                              handle));
  // French identifiers (BR-FR): the seller's SIREN, a French business client's SIREN and the
  // buyer's electronic address.
  if (text(seller, "siren").size() != 9)
    fail("BR-FR-10",
         "the seller's SIREN (BT-30, 9 digits) is missing: indie config set "
         "business.siren …");
  // An address of the French directory (scheme 0225) starts with the SIREN it reaches.
  if (const std::string own = text(seller, "einvoice_address");
      !own.empty() && !own.starts_with(text(seller, "siren")))
    fail("BR-FR-13",
         fmt::format("your e-invoicing address (BT-34) {} does not start with your SIREN {}: "
                     "indie config set business.einvoice_address {}_…",
                     own, text(seller, "siren"), text(seller, "siren")));
  const std::string treatment = text(buyer, "vat_treatment");
  const std::string country = text(buyer, "country");
  const bool french_business = treatment == "domestic" && (country.empty() || country == "FR");
  if (french_business && text(buyer, "siren").size() != 9)
    fail("BR-FR-11", fmt::format("a French business client needs its SIREN (BT-47): indie client "
                                 "edit {} --siren …",
                                 handle));
  if (!french_business && text(buyer, "email").empty())
    fail("BR-FR-12", fmt::format("the client needs an electronic address (BT-49): a client abroad "
                                 "or a private person is reached by e-mail: indie client edit {} "
                                 "--email …{}",
                                 handle,
                                 inv.issued ? " (an issued invoice keeps the client as "
                                              "it was: this one cannot be sent)"
                                            : ""));
  // VAT identifiers by category (BR-E-02, BR-AE-02/03, BR-O-02).
  const std::string seller_vat = text(seller, "vat_number");
  if (category == "AE" && seller_vat.empty())
    fail("BR-AE-02",
         "reverse charge needs your intra-EU VAT number (BT-31): indie config set "
         "business.vat_number FR…");
  if (category == "AE" && text(buyer, "vat_number").empty())
    fail("BR-AE-02", fmt::format("reverse charge needs the client's VAT number (BT-48): indie "
                                 "client edit {} --vat-number …",
                                 handle));
  if (category == "S" && seller_vat.empty())
    fail("BR-S-02",
         "VAT charged needs your intra-EU VAT number (BT-31): indie config set "
         "business.vat_number FR…");
  // Rates France allows (BR-FR-16) and lines (BR-16, BR-21..BR-26 are met by construction).
  if (in.lines.empty()) fail("BR-16", "an invoice has at least one line");
  static const std::vector<Decimal> kFrenchRates = {
      Decimal(0, 0),  Decimal(9, 1),  Decimal(105, 2), Decimal(175, 2), Decimal(21, 1),
      Decimal(55, 1), Decimal(7, 0),  Decimal(85, 1),  Decimal(92, 1),  Decimal(96, 1),
      Decimal(10, 0), Decimal(13, 0), Decimal(196, 1), Decimal(20, 0),  Decimal(206, 1)};
  for (const auto& l : in.lines)
    if (std::find(kFrenchRates.begin(), kFrenchRates.end(), l.vat_rate) == kFrenchRates.end())
      fail("BR-FR-16", fmt::format("line {}: a VAT rate of {} % is not one France allows",
                                   l.position, l.vat_rate.normalized().to_string()));
  // Totals (BR-CO-10, -13, -14, -15, -16): the sums the XML states must add up.
  const Currency& cur = inv.cur();
  std::int64_t lines = 0;
  for (const auto& l : in.lines) lines += line_net(l, cur).minor();
  if (lines != in.totals.net.minor())
    fail("BR-CO-10", fmt::format("the lines add up to {}, the total excluding VAT says {}",
                                 Money(lines, cur).to_string(), in.totals.net.to_string()));
  std::int64_t vat = 0;
  for (const auto& b : in.totals.by_rate) vat += b.vat.minor();
  if (vat != in.totals.vat.minor())
    fail("BR-CO-14", "the VAT of the rates does not add up to the VAT total");
  if (in.totals.net.minor() + in.totals.vat.minor() != in.totals.gross.minor())
    fail("BR-CO-15", "the total including VAT is not the total excluding VAT plus the VAT");
  if (inv.deposit_minor && *inv.deposit_minor > in.totals.gross.minor())
    fail("BR-CO-16", "the deposit is more than the invoice");
  // A foreign currency with VAT states the VAT in EUR (BR-FR-CO-12, CGI art. 289-IV).
  if (cur.code != "EUR" && category == "S" && in.totals.vat.minor() != 0 && inv.issued &&
      !inv.vat_eur_minor)
    fail("BR-FR-CO-12", "the VAT of a foreign-currency invoice is also stated in EUR (BT-111)");
  // A credit note cites its invoice (BR-FR-CO-04 with BT-25).
  if (inv.kind == InvoiceKind::credit_note && (!in.original || !in.original->number))
    fail("BR-FR-CO-05", "a credit note cites the invoice it corrects (BT-25)");
  if (out.empty() && inv.issued) check_written_xml(in, out);
  return out;
}

}  // namespace indie
