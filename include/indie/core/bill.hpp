#pragma once
/// A supplier's invoice received as an e-invoice (CII, UBL or the XML of a Factur-X PDF): its
/// business terms as the XML module found them, made exact values here, and the arithmetic of
/// EN 16931 checked before indie records it (issue 16, "supplier e-invoices, read in").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/clock.hpp"
#include "indie/core/decimal.hpp"
#include "indie/core/money.hpp"

namespace indie {

/// One business term as read from the file: where, which (BT-1 …, or a group marker), its text
/// and the attribute that qualifies it (a currency, a unit, a scheme, a date format).
struct EinvoiceField {
  long line = 0;
  std::string key, value, attribute;
};

struct BillParty {
  std::string name;
  std::string legal_id, legal_scheme;  ///< BT-30/BT-47 and its scheme (0002: a SIREN)
  std::string vat_id;                  ///< BT-31/BT-48
  std::string country;                 ///< BT-40 (the seller's only)
  /// The SIREN: the legal id in scheme 0002, else the one inside a French VAT number; "" if none.
  std::string siren() const;
};

struct BillLine {
  std::string id, name, unit;
  Decimal quantity;
  std::int64_t net_minor = 0;  ///< BT-131, in the bill's currency
  std::string category;        ///< BT-151: S, Z, E, AE, K, G, O, L, M
  Decimal rate;                ///< BT-152, percent
};

/// One row of the VAT breakdown (BG-23).
struct BillVat {
  std::string category;
  Decimal rate;
  std::int64_t basis_minor = 0, vat_minor = 0;
  std::string exemption;  ///< BT-120, else BT-121
};

/// A document-level allowance (BG-20) or charge (BG-21).
struct BillAllowanceCharge {
  bool charge = false;
  std::int64_t amount_minor = 0;
  std::string category;
  Decimal rate;
};

struct Bill {
  std::string syntax;         ///< CII or UBL
  std::string specification;  ///< BT-24
  std::string number;         ///< BT-1
  std::string type_code;      ///< BT-3: 380 invoice, 381 credit note …
  bool credit_note = false;
  Date issue_date{};
  std::optional<Date> due_date;
  std::string currency;      ///< BT-5
  std::string tax_currency;  ///< BT-6, "" when the VAT is in BT-5 only
  std::string preceding;     ///< BT-25: the invoice a credit note corrects
  BillParty seller, buyer;
  std::vector<BillLine> lines;
  std::vector<BillVat> vat;
  std::vector<BillAllowanceCharge> allowances_charges;
  std::int64_t line_total = 0, allowance_total = 0, charge_total = 0;  ///< BT-106..108
  std::int64_t tax_basis = 0, tax_total = 0;                           ///< BT-109, BT-110
  std::optional<std::int64_t> tax_total_accounting;  ///< BT-111, in tax_currency's minor units
  std::int64_t grand_total = 0, prepaid = 0, rounding = 0, payable = 0;  ///< BT-112..115

  /// Who sent it, for telling one supplier's invoice 12 from another's: the VAT number, else
  /// the SIREN, else the legal id, else the name in upper case.
  std::string supplier_key() const;
};

/// Makes a bill of the XML module's fields. Throws invalid_input naming `source`, the line,
/// the business term and what the file should have, for a missing mandatory term (BT-1, BT-2,
/// BT-3, BT-5, the seller's name, the totals, a line, a VAT breakdown), a date or an amount
/// that cannot be read, or an amount with more decimals than its currency has.
Bill read_bill(const std::vector<EinvoiceField>& fields, std::string_view source);

struct BillFinding {
  std::string rule;     ///< the EN 16931 rule, e.g. BR-CO-15
  std::string message;  ///< what does not add up, with the figures
  bool error = true;    ///< false: a warning (indie records the bill)
};

/// The arithmetic EN 16931 requires, as its official rules check it: line total, allowances
/// and charges, tax basis, VAT per category and rate (within the rules' tolerance of one unit,
/// a warning beyond the exact rounding), VAT total, grand total, amount due.
std::vector<BillFinding> check_bill(const Bill& bill);

}  // namespace indie

namespace indie {

/// Why the bill is not addressed to the business whose SIREN and VAT number are given, or ""
/// when it is (or when either side names no identifier to compare).
std::string addressed_elsewhere(const Bill& bill, std::string_view siren,
                                std::string_view vat_number);

/// The part of the bill's VAT (BT-110) that a payment of `amount` carries after `paid_before`
/// was paid, in proportion to the amount due: the shares of successive payments add up to the
/// VAT exactly, as each is the difference of two roundings of the running total.
std::int64_t vat_share(const Bill& bill, std::int64_t paid_before, std::int64_t amount);

/// The VAT share of a payment (as vat_share) in `account_currency`: the bill's own VAT when the
/// account is in the bill's currency, its VAT in the tax currency (BT-111, e.g. the EUR VAT of a
/// USD invoice) when the account is in that one; nothing when neither.
std::optional<std::int64_t> vat_share_in(const Bill& bill, std::string_view account_currency,
                                         std::int64_t paid_before, std::int64_t amount);

/// The bill's VAT rate when it has a single one of category S ("20"), else "".
std::string single_vat_rate(const Bill& bill);

}  // namespace indie
