// indie-xml.so: a supplier's e-invoice, CII (the XML of a Factur-X PDF) or UBL 2.1 (Invoice or
// CreditNote), read with libxml2's XPath into EN 16931's business terms (see
// xml_module_abi.h). The module finds the terms where each syntax keeps them; indie's core
// checks their values and their arithmetic (src/core/bill.cpp).
//
// The paths follow the EN 16931 syntax bindings (CEN/TS 16931-3-2 for UBL, -3-3 for CII), as
// the official validation artefacts (ConnectingEurope/eInvoicing-EN16931) read them.
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <span>
#include <string>

#include "xml_common.hpp"
#include "xml_module_abi.h"

namespace {

using indie::xml::fail;
using indie::xml::line_of;

constexpr const char* kCii = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
constexpr const char* kUblInvoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
constexpr const char* kUblCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

struct Term {
  const char* key;                  ///< the business term, e.g. BT-1
  const char* xpath;                ///< relative to the group's node
  const char* attribute = nullptr;  ///< also read, e.g. currencyID
  bool many = false;                ///< every match, not only the first
};

struct Group {
  const char* marker;  ///< emitted before each node's terms; nullptr: the document itself
  const char* xpath;
  std::span<const Term> terms;
};

// --- CII (Cross Industry Invoice D16B) ---------------------------------------------------------
#define CII_AGREEMENT "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
#define CII_SETTLEMENT "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
#define CII_TOTALS CII_SETTLEMENT "/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
#define CII_SELLER CII_AGREEMENT "/ram:SellerTradeParty"
#define CII_BUYER CII_AGREEMENT "/ram:BuyerTradeParty"

constexpr Term kCiiDocument[] = {
    {"BT-24", "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"},
    {"BT-1", "rsm:ExchangedDocument/ram:ID"},
    {"BT-3", "rsm:ExchangedDocument/ram:TypeCode"},
    {"BT-2", "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString", "format"},
    {"BT-27", CII_SELLER "/ram:Name"},
    {"BT-30", CII_SELLER "/ram:SpecifiedLegalOrganization/ram:ID", "schemeID"},
    {"BT-31", CII_SELLER "/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"},
    {"BT-40", CII_SELLER "/ram:PostalTradeAddress/ram:CountryID"},
    {"BT-44", CII_BUYER "/ram:Name"},
    {"BT-47", CII_BUYER "/ram:SpecifiedLegalOrganization/ram:ID", "schemeID"},
    {"BT-48", CII_BUYER "/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"},
    {"BT-5", CII_SETTLEMENT "/ram:InvoiceCurrencyCode"},
    {"BT-6", CII_SETTLEMENT "/ram:TaxCurrencyCode"},
    {"BT-9",
     CII_SETTLEMENT "/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString",
     "format"},
    {"BT-25", CII_SETTLEMENT "/ram:InvoiceReferencedDocument/ram:IssuerAssignedID"},
    {"BT-106", CII_TOTALS "/ram:LineTotalAmount"},
    {"BT-107", CII_TOTALS "/ram:AllowanceTotalAmount"},
    {"BT-108", CII_TOTALS "/ram:ChargeTotalAmount"},
    {"BT-109", CII_TOTALS "/ram:TaxBasisTotalAmount"},
    {"BT-110", CII_TOTALS "/ram:TaxTotalAmount", "currencyID", true},
    {"BT-112", CII_TOTALS "/ram:GrandTotalAmount"},
    {"BT-113", CII_TOTALS "/ram:TotalPrepaidAmount"},
    {"BT-114", CII_TOTALS "/ram:RoundingAmount"},
    {"BT-115", CII_TOTALS "/ram:DuePayableAmount"},
};
constexpr Term kCiiLine[] = {
    {"BT-126", "ram:AssociatedDocumentLineDocument/ram:LineID"},
    {"BT-153", "ram:SpecifiedTradeProduct/ram:Name"},
    {"BT-129", "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity", "unitCode"},
    {"BT-131",
     "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/"
     "ram:LineTotalAmount"},
    {"BT-151", "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode"},
    {"BT-152", "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent"},
};
constexpr Term kCiiVat[] = {
    {"BT-116", "ram:BasisAmount"},     {"BT-117", "ram:CalculatedAmount"},
    {"BT-118", "ram:CategoryCode"},    {"BT-119", "ram:RateApplicablePercent"},
    {"BT-120", "ram:ExemptionReason"}, {"BT-121", "ram:ExemptionReasonCode"},
};
constexpr Term kCiiAllowanceCharge[] = {
    {"charge", "ram:ChargeIndicator/udt:Indicator"},
    {"amount", "ram:ActualAmount"},
    {"category", "ram:CategoryTradeTax/ram:CategoryCode"},
    {"rate", "ram:CategoryTradeTax/ram:RateApplicablePercent"},
};
constexpr Group kCiiGroups[] = {
    {nullptr, ".", kCiiDocument},
    {"line", "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem", kCiiLine},
    {"vat", CII_SETTLEMENT "/ram:ApplicableTradeTax", kCiiVat},
    {"allowance-charge", CII_SETTLEMENT "/ram:SpecifiedTradeAllowanceCharge", kCiiAllowanceCharge},
};

// --- UBL 2.1 (Invoice and CreditNote) ----------------------------------------------------------
#define UBL_SELLER "cac:AccountingSupplierParty/cac:Party"
#define UBL_BUYER "cac:AccountingCustomerParty/cac:Party"
#define UBL_TOTALS "cac:LegalMonetaryTotal"

constexpr Term kUblDocument[] = {
    {"BT-24", "cbc:CustomizationID"},
    {"BT-1", "cbc:ID"},
    {"BT-3", "cbc:InvoiceTypeCode | cbc:CreditNoteTypeCode"},
    {"BT-2", "cbc:IssueDate"},
    {"BT-27", UBL_SELLER "/cac:PartyLegalEntity/cbc:RegistrationName"},
    {"BT-28", UBL_SELLER "/cac:PartyName/cbc:Name"},
    {"BT-30", UBL_SELLER "/cac:PartyLegalEntity/cbc:CompanyID", "schemeID"},
    {"BT-31", UBL_SELLER "/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"},
    {"BT-40", UBL_SELLER "/cac:PostalAddress/cac:Country/cbc:IdentificationCode"},
    {"BT-44", UBL_BUYER "/cac:PartyLegalEntity/cbc:RegistrationName"},
    {"BT-45", UBL_BUYER "/cac:PartyName/cbc:Name"},
    {"BT-47", UBL_BUYER "/cac:PartyLegalEntity/cbc:CompanyID", "schemeID"},
    {"BT-48", UBL_BUYER "/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID"},
    {"BT-5", "cbc:DocumentCurrencyCode"},
    {"BT-6", "cbc:TaxCurrencyCode"},
    {"BT-9", "cbc:DueDate | cac:PaymentMeans/cbc:PaymentDueDate"},
    {"BT-25", "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"},
    {"BT-106", UBL_TOTALS "/cbc:LineExtensionAmount"},
    {"BT-107", UBL_TOTALS "/cbc:AllowanceTotalAmount"},
    {"BT-108", UBL_TOTALS "/cbc:ChargeTotalAmount"},
    {"BT-109", UBL_TOTALS "/cbc:TaxExclusiveAmount"},
    {"BT-110", "cac:TaxTotal/cbc:TaxAmount", "currencyID", true},
    {"BT-112", UBL_TOTALS "/cbc:TaxInclusiveAmount"},
    {"BT-113", UBL_TOTALS "/cbc:PrepaidAmount"},
    {"BT-114", UBL_TOTALS "/cbc:PayableRoundingAmount"},
    {"BT-115", UBL_TOTALS "/cbc:PayableAmount"},
};
constexpr Term kUblLine[] = {
    {"BT-126", "cbc:ID"},
    {"BT-153", "cac:Item/cbc:Name"},
    {"BT-129", "cbc:InvoicedQuantity | cbc:CreditedQuantity", "unitCode"},
    {"BT-131", "cbc:LineExtensionAmount"},
    {"BT-151", "cac:Item/cac:ClassifiedTaxCategory/cbc:ID"},
    {"BT-152", "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"},
};
constexpr Term kUblVat[] = {
    {"BT-116", "cbc:TaxableAmount"},
    {"BT-117", "cbc:TaxAmount"},
    {"BT-118", "cac:TaxCategory/cbc:ID"},
    {"BT-119", "cac:TaxCategory/cbc:Percent"},
    {"BT-120", "cac:TaxCategory/cbc:TaxExemptionReason"},
    {"BT-121", "cac:TaxCategory/cbc:TaxExemptionReasonCode"},
};
constexpr Term kUblAllowanceCharge[] = {
    {"charge", "cbc:ChargeIndicator"},
    {"amount", "cbc:Amount"},
    {"category", "cac:TaxCategory/cbc:ID"},
    {"rate", "cac:TaxCategory/cbc:Percent"},
};
constexpr Group kUblGroups[] = {
    {nullptr, ".", kUblDocument},
    {"line", "cac:InvoiceLine | cac:CreditNoteLine", kUblLine},
    {"vat", "cac:TaxTotal/cac:TaxSubtotal", kUblVat},
    {"allowance-charge", "cac:AllowanceCharge", kUblAllowanceCharge},
};

// A value goes into a tab-separated line: runs of white space (tabs and line breaks included,
// as in a name wrapped over two lines) become one space.
std::string plain(const xmlChar* text) {
  std::string out;
  bool space = false;
  for (const char* p = reinterpret_cast<const char*>(text); p != nullptr && *p != '\0'; ++p) {
    const bool blank = *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n';
    if (blank) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += *p;
  }
  return out;
}

std::string text_of(xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string s = plain(v);
  xmlFree(v);
  return s;
}

std::string attribute_of(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, BAD_CAST name);
  std::string s = plain(v);
  xmlFree(v);
  return s;
}

void emit(std::string& out, long line, const char* key, const std::string& value,
          const std::string& attribute) {
  out += std::to_string(line) + '\t' + key + '\t' + value + '\t' + attribute + '\n';
}

// Evaluates `xpath` at `node`; a nullptr set when nothing matches.
xmlXPathObjectPtr eval(xmlXPathContextPtr ctx, xmlNode* node, const char* xpath) {
  return xmlXPathNodeEval(node, BAD_CAST xpath, ctx);
}

void read_terms(xmlXPathContextPtr ctx, xmlNode* node, std::span<const Term> terms,
                std::string& out) {
  for (const Term& t : terms) {
    xmlXPathObjectPtr found = eval(ctx, node, t.xpath);
    if (found != nullptr && found->nodesetval != nullptr) {
      const int n = t.many ? found->nodesetval->nodeNr : std::min(1, found->nodesetval->nodeNr);
      for (int i = 0; i < n; ++i) {
        xmlNode* hit = found->nodesetval->nodeTab[i];
        emit(out, line_of(hit), t.key, text_of(hit),
             t.attribute != nullptr ? attribute_of(hit, t.attribute) : std::string());
      }
    }
    xmlXPathFreeObject(found);
  }
}

bool is(const xmlNode* root, const char* name, const char* ns) {
  return xmlStrcmp(root->name, BAD_CAST name) == 0 && root->ns != nullptr &&
         xmlStrcmp(root->ns->href, BAD_CAST ns) == 0;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int indie_xml_einvoice_v1(const char* xml,
                                                                            std::size_t size,
                                                                            IndieXmlResult* r) {
  *r = IndieXmlResult{};
  xmlDocPtr doc = indie::xml::parse(xml, size, "invoice.xml", "an e-invoice never has", r);
  if (doc == nullptr) return 1;
  xmlNode* root = xmlDocGetRootElement(doc);
  std::span<const Group> groups;
  const char* syntax = nullptr;
  if (root != nullptr && is(root, "CrossIndustryInvoice", kCii)) {
    groups = kCiiGroups, syntax = "CII";
  } else if (root != nullptr &&
             (is(root, "Invoice", kUblInvoice) || is(root, "CreditNote", kUblCreditNote))) {
    groups = kUblGroups, syntax = "UBL";
  } else {
    const std::string name =
        root == nullptr ? std::string("none") : reinterpret_cast<const char*>(root->name);
    const std::string ns = root != nullptr && root->ns != nullptr
                               ? reinterpret_cast<const char*>(root->ns->href)
                               : std::string();
    const std::string hint =
        (name == "CrossIndustryInvoice" || name == "Invoice" || name == "CreditNote")
            ? " (the name is right, but its namespace is '" + ns +
                  "', not the standard's: a file written by hand or by a broken tool)"
        : name == "CrossIndustryDocument"
            ? " (this is ZUGFeRD 1.0, replaced in 2019: ask the supplier for Factur-X or "
              "ZUGFeRD 2)"
            : "";
    const int rc = fail(r,
                        "not an e-invoice: the root element is " + name +
                            "; indie reads CII (rsm:CrossIndustryInvoice, the XML of "
                            "Factur-X) and UBL 2.1 (Invoice, CreditNote)" +
                            hint,
                        root != nullptr ? line_of(root) : 1);
    xmlFreeDoc(doc);
    return rc;
  }
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  if (ctx == nullptr) {
    xmlFreeDoc(doc);
    return fail(r, "out of memory", 0);
  }
  xmlXPathRegisterNs(ctx, BAD_CAST "rsm", BAD_CAST kCii);
  xmlXPathRegisterNs(
      ctx, BAD_CAST "ram",
      BAD_CAST
      "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100");
  xmlXPathRegisterNs(ctx, BAD_CAST "udt",
                     BAD_CAST "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");
  xmlXPathRegisterNs(ctx, BAD_CAST "cac",
                     BAD_CAST
                     "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
  xmlXPathRegisterNs(ctx, BAD_CAST "cbc",
                     BAD_CAST
                     "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");

  std::string out;
  emit(out, line_of(root), "syntax", syntax, "");
  for (const Group& g : groups) {
    if (g.marker == nullptr) {
      read_terms(ctx, root, g.terms, out);
      continue;
    }
    xmlXPathObjectPtr nodes = eval(ctx, root, g.xpath);
    if (nodes != nullptr && nodes->nodesetval != nullptr) {
      for (int i = 0; i < nodes->nodesetval->nodeNr; ++i) {
        xmlNode* node = nodes->nodesetval->nodeTab[i];
        emit(out, line_of(node), g.marker, "", "");
        read_terms(ctx, node, g.terms, out);
      }
    }
    xmlXPathFreeObject(nodes);
  }
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  r->text = indie::xml::copy(out);
  r->size = out.size();
  return 0;
}
