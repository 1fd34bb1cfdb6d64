#include "indie/store/books_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

#include "indie/core/currency.hpp"
#include "indie/core/invoice.hpp"
#include "statement.hpp"

namespace indie {
namespace {

constexpr std::string_view kPayments =
    "SELECT p.id, p.kind, p.date, p.method, p.amount_minor, i.currency, p.received_minor, "
    "p.received_currency, i.id, i.number, "
    "coalesce(json_extract(i.buyer, '$.name'), c.name), "
    "coalesce(json_extract(i.buyer, '$.vat_treatment'), c.vat_treatment) = 'consumer', "
    "i.vat_category IN ('AE', 'O'), "
    "(SELECT description FROM invoice_line WHERE invoice_id = i.id ORDER BY position LIMIT 1), "
    "(SELECT group_concat(number, ' ') FROM invoice WHERE credited_id = i.id "
    " AND state = 'issued' AND issue_date <= p.date), "
    "p.created_at "
    "FROM payment p JOIN invoice i ON i.id = p.invoice_id JOIN client c ON c.id = i.client_id "
    "WHERE p.date BETWEEN ?1 AND ?2";

// A sale recorded straight into an account: the account's kind says how it was paid when the
// transaction does not.
constexpr std::string_view kSales =
    "SELECT t.id, t.date, t.amount_minor, a.currency, t.payee, t.note, "
    "coalesce(t.method, CASE a.kind WHEN 'cash' THEN 'cash' WHEN 'card' THEN 'card' "
    "ELSE 'transfer' END), t.activity, coalesce(t.vat_minor, 0), coalesce(t.vat_rate, '0'), "
    "t.created_at FROM account_tx t JOIN account a ON a.id = t.account_id "
    "WHERE t.receipt = 1 AND t.date BETWEEN ?1 AND ?2";

// The lines of the invoices `ids_sql` selects (a subquery on ?1 and ?2), by invoice, with what
// their split needs, in one query: one per invoice cost a year's journal half its time. Lines
// issued before schema 13 have no activity: their project's, if it has one.
std::map<std::int64_t, std::vector<InvoiceLine>> lines_of(Store& store, std::string_view ids_sql,
                                                          Date from, Date to) {
  Statement q(store, fmt::format("SELECT l.invoice_id, l.position, l.description, l.quantity, "
                                 "l.unit_price, l.vat_rate, l.discount, l.vat_fixed, l.net_fixed, "
                                 "coalesce(l.activity, p.activity) FROM invoice_line l "
                                 "LEFT JOIN project p ON p.id = l.project_id "
                                 "WHERE l.invoice_id IN ({}) ORDER BY l.invoice_id, l.position",
                                 ids_sql));
  q.bind(1, format_date(from)).bind(2, format_date(to));
  std::map<std::int64_t, std::vector<InvoiceLine>> out;
  while (q.step()) {
    InvoiceLine l;
    l.position = static_cast<int>(q.integer(1));
    l.description = q.string(2);
    l.quantity = Decimal::parse(q.text(3));
    l.unit_price = Decimal::parse(q.text(4));
    l.vat_rate = Decimal::parse(q.text(5));
    l.discount = Decimal::parse(q.text(6));
    l.fixed_vat_minor = q.optional_integer(7);
    l.fixed_net_minor = q.optional_integer(8);
    if (!q.is_null(9)) l.activity = parse_activity(q.text(9));
    out[q.integer(0)].push_back(std::move(l));
  }
  return out;
}

}  // namespace

std::vector<ReceiptSource> BooksRepo::receipts(Date from, Date to, Activity business) {
  struct Keyed {
    ReceiptSource source;
    std::string created_at;
    std::int64_t invoice_id = 0;
  };
  std::vector<Keyed> rows;
  {
    Statement q(store_, kPayments);
    q.bind(1, format_date(from)).bind(2, format_date(to));
    while (q.step()) {
      Keyed k;
      ReceiptSource& s = k.source;
      s.id = q.integer(0);
      const std::string_view kind = q.text(1);
      s.kind = kind == "refund"     ? ReceiptKind::refund
               : kind == "reversal" ? ReceiptKind::reversal
                                    : ReceiptKind::payment;
      s.date = parse_date(q.text(2), Date{});
      s.method = q.string(3);
      s.amount_minor = q.integer(4);
      s.currency = q.string(5);
      s.received_minor = q.integer(6);
      s.received_currency = q.string(7);
      k.invoice_id = q.integer(8);
      s.invoice = q.optional_string(9).value_or("");
      s.client = q.string(10);
      s.consumer = q.integer(11) != 0;
      s.abroad = q.integer(12) != 0;
      s.object = q.optional_string(13).value_or("");
      if (s.kind == ReceiptKind::refund) s.credit_notes = q.optional_string(14).value_or("");
      k.created_at = q.string(15);
      rows.push_back(std::move(k));
    }
  }
  // Each invoice's split, read once however many payments it has.
  std::map<std::int64_t, std::vector<SaleShare>> shares;
  {
    auto lines =
        lines_of(store_, "SELECT invoice_id FROM payment WHERE date BETWEEN ?1 AND ?2", from, to);
    for (const auto& k : rows) {
      if (shares.contains(k.invoice_id)) continue;
      shares.emplace(k.invoice_id,
                     sale_shares(lines[k.invoice_id], currency(k.source.currency, true), business,
                                 k.source.invoice));
    }
  }
  for (auto& k : rows) k.source.shares = shares[k.invoice_id];
  {
    Statement q(store_, kSales);
    q.bind(1, format_date(from)).bind(2, format_date(to));
    while (q.step()) {
      Keyed k;
      ReceiptSource& s = k.source;
      s.kind = ReceiptKind::sale;
      s.id = q.integer(0);
      s.date = parse_date(q.text(1), Date{});
      s.amount_minor = s.received_minor = q.integer(2);
      s.currency = s.received_currency = q.string(3);
      s.client = q.string(4);
      s.object = q.string(5);
      s.method = q.string(6);
      s.consumer = true;  // a sale without an invoice: over the counter
      const Activity a = resolve_activity(
          q.is_null(7) ? std::nullopt : std::optional(parse_activity(q.text(7))), std::nullopt,
          business, fmt::format("account transaction {} (a receipt)", s.id));
      const std::int64_t vat = q.integer(8);
      s.shares.push_back({a, Decimal::parse(q.text(9)), s.amount_minor - vat, vat});
      k.created_at = q.string(10);
      rows.push_back(std::move(k));
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Keyed& a, const Keyed& b) {
    if (a.source.date != b.source.date) return a.source.date < b.source.date;
    return a.created_at < b.created_at;
  });
  std::vector<ReceiptSource> out;
  out.reserve(rows.size());
  for (auto& k : rows) out.push_back(std::move(k.source));
  return out;
}

std::vector<DesDocument> BooksRepo::des_documents(Date from, Date to) {
  Statement q(store_,
              "SELECT i.kind, i.number, i.currency, i.eur_rate, "
              "coalesce(json_extract(i.buyer, '$.vat_number'), c.vat_number), "
              "coalesce(json_extract(i.buyer, '$.country'), c.country), "
              "coalesce(json_extract(i.buyer, '$.name'), c.name), "
              "(SELECT coalesce(sum(net_minor), 0) FROM invoice_line l WHERE l.invoice_id = i.id "
              " AND coalesce(l.activity, '') <> 'bic-sales') "
              "FROM invoice i JOIN client c ON c.id = i.client_id "
              "WHERE i.state = 'issued' AND i.vat_category = 'AE' "
              "AND i.issue_date BETWEEN ?1 AND ?2 ORDER BY i.issue_date, i.kind, i.seq");
  q.bind(1, format_date(from)).bind(2, format_date(to));
  std::vector<DesDocument> out;
  while (q.step()) {
    DesDocument d;
    const bool credit = q.text(0) == "credit-note";
    d.number = q.string(1);
    const Currency& cur = currency(q.text(2), true);
    Money net(q.integer(7), cur);
    // A foreign-currency invoice is declared at the rate it was issued with (its VAT date's).
    if (cur.code != "EUR") net = to_eur(net, Decimal::parse(q.text(3)));
    d.services_cents = credit ? -net.minor() : net.minor();
    d.vat_number = q.string(4);
    d.country = q.string(5);
    d.client = q.string(6);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<ExpenseSource> BooksRepo::expenses(Date from, Date to) {
  // A transfer's fee (origin fee) is an expense; its legs are not.
  Statement q(store_,
              "SELECT t.id, t.date, a.name, a.kind, a.currency, -t.amount_minor, t.payee, "
              "t.category, t.note, coalesce(t.vat_rate, ''), -coalesce(t.vat_minor, 0) "
              // Account by account, each through its register index (account_id, date): a
              // plain join scanned all 100,000 transactions of ten years for one year's
              // (bench/books.sh: 122 ms, now 40).
              "FROM account a CROSS JOIN account_tx t ON t.account_id = a.id "
              "WHERE t.amount_minor < 0 AND t.origin IN ('manual', 'import', 'fee') "
              "AND t.receipt = 0 AND t.date BETWEEN ?1 AND ?2");
  q.bind(1, format_date(from)).bind(2, format_date(to));
  std::vector<ExpenseSource> out;
  while (q.step()) {
    ExpenseSource e;
    e.id = q.integer(0);
    e.date = parse_date(q.text(1), Date{});
    e.account = q.string(2);
    e.account_kind = q.string(3);
    e.currency = q.string(4);
    e.amount_minor = q.integer(5);
    e.supplier = q.string(6);
    e.category = q.string(7);
    e.note = q.string(8);
    e.vat_rate = q.string(9);
    e.vat_minor = q.integer(10);
    out.push_back(std::move(e));
  }
  // In date order: sorted here, cheaper than SQLite's sorter on rows this wide.
  std::sort(out.begin(), out.end(), [](const ExpenseSource& a, const ExpenseSource& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  return out;
}

std::vector<IssuedShares> BooksRepo::issued_shares(Date from, Date to, Activity business) {
  Statement q(
      store_,
      "SELECT id, kind, number, currency, coalesce(eur_rate, ''), vat_category FROM invoice "
      "WHERE state = 'issued' AND issue_date BETWEEN ?1 AND ?2 ORDER BY issue_date, seq");
  q.bind(1, format_date(from)).bind(2, format_date(to));
  struct Row {
    std::int64_t id;
    bool credit;
    IssuedShares doc;
    std::string currency, eur_rate;
  };
  std::vector<Row> rows;
  while (q.step()) {
    Row r{q.integer(0), q.text(1) == "credit-note", {}, q.string(3), q.string(4)};
    r.doc.number = q.string(2);
    const std::string_view category = q.text(5);
    r.doc.taxable_in_france = category != "AE" && category != "O";
    rows.push_back(std::move(r));
  }
  auto lines = lines_of(store_,
                        "SELECT id FROM invoice WHERE state = 'issued' AND issue_date BETWEEN ?1 "
                        "AND ?2",
                        from, to);
  std::vector<IssuedShares> out;
  for (auto& r : rows) {
    const Currency& cur = currency(r.currency, true);
    r.doc.shares = sale_shares(lines[r.id], cur, business, r.doc.number);
    for (auto& s : r.doc.shares) {
      if (cur.code != "EUR") {
        const Decimal rate = Decimal::parse(r.eur_rate);
        s.net_minor = to_eur(Money(s.net_minor, cur), rate).minor();
        s.vat_minor = to_eur(Money(s.vat_minor, cur), rate).minor();
      }
      if (r.credit) {
        s.net_minor = -s.net_minor;
        s.vat_minor = -s.vat_minor;
      }
    }
    out.push_back(std::move(r.doc));
  }
  return out;
}

}  // namespace indie
