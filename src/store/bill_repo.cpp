#include "indie/store/bill_repo.hpp"

#include <fmt/format.h>

#include "statement.hpp"

namespace indie {
namespace {

constexpr std::string_view kBillColumns =
    "b.id, b.supplier, b.supplier_siren, b.supplier_vat, b.supplier_country, b.buyer, "
    "b.buyer_siren, b.buyer_vat, b.number, b.kind, b.type_code, b.preceding, b.issue_date, "
    "b.due_date, b.currency, b.net_minor, b.vat_minor, b.total_minor, b.prepaid_minor, "
    "b.payable_minor, b.tax_currency, b.vat_accounting_minor, b.syntax, b.from_pdf, "
    "b.file_name, b.file_sha256, b.category, b.note, b.imported_at, "
    "(SELECT coalesce(sum(amount_minor), 0) FROM bill_payment WHERE bill_id = b.id)";

BillRecord read_record(const Statement& q) {
  BillRecord r;
  Bill& b = r.bill;
  r.id = q.integer(0);
  b.seller.name = q.string(1);
  // The SIREN is kept in scheme 0002, as EN 16931 names it.
  if (!q.text(2).empty()) b.seller.legal_id = q.string(2), b.seller.legal_scheme = "0002";
  b.seller.vat_id = q.string(3);
  b.seller.country = q.string(4);
  b.buyer.name = q.string(5);
  if (!q.text(6).empty()) b.buyer.legal_id = q.string(6), b.buyer.legal_scheme = "0002";
  b.buyer.vat_id = q.string(7);
  b.number = q.string(8);
  b.credit_note = q.text(9) == "credit-note";
  b.type_code = q.string(10);
  b.preceding = q.string(11);
  b.issue_date = parse_date(q.text(12), Date{});
  if (!q.is_null(13)) b.due_date = parse_date(q.text(13), Date{});
  b.currency = q.string(14);
  b.tax_basis = q.integer(15);
  b.tax_total = q.integer(16);
  b.grand_total = q.integer(17);
  b.prepaid = q.integer(18);
  b.payable = q.integer(19);
  b.tax_currency = q.string(20);
  b.tax_total_accounting = q.optional_integer(21);
  b.syntax = q.string(22);
  r.from_pdf = q.integer(23) != 0;
  r.file_name = q.string(24);
  r.file_sha256 = q.string(25);
  r.category = q.string(26);
  r.note = q.string(27);
  r.imported_at = q.string(28);
  r.paid_minor = q.integer(29);
  return r;
}

}  // namespace

std::optional<std::int64_t> BillRepo::find(std::string_view supplier_key, bool credit_note,
                                           std::string_view number) {
  Statement q(store_, "SELECT id FROM bill WHERE supplier_key = ?1 AND kind = ?2 AND number = ?3");
  q.bind(1, supplier_key).bind(2, credit_note ? "credit-note" : "invoice").bind(3, number);
  if (!q.step()) return std::nullopt;
  return q.integer(0);
}

std::int64_t BillRepo::insert(const Bill& b, const BillFileInfo& file, std::string_view category,
                              std::string_view note, std::string_view imported_at) {
  Statement q(store_,
              "INSERT INTO bill (supplier_key, supplier, supplier_siren, supplier_vat, "
              "supplier_country, buyer, buyer_siren, buyer_vat, number, kind, type_code, "
              "preceding, issue_date, due_date, currency, net_minor, vat_minor, total_minor, "
              "prepaid_minor, payable_minor, tax_currency, vat_accounting_minor, syntax, "
              "from_pdf, file_name, file_sha256, file, category, note, imported_at) VALUES "
              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
              "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)");
  q.bind(1, b.supplier_key())
      .bind(2, b.seller.name)
      .bind(3, b.seller.siren())
      .bind(4, b.seller.vat_id)
      .bind(5, b.seller.country)
      .bind(6, b.buyer.name)
      .bind(7, b.buyer.siren())
      .bind(8, b.buyer.vat_id)
      .bind(9, b.number)
      .bind(10, b.credit_note ? "credit-note" : "invoice")
      .bind(11, b.type_code)
      .bind(12, b.preceding)
      .bind(13, format_date(b.issue_date));
  if (b.due_date)
    q.bind(14, format_date(*b.due_date));
  else
    q.bind_null(14);
  q.bind(15, b.currency)
      .bind(16, b.tax_basis)
      .bind(17, b.tax_total)
      .bind(18, b.grand_total)
      .bind(19, b.prepaid)
      .bind(20, b.payable)
      .bind(21, b.tax_currency)
      .bind(22, b.tax_total_accounting)
      .bind(23, b.syntax)
      .bind(24, std::int64_t{file.from_pdf ? 1 : 0})
      .bind(25, file.name)
      .bind(26, file.sha256)
      .bind_blob(27, file.bytes)
      .bind(28, category)
      .bind(29, note)
      .bind(30, imported_at);
  q.run();
  const std::int64_t id = last_insert_id(store_);
  Statement line(store_,
                 "INSERT INTO bill_line (bill_id, position, line_id, name, quantity, unit, "
                 "net_minor, vat_category, vat_rate) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  std::int64_t position = 0;
  for (const auto& l : b.lines) {
    line.reset()
        .bind(1, id)
        .bind(2, ++position)
        .bind(3, l.id)
        .bind(4, l.name)
        .bind(5, l.quantity.to_string())
        .bind(6, l.unit)
        .bind(7, l.net_minor)
        .bind(8, l.category)
        .bind(9, l.rate.normalized().to_string())
        .run();
  }
  Statement vat(store_,
                "INSERT INTO bill_vat (bill_id, position, category, rate, basis_minor, vat_minor, "
                "exemption) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  position = 0;
  for (const auto& v : b.vat) {
    vat.reset()
        .bind(1, id)
        .bind(2, ++position)
        .bind(3, v.category)
        .bind(4, v.rate.normalized().to_string())
        .bind(5, v.basis_minor)
        .bind(6, v.vat_minor)
        .bind(7, v.exemption)
        .run();
  }
  return id;
}

std::vector<BillRecord> BillRepo::list(Date from, Date to) {
  Statement q(store_, fmt::format("SELECT {} FROM bill b WHERE b.issue_date BETWEEN ?1 AND ?2 "
                                  "ORDER BY b.issue_date, b.id",
                                  kBillColumns));
  q.bind(1, format_date(from)).bind(2, format_date(to));
  std::vector<BillRecord> out;
  while (q.step()) out.push_back(read_record(q));
  return out;
}

BillRecord BillRepo::get(std::int64_t id) {
  Statement q(store_, fmt::format("SELECT {} FROM bill b WHERE b.id = ?1", kBillColumns));
  q.bind(1, id);
  if (!q.step())
    throw not_found(fmt::format("no bill {}; indie bill list shows the bills imported", id));
  BillRecord r = read_record(q);
  Statement lines(store_,
                  "SELECT line_id, name, quantity, unit, net_minor, vat_category, vat_rate "
                  "FROM bill_line WHERE bill_id = ?1 ORDER BY position");
  lines.bind(1, id);
  while (lines.step()) {
    BillLine l;
    l.id = lines.string(0);
    l.name = lines.string(1);
    l.quantity = Decimal::parse(lines.text(2));
    l.unit = lines.string(3);
    l.net_minor = lines.integer(4);
    l.category = lines.string(5);
    l.rate = Decimal::parse(lines.text(6));
    r.bill.line_total += l.net_minor;
    r.bill.lines.push_back(std::move(l));
  }
  Statement vat(store_,
                "SELECT category, rate, basis_minor, vat_minor, exemption FROM bill_vat "
                "WHERE bill_id = ?1 ORDER BY position");
  vat.bind(1, id);
  while (vat.step()) {
    BillVat v;
    v.category = vat.string(0);
    v.rate = Decimal::parse(vat.text(1));
    v.basis_minor = vat.integer(2);
    v.vat_minor = vat.integer(3);
    v.exemption = vat.string(4);
    r.bill.vat.push_back(std::move(v));
  }
  return r;
}

std::string BillRepo::file(std::int64_t id) {
  Statement q(store_, "SELECT file FROM bill WHERE id = ?1");
  q.bind(1, id);
  if (!q.step()) throw not_found(fmt::format("no bill {}", id));
  return q.blob(0);
}

std::vector<BillPayment> BillRepo::payments(std::int64_t id) {
  Statement q(store_,
              "SELECT p.tx_id, a.name, t.date, p.amount_minor FROM bill_payment p "
              "JOIN account_tx t ON t.id = p.tx_id JOIN account a ON a.id = t.account_id "
              "WHERE p.bill_id = ?1 ORDER BY t.date, t.id");
  q.bind(1, id);
  std::vector<BillPayment> out;
  while (q.step())
    out.push_back({q.integer(0), q.string(1), parse_date(q.text(2), Date{}), q.integer(3)});
  return out;
}

void BillRepo::link_payment(std::int64_t bill_id, std::int64_t tx_id, std::int64_t amount_minor) {
  Statement taken(store_, "SELECT bill_id FROM bill_payment WHERE tx_id = ?1");
  taken.bind(1, tx_id);
  if (taken.step())
    throw conflict(fmt::format("transaction {} already pays bill {}; nothing was changed", tx_id,
                               taken.integer(0)));
  Statement q(store_,
              "INSERT INTO bill_payment (bill_id, tx_id, amount_minor) VALUES (?1, ?2, ?3)");
  q.bind(1, bill_id).bind(2, tx_id).bind(3, amount_minor).run();
}

void BillRepo::set_category(std::int64_t id, std::string_view category, std::string_view note) {
  Statement q(store_, "UPDATE bill SET category = ?2, note = ?3 WHERE id = ?1");
  q.bind(1, id).bind(2, category).bind(3, note).run();
}

void BillRepo::remove(std::int64_t id) {
  Statement q(store_, "DELETE FROM bill WHERE id = ?1");
  q.bind(1, id).run();
  if (changed_rows(store_) == 0) throw not_found(fmt::format("no bill {}", id));
}

}  // namespace indie
