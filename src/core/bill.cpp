#include "indie/core/bill.hpp"

#include <fmt/format.h>

#include <map>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/identifiers.hpp"
#include "indie/core/rounding.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

// What each business term is, for errors a person can act on.
std::string_view term_name(std::string_view key) {
  static const std::map<std::string_view, std::string_view> names = {
      {"BT-1", "invoice number"},
      {"BT-2", "issue date"},
      {"BT-3", "type code"},
      {"BT-5", "currency"},
      {"BT-9", "due date"},
      {"BT-27", "seller's name"},
      {"BT-106", "sum of the lines"},
      {"BT-107", "sum of allowances"},
      {"BT-108", "sum of charges"},
      {"BT-109", "total without VAT"},
      {"BT-110", "VAT total"},
      {"BT-112", "total with VAT"},
      {"BT-113", "amount paid"},
      {"BT-114", "rounding amount"},
      {"BT-115", "amount due"},
      {"BT-116", "VAT basis"},
      {"BT-117", "VAT amount"},
      {"BT-118", "VAT category"},
      {"BT-119", "VAT rate"},
      {"BT-126", "line id"},
      {"BT-129", "quantity"},
      {"BT-131", "line amount"},
      {"BT-151", "line's VAT category"},
      {"BT-152", "line's VAT rate"},
  };
  const auto it = names.find(key);
  return it == names.end() ? std::string_view() : it->second;
}

std::string described(std::string_view key) {
  const std::string_view name = term_name(key);
  return name.empty() ? std::string(key) : fmt::format("{} ({})", key, name);
}

class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  Error fail(long line, const std::string& what) const {
    return invalid_input(line > 0 ? fmt::format("{}:{}: {}", source_, line, what)
                                  : fmt::format("{}: {}", source_, what));
  }

  std::int64_t amount(const EinvoiceField& f, const Currency& cur) const {
    Decimal d;
    try {
      d = Decimal::parse(f.value);
    } catch (const Error&) {
      throw fail(f.line, fmt::format("{} '{}' is not an amount such as 1234.56", described(f.key),
                                     f.value));
    }
    if (d.rounded(cur.minor_units) != d)
      throw fail(f.line, fmt::format("{} '{}' has more decimals than {} has ({})", described(f.key),
                                     f.value, cur.code, cur.minor_units));
    return Money::from_decimal(d, cur).minor();
  }

  Decimal number(const EinvoiceField& f) const {
    try {
      return Decimal::parse(f.value);
    } catch (const Error&) {
      throw fail(f.line, fmt::format("{} '{}' is not a number", described(f.key), f.value));
    }
  }

  // CII writes dates in format 102 (YYYYMMDD), UBL as xs:date (YYYY-MM-DD).
  Date date(const EinvoiceField& f) const {
    std::string text = f.value;
    const bool digits8 =
        text.size() == 8 && text.find_first_not_of("0123456789") == std::string::npos;
    if (digits8) text = text.substr(0, 4) + '-' + text.substr(4, 2) + '-' + text.substr(6, 2);
    const bool iso = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                     text.find_first_not_of("0123456789-") == std::string::npos;
    if (!iso || (!f.attribute.empty() && f.attribute != "102"))
      throw fail(f.line,
                 fmt::format("{} '{}' is not a date indie reads (YYYYMMDD in format 102, or "
                             "YYYY-MM-DD)",
                             described(f.key), f.value));
    try {
      return parse_date(text, Date{});
    } catch (const Error&) {
      throw fail(f.line, fmt::format("{} '{}' is not a real date", described(f.key), f.value));
    }
  }

 private:
  std::string_view source_;
};

bool is_credit_note_code(std::string_view code) {
  // UNTDID 1001 codes of credit notes that EN 16931 allows (BR-CL-01).
  return code == "381" || code == "261" || code == "262" || code == "296" || code == "308" ||
         code == "396" || code == "420" || code == "458" || code == "532";
}

std::string rate_key(const std::string& category, const Decimal& rate) {
  return category + ' ' + rate.normalized().to_string();
}

}  // namespace

std::string BillParty::siren() const {
  if (legal_scheme == "0002") {
    try {
      return normalize_siren(legal_id);
    } catch (const Error&) {
    }
  }
  if (vat_id.size() == 13 && vat_id.starts_with("FR")) {
    try {
      return normalize_siren(vat_id.substr(4));
    } catch (const Error&) {
    }
  }
  return {};
}

std::string Bill::supplier_key() const {
  if (!seller.vat_id.empty()) return "vat:" + seller.vat_id;
  if (const std::string s = seller.siren(); !s.empty()) return "siren:" + s;
  if (!seller.legal_id.empty()) return "id:" + seller.legal_scheme + ':' + seller.legal_id;
  return "name:" + to_upper(seller.name);
}

Bill read_bill(const std::vector<EinvoiceField>& fields, std::string_view source) {
  const Reader r(source);
  Bill b;
  long root_line = fields.empty() ? 0 : fields.front().line;
  // The currency first: every amount is read in it.
  const Currency* cur = nullptr;
  for (const auto& f : fields) {
    if (f.key == "BT-5" && cur == nullptr) {
      cur = find_currency(f.value);
      if (cur == nullptr)
        throw r.fail(f.line,
                     fmt::format("BT-5 (currency) '{}' is not an ISO 4217 currency code", f.value));
      b.currency = std::string(cur->code);
    }
  }
  if (cur == nullptr)
    throw r.fail(root_line,
                 "the invoice has no currency (BT-5, InvoiceCurrencyCode or "
                 "DocumentCurrencyCode): it is not an EN 16931 invoice");

  enum class Group { document, line, vat, allowance_charge } group = Group::document;
  std::map<std::string, long> seen;
  std::vector<EinvoiceField> tax_totals;
  std::string seller_trading_name, buyer_trading_name;
  for (const auto& f : fields) {
    if (f.key == "syntax") {
      b.syntax = f.value;
      continue;
    }
    if (f.key == "line") {
      group = Group::line;
      b.lines.emplace_back();
      continue;
    }
    if (f.key == "vat") {
      group = Group::vat;
      b.vat.emplace_back();
      continue;
    }
    if (f.key == "allowance-charge") {
      group = Group::allowance_charge;
      b.allowances_charges.emplace_back();
      continue;
    }
    if (group == Group::line) {
      BillLine& l = b.lines.back();
      if (f.key == "BT-126") l.id = f.value;
      if (f.key == "BT-153") l.name = f.value;
      if (f.key == "BT-129") l.quantity = r.number(f), l.unit = f.attribute;
      if (f.key == "BT-131") l.net_minor = r.amount(f, *cur);
      if (f.key == "BT-151") l.category = f.value;
      if (f.key == "BT-152") l.rate = r.number(f);
      continue;
    }
    if (group == Group::vat) {
      BillVat& v = b.vat.back();
      if (f.key == "BT-116") v.basis_minor = r.amount(f, *cur);
      if (f.key == "BT-117") v.vat_minor = r.amount(f, *cur);
      if (f.key == "BT-118") v.category = f.value;
      if (f.key == "BT-119") v.rate = r.number(f);
      if (f.key == "BT-120" || (f.key == "BT-121" && v.exemption.empty())) v.exemption = f.value;
      continue;
    }
    if (group == Group::allowance_charge) {
      BillAllowanceCharge& a = b.allowances_charges.back();
      if (f.key == "charge") a.charge = f.value == "true";
      if (f.key == "amount") a.amount_minor = r.amount(f, *cur);
      if (f.key == "category") a.category = f.value;
      if (f.key == "rate") a.rate = r.number(f);
      continue;
    }
    seen.emplace(f.key, f.line);
    if (f.key == "BT-24") b.specification = f.value;
    if (f.key == "BT-1") b.number = f.value;
    if (f.key == "BT-3") b.type_code = f.value;
    if (f.key == "BT-2") b.issue_date = r.date(f);
    if (f.key == "BT-9") b.due_date = r.date(f);
    if (f.key == "BT-6") b.tax_currency = f.value;
    if (f.key == "BT-25") b.preceding = f.value;
    if (f.key == "BT-27") b.seller.name = f.value;
    if (f.key == "BT-28") seller_trading_name = f.value;
    if (f.key == "BT-30") b.seller.legal_id = f.value, b.seller.legal_scheme = f.attribute;
    if (f.key == "BT-31") b.seller.vat_id = to_upper(f.value);
    if (f.key == "BT-40") b.seller.country = f.value;
    if (f.key == "BT-44") b.buyer.name = f.value;
    if (f.key == "BT-45") buyer_trading_name = f.value;
    if (f.key == "BT-47") b.buyer.legal_id = f.value, b.buyer.legal_scheme = f.attribute;
    if (f.key == "BT-48") b.buyer.vat_id = to_upper(f.value);
    if (f.key == "BT-106") b.line_total = r.amount(f, *cur);
    if (f.key == "BT-107") b.allowance_total = r.amount(f, *cur);
    if (f.key == "BT-108") b.charge_total = r.amount(f, *cur);
    if (f.key == "BT-109") b.tax_basis = r.amount(f, *cur);
    if (f.key == "BT-110") tax_totals.push_back(f);
    if (f.key == "BT-112") b.grand_total = r.amount(f, *cur);
    if (f.key == "BT-113") b.prepaid = r.amount(f, *cur);
    if (f.key == "BT-114") b.rounding = r.amount(f, *cur);
    if (f.key == "BT-115") b.payable = r.amount(f, *cur);
  }
  if (b.seller.name.empty()) b.seller.name = seller_trading_name;
  if (b.buyer.name.empty()) b.buyer.name = buyer_trading_name;

  const auto require = [&](std::string_view key, bool present, std::string_view where) {
    if (!present)
      throw r.fail(root_line, fmt::format("the invoice has no {} ({}): every EN 16931 invoice "
                                          "has one; ask the supplier for a corrected file",
                                          described(key), where));
  };
  require("BT-1", !b.number.empty(), b.syntax == "UBL" ? "cbc:ID" : "ram:ID of the document");
  require("BT-2", seen.contains("BT-2"), "the issue date");
  require("BT-3", !b.type_code.empty(), "the type code, 380 for an invoice");
  require("BT-27", !b.seller.name.empty(), "the seller's name");
  require("BT-106", seen.contains("BT-106"), "the monetary totals");
  require("BT-109", seen.contains("BT-109"), "the monetary totals");
  require("BT-112", seen.contains("BT-112"), "the monetary totals");
  require("BT-115", seen.contains("BT-115"), "the monetary totals");
  if (b.lines.empty())
    throw r.fail(root_line, "the invoice has no line (BG-25): EN 16931 requires at least one");
  if (b.vat.empty())
    throw r.fail(root_line,
                 "the invoice has no VAT breakdown (BG-23): EN 16931 requires one per VAT "
                 "category and rate, even at 0 %");
  b.credit_note = is_credit_note_code(b.type_code);
  if (b.tax_currency == b.currency) b.tax_currency.clear();

  // BT-110 is the VAT total in the invoice's currency; BT-111 the same in the tax currency.
  for (const auto& f : tax_totals) {
    if (f.attribute.empty() || f.attribute == b.currency) {
      b.tax_total = r.amount(f, *cur);
    } else if (f.attribute == b.tax_currency) {
      const Currency* tax = find_currency(b.tax_currency);
      if (tax == nullptr)
        throw r.fail(f.line, fmt::format("BT-6 (VAT currency) '{}' is not an ISO 4217 code",
                                         b.tax_currency));
      b.tax_total_accounting = r.amount(f, *tax);
    } else {
      throw r.fail(f.line, fmt::format("a VAT total is in {}, neither the invoice's currency "
                                       "({}) nor its VAT currency (BT-6)",
                                       f.attribute, b.currency));
    }
  }
  for (std::size_t i = 0; i < b.lines.size(); ++i)
    if (b.lines[i].category.empty())
      throw r.fail(root_line,
                   fmt::format("line {} has no VAT category (BT-151)",
                               b.lines[i].id.empty() ? std::to_string(i + 1) : b.lines[i].id));
  return b;
}

std::vector<BillFinding> check_bill(const Bill& b) {
  std::vector<BillFinding> out;
  const Currency& cur = currency(b.currency, true);
  const auto money = [&](std::int64_t minor) { return Money(minor, cur).to_string(); };
  const auto expect = [&](std::string_view rule, std::string_view what, std::int64_t stated,
                          std::int64_t computed, std::string_view how) {
    if (stated != computed)
      out.push_back(
          {std::string(rule), fmt::format("{} is {} {}, but {} makes {} {}", what, money(stated),
                                          b.currency, how, money(computed), b.currency)});
  };

  std::int64_t lines = 0, allowances = 0, charges = 0;
  std::map<std::string, std::int64_t> basis_by_rate;
  for (const auto& l : b.lines) {
    lines += l.net_minor;
    basis_by_rate[rate_key(l.category, l.rate)] += l.net_minor;
  }
  for (const auto& a : b.allowances_charges) {
    (a.charge ? charges : allowances) += a.amount_minor;
    basis_by_rate[rate_key(a.category, a.rate)] += a.charge ? a.amount_minor : -a.amount_minor;
  }
  expect("BR-CO-10", "the sum of the lines (BT-106)", b.line_total, lines, "adding the lines");
  expect("BR-CO-11", "the sum of allowances (BT-107)", b.allowance_total, allowances,
         "adding the allowances");
  expect("BR-CO-12", "the sum of charges (BT-108)", b.charge_total, charges, "adding the charges");
  expect("BR-CO-13", "the total without VAT (BT-109)", b.tax_basis,
         b.line_total - b.allowance_total + b.charge_total, "lines - allowances + charges");

  std::int64_t vat_sum = 0;
  for (const auto& v : b.vat) {
    vat_sum += v.vat_minor;
    const std::string key = rate_key(v.category, v.rate);
    const std::string label = fmt::format("the VAT basis of category {} at {} %", v.category,
                                          v.rate.normalized().to_string());
    const auto it = basis_by_rate.find(key);
    expect(fmt::format("BR-{}-08", v.category), label, v.basis_minor,
           it == basis_by_rate.end() ? 0 : it->second,
           "the lines, allowances and charges of that category and rate");
    if (it != basis_by_rate.end()) basis_by_rate.erase(it);
    if (v.category != "S" && v.category != "L" && v.category != "M") {
      if (v.vat_minor != 0)
        out.push_back({fmt::format("BR-{}-09", v.category),
                       fmt::format("category {} carries no VAT, but its VAT amount is {} {}",
                                   v.category, money(v.vat_minor), b.currency)});
      continue;
    }
    // basis x rate / 100, rounded half up to the currency's unit. The official rules accept a
    // difference of up to one unit (1.00 EUR) either way; indie refuses beyond it and warns
    // between.
    const Decimal exact = Money(v.basis_minor, cur).amount() * v.rate;
    const std::int64_t computed =
        Money::from_decimal(Decimal(exact.mantissa(), exact.scale() + 2), cur).minor();
    const std::int64_t unit = cur.minor_units == 0   ? 1
                              : cur.minor_units == 2 ? 100
                              : cur.minor_units == 3 ? 1000
                                                     : 10;
    const std::int64_t diff =
        v.vat_minor > computed ? v.vat_minor - computed : computed - v.vat_minor;
    if (diff != 0)
      out.push_back({fmt::format("BR-{}-09", v.category),
                     fmt::format("the VAT of category {} at {} % is {} {}, but {} x {} % makes "
                                 "{} {}",
                                 v.category, v.rate.normalized().to_string(), money(v.vat_minor),
                                 b.currency, money(v.basis_minor), v.rate.normalized().to_string(),
                                 money(computed), b.currency),
                     diff >= unit});
  }
  for (const auto& [key, basis] : basis_by_rate)
    if (basis != 0)
      out.push_back({"BR-CO-18", fmt::format("lines of VAT category and rate {} ({} {}) have no "
                                             "row in the VAT breakdown",
                                             key, money(basis), b.currency)});
  expect("BR-CO-14", "the VAT total (BT-110)", b.tax_total, vat_sum, "adding the VAT breakdown");
  expect("BR-CO-15", "the total with VAT (BT-112)", b.grand_total, b.tax_basis + b.tax_total,
         "total without VAT + VAT");
  expect("BR-CO-16", "the amount due (BT-115)", b.payable, b.grand_total - b.prepaid + b.rounding,
         "total with VAT - paid + rounding");
  return out;
}

}  // namespace indie

namespace indie {

std::string addressed_elsewhere(const Bill& bill, std::string_view siren,
                                std::string_view vat_number) {
  const std::string buyer_siren = bill.buyer.siren();
  if (!siren.empty() && !buyer_siren.empty() && buyer_siren != siren)
    return fmt::format("it is addressed to {} (SIREN {}), and your SIREN is {}", bill.buyer.name,
                       buyer_siren, siren);
  if (!vat_number.empty() && !bill.buyer.vat_id.empty() && bill.buyer.vat_id != vat_number)
    return fmt::format("it is addressed to {} (VAT number {}), and yours is {}", bill.buyer.name,
                       bill.buyer.vat_id, vat_number);
  return {};
}

std::int64_t vat_share(const Bill& bill, std::int64_t paid_before, std::int64_t amount) {
  if (bill.payable <= 0) return 0;
  const auto share_of = [&](std::int64_t paid) {
    if (paid >= bill.payable) return bill.tax_total;
    // tax_total x paid / payable, rounded once by the default rule, through 128 bits.
    return static_cast<std::int64_t>(
        divide_rounded(static_cast<int128>(bill.tax_total) * paid, bill.payable, default_rounding));
  };
  return share_of(paid_before + amount) - share_of(paid_before);
}

std::optional<std::int64_t> vat_share_in(const Bill& bill, std::string_view account_currency,
                                         std::int64_t paid_before, std::int64_t amount) {
  if (account_currency == bill.currency) return vat_share(bill, paid_before, amount);
  if (!bill.tax_total_accounting || account_currency != bill.tax_currency) return std::nullopt;
  Bill in_tax_currency = bill;
  in_tax_currency.tax_total = *bill.tax_total_accounting;
  return vat_share(in_tax_currency, paid_before, amount);
}

std::string single_vat_rate(const Bill& bill) {
  std::string rate;
  for (const auto& v : bill.vat) {
    if (v.category != "S") return {};
    const std::string r = v.rate.normalized().to_string();
    if (!rate.empty() && rate != r) return {};
    rate = r;
  }
  return rate;
}

}  // namespace indie
