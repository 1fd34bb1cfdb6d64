#pragma once
/// The French and EU invoicing rules of doc/legal/CHECKLIST.md as code: which VAT
/// applies, which rates are allowed, which mentions an invoice carries and what must be known
/// before it may be issued. Pure functions of the seller, the client and the invoice.
#include <string>
#include <vector>

#include "indie/core/client.hpp"
#include "indie/core/invoice.hpp"
#include "indie/core/payment_terms.hpp"
#include "indie/core/settings.hpp"

namespace indie {

/// EN 16931 VAT categories indie issues (BR-FR-15 allows S, E, AE, K, G, O, Z).
enum class VatCategory {
  standard,        ///< S: French VAT charged
  franchise,       ///< E + VATEX-FR-FRANCHISE: "TVA non applicable, art. 293 B du CGI"
  reverse_charge,  ///< AE + VATEX-EU-AE: services to an EU business, "Autoliquidation"
  outside_scope,   ///< O + VATEX-EU-O: services to a business outside the EU (CGI art. 259-1)
};
std::string_view category_code(VatCategory c);  ///< S, E, AE, O
/// The category of a code (S, E, AE, O); throws invalid_input for another.
VatCategory category_of_code(std::string_view code);
std::string_view exemption_code(VatCategory c);  ///< VATEX-…, empty for S
/// The legal mention that explains why no VAT is charged (empty for S).
std::string_view exemption_mention(VatCategory c);

/// Services to a business in another EU state are taxed where the client is (CGI art. 259-1,
/// directive art. 44), whatever the seller's regime; so is a business outside the EU. At home
/// and for consumers the seller's regime decides.
VatCategory vat_category(VatRegime regime, VatTreatment treatment);

/// Mainland French rates for S (20, 10, 5.5, 2.1); only 0 otherwise.
std::vector<Decimal> allowed_vat_rates(VatCategory c);
/// 20 for S (configurable later), 0 otherwise.
Decimal default_vat_rate(VatCategory c);
/// Throws invalid_input when `rate` is not allowed under `c`, saying why and what is.
void check_vat_rate(VatCategory c, const Decimal& rate);

/// "Camille Martin EI": an entrepreneur individuel's name carries "EI" (loi 2022-172).
std::string seller_display_name(const BusinessProfile& seller);
/// True when the client is a professional (B2B mentions apply).
bool is_business(const Client& client);

/// What an invoice needs to know to be checked and to print its mentions.
struct LegalFacts {
  InvoiceKind kind = InvoiceKind::invoice;
  VatCategory category = VatCategory::franchise;
  const Currency* currency = nullptr;
  Money net = Money::zero(currency_eur());
  std::size_t lines = 0;
  std::vector<Decimal> vat_rates;  ///< the rates its lines carry
  std::int64_t draft_id = 0;       ///< for the commands a refusal suggests
  /// The service date (CGI art. 242 nonies A, 7°): the positions of the lines without a period
  /// of their own, and whether the invoice has one for them.
  std::vector<int> lines_without_period;
  bool has_given_period = false;
  PaymentTerms payment_terms;
  Date day{};                     ///< of issue (a draft: today), for the legal penalty floor
  std::string late_penalty_rate;  ///< percent a year; empty: the ECB's rate + 10 points
  std::string early_discount;     ///< empty: none
  /// The business opted to pay VAT on services when invoiced (business.vat_on_debits).
  bool vat_on_debits = false;
  std::string original_number, original_date;            ///< credit notes
  std::string eur_rate, eur_rate_date, eur_rate_source;  ///< foreign currency, frozen at issue
  std::optional<Money> vat_eur;
  static const Currency& currency_eur();
};

/// Everything that keeps the invoice from being issued, one line each, saying what to do
/// ("the client has no address: indie client edit acme --address …"). Empty when it may be.
std::vector<std::string> issue_problems(const BusinessProfile& seller, const Client& client,
                                        const LegalFacts& facts);
/// The mentions printed at the foot of the invoice, in French (the seller is French): the VAT
/// exemption, B2B penalties and the €40 indemnity, no early-payment discount, the company's
/// capital and RCS, the EUR conversion of a foreign-currency invoice, a credit note's reference.
std::vector<std::string> legal_mentions(const BusinessProfile& seller, const Client& client,
                                        const LegalFacts& facts);

}  // namespace indie
