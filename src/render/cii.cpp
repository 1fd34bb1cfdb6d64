// The CII of an invoice (cii.hpp). Element order follows the CII D16B schema; which elements an
// invoice carries follows EN 16931 (v1.3.16 rules) and the French BR-FR rules, with the business
// term (BT) of each in a comment. The tests run the official validators on every kind indie
// issues (tests/einvoice/).
#include "indie/render/cii.hpp"

#include <fmt/format.h>

#include "document_parts.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/money.hpp"
#include "indie/core/payment_terms.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

using nlohmann::ordered_json;

std::string esc(std::string_view s) { return xml_escaped(s); }

std::string date102(Date d) {
  return fmt::format("<udt:DateTimeString format=\"102\">{:04}{:02}{:02}</udt:DateTimeString>",
                     static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

// Amounts with the currency's decimals, never more than two (CHECKLIST §8.7).
std::string amount(std::int64_t minor, const Currency& cur) {
  return Money(minor, cur).amount().to_string();
}

std::string percent(const Decimal& rate) { return rate.with_scale(2).to_string(); }

// UN/ECE Recommendation 20 codes for indie's units.
std::string_view unit_code(std::string_view unit) {
  if (unit == "h") return "HUR";
  if (unit == "d") return "DAY";
  if (unit == "month") return "MON";
  if (unit == "week") return "WEE";
  if (unit == "km") return "KMT";
  if (unit == "page") return "ZP";
  if (unit == "word") return "D68";
  return "C62";  // one (a unit)
}

struct Address {
  std::string line, postcode, city, country;
};

// "12 rue des Lilas, 32000 Auch" (or lines): the last line holds the postcode and the city when
// it starts with digits, as French addresses do.
Address address_of(const ordered_json& party, const char* field = "address") {
  Address a;
  a.country = party.value("country", "");
  const std::string text = party.value(field, "");
  std::vector<std::string> lines;
  const char sep = text.find('\n') != std::string::npos ? '\n' : ',';
  for (std::size_t from = 0; from <= text.size();) {
    std::size_t to = text.find(sep, from);
    if (to == std::string::npos) to = text.size();
    const std::string_view l = trim(std::string_view(text).substr(from, to - from));
    if (!l.empty()) lines.emplace_back(l);
    from = to + 1;
  }
  if (lines.empty()) return a;
  std::string last = lines.back();
  const auto digits = last.find_first_not_of("0123456789");
  if (digits != std::string::npos && digits >= 4 && last[digits] == ' ') {
    a.postcode = last.substr(0, digits);
    a.city = std::string(trim(std::string_view(last).substr(digits)));
  } else {
    a.city = last;
  }
  lines.pop_back();
  for (const auto& l : lines) a.line += (a.line.empty() ? "" : ", ") + l;
  if (a.line.empty()) a.line = a.city;
  return a;
}

void postal_address(std::string& x, const Address& a, const char* indent) {
  x += fmt::format("{}<ram:PostalTradeAddress>\n", indent);
  if (!a.postcode.empty())
    x += fmt::format("{}  <ram:PostcodeCode>{}</ram:PostcodeCode>\n", indent, esc(a.postcode));
  if (!a.line.empty()) x += fmt::format("{}  <ram:LineOne>{}</ram:LineOne>\n", indent, esc(a.line));
  if (!a.city.empty())
    x += fmt::format("{}  <ram:CityName>{}</ram:CityName>\n", indent, esc(a.city));
  x += fmt::format("{}  <ram:CountryID>{}</ram:CountryID>\n{}</ram:PostalTradeAddress>\n", indent,
                   a.country.empty() ? "FR" : a.country, indent);
}

void party(std::string& x, const char* tag, const ordered_json& p, bool seller, bool vat_ids) {
  const Address a = address_of(p);
  const std::string siren = p.value("siren", "");
  const std::string vat = p.value("vat_number", "");
  x += fmt::format("      <ram:{}>\n        <ram:Name>{}</ram:Name>\n", tag,
                   esc(p.value("name", "")));
  if (!siren.empty())  // BT-30 / BT-47: SIREN, scheme 0002
    x += fmt::format(
        "        <ram:SpecifiedLegalOrganization>\n          <ram:ID "
        "schemeID=\"0002\">{}</ram:ID>\n        </ram:SpecifiedLegalOrganization>\n",
        siren);
  postal_address(x, a, "        ");
  // BT-34 / BT-49: the electronic address. A French business's is in the French directory
  // (scheme 0225) and starts with its SIREN (its own, else the SIREN itself); anyone else's is
  // an e-mail address (scheme EM).
  const std::string email = p.value("email", "");
  const std::string directory = p.value("einvoice_address", "");
  const bool french_business = !siren.empty() && (a.country.empty() || a.country == "FR");
  if (french_business || !email.empty())
    x += fmt::format(
        "        <ram:URIUniversalCommunication>\n          <ram:URIID "
        "schemeID=\"{}\">{}</ram:URIID>\n        </ram:URIUniversalCommunication>\n",
        french_business ? "0225" : "EM",
        esc(french_business ? (directory.empty() ? siren : directory) : email));
  else if (!seller)
    throw invalid_input(fmt::format(
        "the e-invoice needs an electronic address for {} (BR-FR-12): a SIREN for a French "
        "business, else an e-mail address (indie client edit {} --email …)",
        p.value("name", "the client"), p.value("handle", "CLIENT")));
  if (vat_ids && !vat.empty())  // BT-31 / BT-48
    x += fmt::format(
        "        <ram:SpecifiedTaxRegistration>\n          <ram:ID "
        "schemeID=\"VA\">{}</ram:ID>\n        </ram:SpecifiedTaxRegistration>\n",
        vat);
  else if (vat_ids && seller && !siren.empty())  // BT-32: the tax registration without a VAT id
    x += fmt::format(
        "        <ram:SpecifiedTaxRegistration>\n          <ram:ID "
        "schemeID=\"FC\">{}</ram:ID>\n        </ram:SpecifiedTaxRegistration>\n",
        siren);
  x += fmt::format("      </ram:{}>\n", tag);
}

// The subject code of a legal mention (UNTDID 4451), as BR-FR expects them: penalties PMD, the
// 40 EUR indemnity PMT, the early-payment discount AAB, tax mentions TXD, others AAI.
std::string_view subject_of(std::string_view mention) {
  if (mention.starts_with("Pénalités")) return "PMD";
  if (mention.starts_with("Indemnité")) return "PMT";
  if (mention.starts_with("Pas d'escompte") || mention.starts_with("Escompte")) return "AAB";
  if (mention.starts_with("TVA") || mention.starts_with("Autoliquidation") ||
      mention.starts_with("Option pour") || mention.starts_with("Exonération"))
    return "TXD";
  return "AAI";
}

std::string_view category_code(std::string_view indie_category) {
  return indie_category.empty() ? "E" : indie_category;
}

}  // namespace

std::string cii_invoice(const DocumentInput& in) {
  const Invoice& inv = in.invoice;
  if (!inv.issued || !inv.number || !inv.issue_date)
    throw invalid_input(fmt::format(
        "{} is a draft: an e-invoice is made of an issued invoice (indie invoice issue {})",
        inv.label(), inv.id));
  const Currency& cur = inv.cur();
  const bool credit = inv.kind == InvoiceKind::credit_note;
  const std::string category(category_code(inv.vat_category));
  const bool outside = category == "O";
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rsm:CrossIndustryInvoice "
      "xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\" "
      "xmlns:ram=\"urn:un:unece:uncefact:data:standard:"
      "ReusableAggregateBusinessInformationEntity:100\" "
      "xmlns:qdt=\"urn:un:unece:uncefact:data:standard:QualifiedDataType:100\" "
      "xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">\n";
  // BT-23: the business process, from the category of operation: S1 services, B1 goods, M1 both.
  bool goods = false, services = false;
  for (const auto& l : in.lines) (l.activity && is_goods(*l.activity) ? goods : services) = true;
  const std::string_view process = goods && services ? "M1" : goods ? "B1" : "S1";
  x += fmt::format(
      "  <rsm:ExchangedDocumentContext>\n"
      "    <ram:BusinessProcessSpecifiedDocumentContextParameter>\n      <ram:ID>{}</ram:ID>\n"
      "    </ram:BusinessProcessSpecifiedDocumentContextParameter>\n"
      "    <ram:GuidelineSpecifiedDocumentContextParameter>\n"
      "      <ram:ID>urn:cen.eu:en16931:2017</ram:ID>\n"
      "    </ram:GuidelineSpecifiedDocumentContextParameter>\n"
      "  </rsm:ExchangedDocumentContext>\n",
      process);
  // BT-1, BT-3 (380 invoice, 381 credit note), BT-2, and the notes (BG-1).
  x += fmt::format(
      "  <rsm:ExchangedDocument>\n    <ram:ID>{}</ram:ID>\n    <ram:TypeCode>{}</ram:TypeCode>\n"
      "    <ram:IssueDateTime>\n      {}\n    </ram:IssueDateTime>\n",
      esc(*inv.number), credit ? 381 : 380, date102(*inv.issue_date));
  const auto note = [&](std::string_view content, std::string_view subject) {
    x += fmt::format(
        "    <ram:IncludedNote>\n      <ram:Content>{}</ram:Content>\n"
        "      <ram:SubjectCode>{}</ram:SubjectCode>\n    </ram:IncludedNote>\n",
        esc(content), subject);
  };
  // BAR, the processing expected (BR-FR): B2B between French businesses, B2BINT with a client
  // abroad, B2C with a private person.
  const std::string treatment = in.client.value("vat_treatment", "domestic");
  note(treatment == "consumer"                                        ? "B2C"
       : treatment == "eu-business" || treatment == "non-eu-business" ? "B2BINT"
                                                                      : "B2B",
       "BAR");
  if (const std::string identity = document_identity(in.seller, Language::fr); !identity.empty())
    note(identity, "REG");
  bool pmd = false, pmt = false, aab = false;
  for (const auto& m : in.mentions) {
    if (m.starts_with("Avoir sur la facture")) continue;  // BT-25 says it
    const std::string_view subject = subject_of(m);
    pmd |= subject == "PMD";
    pmt |= subject == "PMT";
    aab |= subject == "AAB";
    note(m, subject);
  }
  // BR-FR-05 wants the penalty, indemnity and discount notes on every document; the law asks
  // them of invoices between businesses only, so a credit note or a private client's invoice
  // says what applies instead.
  if (!pmd)
    note(credit ? "Pénalités de retard : sans objet (avoir)"
                : "Pénalités de retard : intérêts au taux légal (art. 1231-6 du Code civil)",
         "PMD");
  if (!pmt)
    note(credit ? "Indemnité forfaitaire pour frais de recouvrement : sans objet (avoir)"
                : "Indemnité forfaitaire pour frais de recouvrement : non applicable (client "
                  "non professionnel)",
         "PMT");
  if (!aab) note("Pas d'escompte pour paiement anticipé", "AAB");
  if (!inv.notes.empty()) note(inv.notes, "AAI");
  x += "  </rsm:ExchangedDocument>\n  <rsm:SupplyChainTradeTransaction>\n";

  // The lines (BG-25).
  for (const auto& l : in.lines) {
    const Money net = line_net(l, cur);
    const Money gross = line_gross(l, cur);
    x += fmt::format(
        "    <ram:IncludedSupplyChainTradeLineItem>\n"
        "      <ram:AssociatedDocumentLineDocument>\n        <ram:LineID>{}</ram:LineID>\n"
        "      </ram:AssociatedDocumentLineDocument>\n"
        "      <ram:SpecifiedTradeProduct>\n        <ram:Name>{}</ram:Name>\n"
        "      </ram:SpecifiedTradeProduct>\n"
        "      <ram:SpecifiedLineTradeAgreement>\n"
        "        <ram:NetPriceProductTradePrice>\n          "
        "<ram:ChargeAmount>{}</ram:ChargeAmount>\n"
        "        </ram:NetPriceProductTradePrice>\n"
        "      </ram:SpecifiedLineTradeAgreement>\n"
        "      <ram:SpecifiedLineTradeDelivery>\n"
        "        <ram:BilledQuantity unitCode=\"{}\">{}</ram:BilledQuantity>\n"
        "      </ram:SpecifiedLineTradeDelivery>\n"
        "      <ram:SpecifiedLineTradeSettlement>\n"
        "        <ram:ApplicableTradeTax>\n          <ram:TypeCode>VAT</ram:TypeCode>\n"
        "          <ram:CategoryCode>{}</ram:CategoryCode>\n",
        l.position, esc(l.description),
        l.unit_price.normalized()
            .with_scale(std::max(2, l.unit_price.normalized().scale()))
            .to_string(),
        unit_code(l.unit), l.quantity.with_scale(4).to_string(), category);
    if (!outside)
      x += fmt::format("          <ram:RateApplicablePercent>{}</ram:RateApplicablePercent>\n",
                       percent(l.vat_rate));
    x += "        </ram:ApplicableTradeTax>\n";
    if (!l.period.empty())
      x += fmt::format(
          "        <ram:BillingSpecifiedPeriod>\n          "
          "<ram:StartDateTime>{}</ram:StartDateTime>\n"
          "          <ram:EndDateTime>{}</ram:EndDateTime>\n        "
          "</ram:BillingSpecifiedPeriod>\n",
          date102(*l.period.from), date102(*l.period.to));
    // A line discount is an allowance on the line (BG-27): the gross less the net.
    if (gross.minor() != net.minor() && !l.fixed_net_minor)
      x += fmt::format(
          "        <ram:SpecifiedTradeAllowanceCharge>\n"
          "          <ram:ChargeIndicator>\n            <udt:Indicator>false</udt:Indicator>\n"
          "          </ram:ChargeIndicator>\n"
          "          <ram:CalculationPercent>{}</ram:CalculationPercent>\n"
          "          <ram:BasisAmount>{}</ram:BasisAmount>\n"
          "          <ram:ActualAmount>{}</ram:ActualAmount>\n"
          "          <ram:Reason>Remise</ram:Reason>\n"
          "        </ram:SpecifiedTradeAllowanceCharge>\n",
          percent(l.discount), amount(gross.minor(), cur),
          amount(gross.minor() - net.minor(), cur));
    x += fmt::format(
        "        <ram:SpecifiedTradeSettlementLineMonetarySummation>\n"
        "          <ram:LineTotalAmount>{}</ram:LineTotalAmount>\n"
        "        </ram:SpecifiedTradeSettlementLineMonetarySummation>\n"
        "      </ram:SpecifiedLineTradeSettlement>\n"
        "    </ram:IncludedSupplyChainTradeLineItem>\n",
        amount(net.minor(), cur));
  }

  // The parties (BG-4, BG-7). Outside the scope of VAT, no VAT identifier (BR-O-02..04).
  x += "    <ram:ApplicableHeaderTradeAgreement>\n";
  if (!inv.po_number.empty())
    x += fmt::format("      <ram:BuyerReference>{}</ram:BuyerReference>\n", esc(inv.po_number));
  party(x, "SellerTradeParty", in.seller, true, !outside);
  party(x, "BuyerTradeParty", in.client, false, !outside);
  x += "    </ram:ApplicableHeaderTradeAgreement>\n";
  // BG-13: where goods go, when not to the client's address (the reform's delivery address).
  if (!in.client.value("delivery_address", "").empty()) {
    x += "    <ram:ApplicableHeaderTradeDelivery>\n      <ram:ShipToTradeParty>\n";
    postal_address(x, address_of(in.client, "delivery_address"), "        ");
    x += "      </ram:ShipToTradeParty>\n    </ram:ApplicableHeaderTradeDelivery>\n";
  } else {
    x += "    <ram:ApplicableHeaderTradeDelivery/>\n";
  }

  // Settlement: currencies, payment means, VAT breakdown, period, terms, totals.
  x += fmt::format(
      "    <ram:ApplicableHeaderTradeSettlement>\n"
      "      <ram:PaymentReference>{}</ram:PaymentReference>\n",
      esc(*inv.number));
  const bool vat_in_eur = cur.code != "EUR" && inv.vat_eur_minor.has_value();
  if (vat_in_eur) x += "      <ram:TaxCurrencyCode>EUR</ram:TaxCurrencyCode>\n";  // BT-6
  x += fmt::format("      <ram:InvoiceCurrencyCode>{}</ram:InvoiceCurrencyCode>\n", cur.code);
  const std::string iban = in.seller.value("iban", "");
  if (!credit && !iban.empty())  // BG-16: 58 = SEPA credit transfer
    x += fmt::format(
        "      <ram:SpecifiedTradeSettlementPaymentMeans>\n        "
        "<ram:TypeCode>58</ram:TypeCode>\n"
        "        <ram:PayeePartyCreditorFinancialAccount>\n"
        "          <ram:IBANID>{}</ram:IBANID>\n"
        "        </ram:PayeePartyCreditorFinancialAccount>\n"
        "      </ram:SpecifiedTradeSettlementPaymentMeans>\n",
        esc(iban));
  // BG-23, a breakdown per rate; an exemption states its reason (BT-120) and code (BT-121).
  std::string reason, reason_code;
  if (category == "E") {
    reason = "TVA non applicable, art. 293 B du CGI";
    reason_code = "VATEX-FR-FRANCHISE";
  } else if (category == "AE") {
    reason = "Autoliquidation";
    reason_code = "VATEX-EU-AE";
  } else if (category == "O") {
    reason = "Prestation de services hors du champ de la TVA française (art. 259-1 du CGI)";
    reason_code = "VATEX-EU-O";
  }
  for (const auto& b : in.totals.by_rate) {
    x += fmt::format(
        "      <ram:ApplicableTradeTax>\n"
        "        <ram:CalculatedAmount>{}</ram:CalculatedAmount>\n"
        "        <ram:TypeCode>VAT</ram:TypeCode>\n",
        amount(b.vat.minor(), cur));
    if (!reason.empty())
      x += fmt::format("        <ram:ExemptionReason>{}</ram:ExemptionReason>\n", esc(reason));
    x += fmt::format(
        "        <ram:BasisAmount>{}</ram:BasisAmount>\n"
        "        <ram:CategoryCode>{}</ram:CategoryCode>\n",
        amount(b.base.minor(), cur), category);
    if (!reason_code.empty())
      x += fmt::format("        <ram:ExemptionReasonCode>{}</ram:ExemptionReasonCode>\n",
                       reason_code);
    if (!outside)
      x += fmt::format("        <ram:RateApplicablePercent>{}</ram:RateApplicablePercent>\n",
                       percent(b.rate));
    x += "      </ram:ApplicableTradeTax>\n";
  }
  if (!inv.period.empty())  // BG-14
    x += fmt::format(
        "      <ram:BillingSpecifiedPeriod>\n        <ram:StartDateTime>{}</ram:StartDateTime>\n"
        "        <ram:EndDateTime>{}</ram:EndDateTime>\n      </ram:BillingSpecifiedPeriod>\n",
        date102(*inv.period.from), date102(*inv.period.to));
  if (!credit && inv.due_date) {  // BT-20, BT-9
    x += "      <ram:SpecifiedTradePaymentTerms>\n";
    if (!inv.payment_terms.empty())
      x += fmt::format("        <ram:Description>{}</ram:Description>\n",
                       esc(PaymentTerms::parse(inv.payment_terms).text(Language::fr)));
    x += fmt::format(
        "        <ram:DueDateDateTime>{}</ram:DueDateDateTime>\n"
        "      </ram:SpecifiedTradePaymentTerms>\n",
        date102(*inv.due_date));
  }
  const std::int64_t prepaid = inv.deposit_minor.value_or(0);
  x += fmt::format(
      "      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>\n"
      "        <ram:LineTotalAmount>{}</ram:LineTotalAmount>\n"
      "        <ram:TaxBasisTotalAmount>{}</ram:TaxBasisTotalAmount>\n"
      "        <ram:TaxTotalAmount currencyID=\"{}\">{}</ram:TaxTotalAmount>\n",
      amount(in.totals.net.minor(), cur), amount(in.totals.net.minor(), cur), cur.code,
      amount(in.totals.vat.minor(), cur));
  if (vat_in_eur)  // BT-111: the VAT total in EUR (CGI art. 289-IV)
    x += fmt::format("        <ram:TaxTotalAmount currencyID=\"EUR\">{}</ram:TaxTotalAmount>\n",
                     amount(*inv.vat_eur_minor, currency("EUR")));
  x += fmt::format("        <ram:GrandTotalAmount>{}</ram:GrandTotalAmount>\n",
                   amount(in.totals.gross.minor(), cur));
  if (prepaid > 0)  // BT-113: the deposit paid before issue
    x += fmt::format("        <ram:TotalPrepaidAmount>{}</ram:TotalPrepaidAmount>\n",
                     amount(prepaid, cur));
  x += fmt::format(
      "        <ram:DuePayableAmount>{}</ram:DuePayableAmount>\n"
      "      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>\n",
      amount(in.totals.gross.minor() - prepaid, cur));
  if (credit && in.original && in.original->number && in.original->issue_date)  // BT-25, BT-26
    x += fmt::format(
        "      <ram:InvoiceReferencedDocument>\n"
        "        <ram:IssuerAssignedID>{}</ram:IssuerAssignedID>\n"
        "        <ram:FormattedIssueDateTime>\n"
        "          <qdt:DateTimeString format=\"102\">{:04}{:02}{:02}</qdt:DateTimeString>\n"
        "        </ram:FormattedIssueDateTime>\n      </ram:InvoiceReferencedDocument>\n",
        esc(*in.original->number), static_cast<int>(in.original->issue_date->year()),
        static_cast<unsigned>(in.original->issue_date->month()),
        static_cast<unsigned>(in.original->issue_date->day()));
  x += "    </ram:ApplicableHeaderTradeSettlement>\n  </rsm:SupplyChainTradeTransaction>\n"
       "</rsm:CrossIndustryInvoice>\n";
  return x;
}

}  // namespace indie
