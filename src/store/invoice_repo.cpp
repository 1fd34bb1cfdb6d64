#include "indie/store/invoice_repo.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"
#include "statement.hpp"

namespace indie {
namespace {


constexpr std::string_view kColumns =
    "i.id, i.kind, i.client_id, c.handle, i.currency, i.language, i.state, i.number, i.series, i.seq, "
    "i.issue_date, i.due_date, i.period_from, i.period_to, i.po_number, i.notes, i.credited_id, i.reason, "
    "i.releases_time, i.vat_category, i.net_minor, i.vat_minor, i.gross_minor, i.eur_rate, i.eur_rate_date, "
    "i.eur_rate_source, i.vat_eur_minor, i.seller, i.buyer, i.mentions, i.created_at";

std::optional<Date> date_or_none(const Statement& q, int col) {
  if (q.is_null(col)) return std::nullopt;
  const std::string_view t = q.text(col);
  // Stored dates are always ISO; parse_date only needs a "today" for words.
  return parse_date(t, Date{});
}

std::optional<std::string> text_or_none(const Statement& q, int col) {
  if (q.is_null(col)) return std::nullopt;
  return std::string(q.text(col));
}

std::optional<std::string> date_text(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return format_date(*d);
}

void read_invoice(const Statement& q, Invoice& i) {
  i.id = q.integer(0);
  i.kind = q.text(1) == "credit-note" ? InvoiceKind::credit_note : InvoiceKind::invoice;
  i.client_id = q.integer(2);
  i.client_handle = q.text(3);
  i.currency = q.text(4);
  i.language = parse_language(q.text(5));
  i.issued = q.text(6) == "issued";
  i.number = text_or_none(q, 7);
  i.series = q.text(8);
  i.seq = q.integer(9);
  i.issue_date = date_or_none(q, 10);
  i.due_date = date_or_none(q, 11);
  i.period = {date_or_none(q, 12), date_or_none(q, 13)};
  i.po_number = q.text(14);
  i.notes = q.text(15);
  if (q.is_null(16)) i.credited_id.reset();
  else i.credited_id = q.integer(16);
  i.reason = q.text(17);
  i.releases_time = q.integer(18) != 0;
  i.vat_category = q.text(19);
  i.net_minor = q.integer(20);
  i.vat_minor = q.integer(21);
  i.gross_minor = q.integer(22);
  i.eur_rate = q.text(23);
  i.eur_rate_date = q.text(24);
  i.eur_rate_source = q.text(25);
  if (q.is_null(26)) i.vat_eur_minor.reset();
  else i.vat_eur_minor = q.integer(26);
  i.seller = q.text(27);
  i.buyer = q.text(28);
  i.mentions.clear();
  if (!q.is_null(29)) {
    for (const auto& m : nlohmann::json::parse(q.text(29))) i.mentions.push_back(m.get<std::string>());
  }
  i.created_at = q.text(30);
}

// Binds every column but id as ?1..?30, in kColumns order without c.handle.
void bind_invoice(Statement& q, const Invoice& i) {
  const auto opt = [](const std::string& s) { return s.empty() ? std::optional<std::string>() : std::optional<std::string>(s); };
  q.bind(1, to_string(i.kind)).bind(2, i.client_id).bind(3, i.currency).bind(4, to_string(i.language));
  q.bind(5, std::string_view(i.issued ? "issued" : "draft")).bind(6, i.number).bind(7, opt(i.series));
  q.bind(8, i.seq > 0 ? std::optional<std::int64_t>(i.seq) : std::nullopt);
  q.bind(9, date_text(i.issue_date)).bind(10, date_text(i.due_date));
  q.bind(11, date_text(i.period.from)).bind(12, date_text(i.period.to));
  q.bind(13, i.po_number).bind(14, i.notes).bind(15, i.credited_id).bind(16, i.reason);
  q.bind(17, std::int64_t{i.releases_time ? 1 : 0}).bind(18, i.vat_category);
  q.bind(19, i.net_minor).bind(20, i.vat_minor).bind(21, i.gross_minor);
  q.bind(22, opt(i.eur_rate)).bind(23, opt(i.eur_rate_date)).bind(24, opt(i.eur_rate_source)).bind(25, i.vat_eur_minor);
  q.bind(26, opt(i.seller)).bind(27, opt(i.buyer));
  if (i.mentions.empty() && !i.issued) {
    q.bind(28, std::optional<std::string>());
  } else {
    q.bind(28, nlohmann::json(i.mentions).dump());
  }
  q.bind(29, i.created_at);
}

constexpr std::string_view kLineColumns =
    "l.id, l.position, l.description, l.quantity, l.unit, l.unit_price, l.vat_rate, l.discount, l.period_from, "
    "l.period_to, l.project_id, l.credits_line_id, (SELECT count(*) FROM invoice_line_time t WHERE t.line_id = l.id)";

void bind_line(Statement& q, const InvoiceLine& l, std::int64_t net_minor) {
  q.bind(2, std::int64_t{l.position}).bind(3, l.description).bind(4, l.quantity.normalized().to_string());
  q.bind(5, l.unit).bind(6, l.unit_price.normalized().to_string()).bind(7, l.vat_rate.normalized().to_string());
  q.bind(8, l.discount.normalized().to_string()).bind(9, date_text(l.period.from)).bind(10, date_text(l.period.to));
  q.bind(11, l.project_id).bind(12, l.credits_line_id).bind(13, net_minor);
}

}  // namespace

InvoiceRepo::InvoiceRepo(Store& store) : store_(store) {}
InvoiceRepo::~InvoiceRepo() = default;

std::int64_t InvoiceRepo::insert(const Invoice& i) {
  Statement q(handle(store_),
              "INSERT INTO invoice (kind, client_id, currency, language, state, number, series, seq, issue_date, "
              "due_date, period_from, period_to, po_number, notes, credited_id, reason, releases_time, vat_category, "
              "net_minor, vat_minor, gross_minor, eur_rate, eur_rate_date, eur_rate_source, vat_eur_minor, seller, "
              "buyer, mentions, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
              "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)");
  bind_invoice(q, i);
  q.run();
  return last_insert_id(store_);
}

void InvoiceRepo::update(const Invoice& i) {
  Statement q(handle(store_),
              "UPDATE invoice SET kind = ?1, client_id = ?2, currency = ?3, language = ?4, state = ?5, number = ?6, "
              "series = ?7, seq = ?8, issue_date = ?9, due_date = ?10, period_from = ?11, period_to = ?12, "
              "po_number = ?13, notes = ?14, credited_id = ?15, reason = ?16, releases_time = ?17, vat_category = ?18, "
              "net_minor = ?19, vat_minor = ?20, gross_minor = ?21, eur_rate = ?22, eur_rate_date = ?23, "
              "eur_rate_source = ?24, vat_eur_minor = ?25, seller = ?26, buyer = ?27, mentions = ?28, created_at = ?29 "
              "WHERE id = ?30");
  bind_invoice(q, i);
  q.bind(30, i.id);
  q.run();
}

void InvoiceRepo::remove_draft(std::int64_t id) {
  sqlite3* db = handle(store_);
  Statement release(db, "UPDATE time_entry SET invoice_id = NULL WHERE invoice_id = ?1 AND invoice_number IS NULL");
  release.bind(1, id).run();
  Statement links(db, "DELETE FROM invoice_line_time WHERE line_id IN (SELECT id FROM invoice_line WHERE invoice_id = ?1)");
  links.bind(1, id).run();
  Statement lines(db, "DELETE FROM invoice_line WHERE invoice_id = ?1");
  lines.bind(1, id).run();
  Statement inv(db, "DELETE FROM invoice WHERE id = ?1");
  inv.bind(1, id).run();
}

std::optional<Invoice> InvoiceRepo::find(std::int64_t id) {
  Statement q(handle(store_),
              fmt::format("SELECT {} FROM invoice i JOIN client c ON c.id = i.client_id WHERE i.id = ?1", kColumns));
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  Invoice i;
  read_invoice(q, i);
  return i;
}

std::optional<Invoice> InvoiceRepo::find_number(std::string_view number) {
  Statement q(handle(store_),
              fmt::format("SELECT {} FROM invoice i JOIN client c ON c.id = i.client_id WHERE i.number = ?1 COLLATE NOCASE",
                          kColumns));
  q.bind(1, number);
  if (!q.step()) return std::nullopt;
  Invoice i;
  read_invoice(q, i);
  return i;
}

Invoice InvoiceRepo::get(std::string_view ref) {
  const std::string_view r = trim(ref);
  std::int64_t id = 0;
  const auto [p, ec] = std::from_chars(r.data(), r.data() + r.size(), id);
  if (ec == std::errc() && p == r.data() + r.size() && id > 0) {
    if (auto i = find(id)) return *i;
    throw not_found(fmt::format("no invoice with id {}. List them with: indie invoice list", id));
  }
  if (auto i = find_number(r)) return *i;
  std::vector<std::string> numbers;
  Statement q(handle(store_), "SELECT number FROM invoice WHERE number IS NOT NULL");
  while (q.step()) numbers.emplace_back(q.text(0));
  throw not_found(fmt::format("no invoice numbered '{}'.{} List them with: indie invoice list", r, did_you_mean(r, numbers)));
}

std::vector<InvoiceLine> InvoiceRepo::lines(std::int64_t invoice_id) {
  Statement q(handle(store_),
              fmt::format("SELECT {} FROM invoice_line l WHERE l.invoice_id = ?1 ORDER BY l.position", kLineColumns));
  q.bind(1, invoice_id);
  std::vector<InvoiceLine> out;
  while (q.step()) {
    InvoiceLine l;
    l.id = q.integer(0);
    l.position = static_cast<int>(q.integer(1));
    l.description = q.text(2);
    l.quantity = Decimal::parse(q.text(3));
    l.unit = q.text(4);
    l.unit_price = Decimal::parse(q.text(5));
    l.vat_rate = Decimal::parse(q.text(6));
    l.discount = Decimal::parse(q.text(7));
    l.period = {date_or_none(q, 8), date_or_none(q, 9)};
    if (!q.is_null(10)) l.project_id = q.integer(10);
    if (!q.is_null(11)) l.credits_line_id = q.integer(11);
    l.entries = q.integer(12);
    out.push_back(std::move(l));
  }
  return out;
}

std::int64_t InvoiceRepo::insert_line(std::int64_t invoice_id, const InvoiceLine& l, std::int64_t net_minor) {
  Statement& q = reused(insert_line_, handle(store_),
                        "INSERT INTO invoice_line (invoice_id, position, description, quantity, unit, unit_price, "
                        "vat_rate, discount, period_from, period_to, project_id, credits_line_id, net_minor) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  q.bind(1, invoice_id);
  bind_line(q, l, net_minor);
  q.run();
  return last_insert_id(store_);
}

void InvoiceRepo::update_line(const InvoiceLine& l, std::int64_t net_minor) {
  Statement q(handle(store_),
              "UPDATE invoice_line SET position = ?2, description = ?3, quantity = ?4, unit = ?5, unit_price = ?6, "
              "vat_rate = ?7, discount = ?8, period_from = ?9, period_to = ?10, project_id = ?11, "
              "credits_line_id = ?12, net_minor = ?13 WHERE id = ?1");
  q.bind(1, l.id);
  bind_line(q, l, net_minor);
  q.run();
}

void InvoiceRepo::remove_line(std::int64_t invoice_id, const InvoiceLine& l) {
  sqlite3* db = handle(store_);
  Statement release(db,
                    "UPDATE time_entry SET invoice_id = NULL WHERE invoice_id = ?1 AND invoice_number IS NULL AND id IN "
                    "(SELECT entry_id FROM invoice_line_time WHERE line_id = ?2)");
  release.bind(1, invoice_id).bind(2, l.id).run();
  Statement links(db, "DELETE FROM invoice_line_time WHERE line_id = ?1");
  links.bind(1, l.id).run();
  Statement line(db, "DELETE FROM invoice_line WHERE id = ?1");
  line.bind(1, l.id).run();
  Statement renumber(db, "UPDATE invoice_line SET position = position - 1 WHERE invoice_id = ?1 AND position > ?2");
  renumber.bind(1, invoice_id).bind(2, std::int64_t{l.position}).run();
}

void InvoiceRepo::bill_entries(std::int64_t invoice_id, std::int64_t line_id, const std::vector<std::int64_t>& entries) {
  Statement& link = reused(link_, handle(store_), "INSERT INTO invoice_line_time (line_id, entry_id) VALUES (?1, ?2)");
  Statement& mark = reused(mark_, handle(store_), "UPDATE time_entry SET invoice_id = ?1 WHERE id = ?2");
  for (const auto entry : entries) {
    link.reset().bind(1, line_id).bind(2, entry).run();
    mark.reset().bind(1, invoice_id).bind(2, entry).run();
  }
}

std::vector<std::int64_t> InvoiceRepo::line_entries(std::int64_t line_id) {
  Statement q(handle(store_), "SELECT entry_id FROM invoice_line_time WHERE line_id = ?1 ORDER BY entry_id");
  q.bind(1, line_id);
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.integer(0));
  return out;
}

void InvoiceRepo::lock_entries(std::int64_t invoice_id, const std::string& number) {
  Statement q(handle(store_), "UPDATE time_entry SET invoice_number = ?2 WHERE invoice_id = ?1");
  q.bind(1, invoice_id).bind(2, number).run();
}

void InvoiceRepo::release_entries(std::int64_t invoice_id) {
  Statement q(handle(store_),
              "UPDATE time_entry SET invoice_id = NULL, invoice_number = NULL WHERE invoice_id = ?1");
  q.bind(1, invoice_id).run();
}

std::int64_t InvoiceRepo::next_seq(const std::string& series) {
  Statement q(handle(store_), "SELECT coalesce(max(seq), 0) + 1 FROM invoice WHERE series = ?1");
  q.bind(1, series);
  q.step();
  return q.integer(0);
}

std::optional<Date> InvoiceRepo::last_issue_date(const std::string& series) {
  Statement q(handle(store_), "SELECT max(issue_date) FROM invoice WHERE series = ?1 AND state = 'issued'");
  q.bind(1, series);
  if (!q.step()) return std::nullopt;
  return date_or_none(q, 0);
}

std::vector<Invoice> InvoiceRepo::credit_notes(std::int64_t invoice_id) {
  Statement q(handle(store_),
              fmt::format("SELECT {} FROM invoice i JOIN client c ON c.id = i.client_id "
                          "WHERE i.credited_id = ?1 AND i.state = 'issued' ORDER BY i.issue_date, i.id",
                          kColumns));
  q.bind(1, invoice_id);
  std::vector<Invoice> out;
  while (q.step()) {
    Invoice i;
    read_invoice(q, i);
    out.push_back(std::move(i));
  }
  return out;
}

std::int64_t InvoiceRepo::credited_minor(std::int64_t invoice_id) {
  Statement q(handle(store_),
              "SELECT coalesce(sum(gross_minor), 0) FROM invoice WHERE credited_id = ?1 AND state = 'issued'");
  q.bind(1, invoice_id);
  q.step();
  return q.integer(0);
}

std::int64_t InvoiceRepo::paid_minor(std::int64_t invoice_id) {
  Statement q(handle(store_), "SELECT coalesce(sum(amount_minor), 0) FROM payment WHERE invoice_id = ?1");
  q.bind(1, invoice_id);
  q.step();
  return q.integer(0);
}

std::int64_t InvoiceRepo::insert_payment(const Payment& p) {
  Statement q(handle(store_),
              "INSERT INTO payment (invoice_id, date, amount_minor, method, account, received_minor, received_currency, "
              "rate, fx_gain_minor, fx_currency, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  const auto opt = [](const std::string& s) { return s.empty() ? std::optional<std::string>() : std::optional<std::string>(s); };
  q.bind(1, p.invoice_id).bind(2, format_date(p.date)).bind(3, p.amount_minor).bind(4, to_string(p.method));
  q.bind(5, opt(p.account)).bind(6, p.received_minor).bind(7, p.received_currency).bind(8, opt(p.rate));
  q.bind(9, p.fx_gain_minor).bind(10, opt(p.fx_currency)).bind(11, p.note).bind(12, p.created_at);
  q.run();
  return last_insert_id(store_);
}

std::vector<Payment> InvoiceRepo::payments(std::int64_t invoice_id) {
  Statement q(handle(store_),
              "SELECT id, invoice_id, date, amount_minor, method, coalesce(account, ''), received_minor, "
              "received_currency, coalesce(rate, ''), fx_gain_minor, coalesce(fx_currency, ''), note, created_at "
              "FROM payment WHERE invoice_id = ?1 ORDER BY date, id");
  q.bind(1, invoice_id);
  std::vector<Payment> out;
  while (q.step()) {
    Payment p;
    p.id = q.integer(0);
    p.invoice_id = q.integer(1);
    p.date = *date_or_none(q, 2);
    p.amount_minor = q.integer(3);
    p.method = parse_payment_method(q.text(4));
    p.account = q.text(5);
    p.received_minor = q.integer(6);
    p.received_currency = q.text(7);
    p.rate = q.text(8);
    if (!q.is_null(9)) p.fx_gain_minor = q.integer(9);
    p.fx_currency = q.text(10);
    p.note = q.text(11);
    p.created_at = q.text(12);
    out.push_back(std::move(p));
  }
  return out;
}

std::int64_t InvoiceRepo::received_eur_minor(Date from, Date to) {
  Statement q(handle(store_),
              "SELECT coalesce(sum(received_minor), 0) FROM payment WHERE received_currency = 'EUR' "
              "AND date BETWEEN ?1 AND ?2");
  q.bind(1, format_date(from)).bind(2, format_date(to));
  q.step();
  return q.integer(0);
}

void InvoiceRepo::for_each_listing(const InvoiceFilter& f, const std::function<void(const InvoiceListing&)>& fn) {
  // Credits and payments are few beside invoices: summed once into maps, they cost far less
  // than a join or a subquery per invoice (10,000 invoices: 12 ms of SQL down to 2).
  const auto sums = [&](const char* sql) {
    std::unordered_map<std::int64_t, std::int64_t> out;
    Statement q(handle(store_), sql);
    while (q.step()) out.emplace(q.integer(0), q.integer(1));
    return out;
  };
  const auto credited = sums("SELECT credited_id, sum(gross_minor) FROM invoice WHERE credited_id IS NOT NULL "
                             "AND state = 'issued' GROUP BY credited_id");
  const auto paid = sums("SELECT invoice_id, sum(amount_minor) FROM payment GROUP BY invoice_id");
  std::string sql =
      "SELECT i.id, i.kind, i.state, i.number, c.handle, i.currency, i.issue_date, i.due_date, i.net_minor, "
      "i.vat_minor, i.gross_minor, i.credited_id FROM invoice i JOIN client c ON c.id = i.client_id WHERE 1 = 1";
  if (f.client_id) sql += " AND i.client_id = ?1";
  if (f.from) sql += " AND coalesce(i.issue_date, substr(i.created_at, 1, 10)) >= ?2";
  if (f.to) sql += " AND coalesce(i.issue_date, substr(i.created_at, 1, 10)) <= ?3";
  if (f.kind) sql += " AND i.kind = ?4";
  sql += " ORDER BY i.state = 'draft', i.issue_date, i.seq, i.id";
  Statement q(handle(store_), sql);
  if (f.client_id) q.bind(1, *f.client_id);
  if (f.from) q.bind(2, format_date(*f.from));
  if (f.to) q.bind(3, format_date(*f.to));
  if (f.kind) q.bind(4, to_string(*f.kind));
  const auto sum_of = [](const auto& map, std::int64_t id) {
    const auto it = map.find(id);
    return it == map.end() ? 0 : it->second;
  };
  InvoiceListing row;
  while (q.step()) {
    row.id = q.integer(0);
    row.kind = q.text(1) == "credit-note" ? InvoiceKind::credit_note : InvoiceKind::invoice;
    row.issued = q.text(2) == "issued";
    row.number = q.text(3);
    row.client_handle = q.text(4);
    row.currency = q.text(5);
    row.issue_date = q.text(6);
    row.due_date = q.text(7);
    row.net_minor = q.integer(8);
    row.vat_minor = q.integer(9);
    row.gross_minor = q.integer(10);
    row.credited_id = q.is_null(11) ? std::nullopt : std::optional(q.integer(11));
    row.credited_minor = sum_of(credited, row.id);
    row.paid_minor = sum_of(paid, row.id);
    fn(row);
  }
}

std::vector<Receivable> InvoiceRepo::receivables(Date as_of) {
  Statement q(handle(store_),
              "SELECT c.handle, i.currency, i.due_date, i.gross_minor "
              "  - coalesce((SELECT sum(n.gross_minor) FROM invoice n WHERE n.credited_id = i.id AND n.state = 'issued' "
              "              AND n.issue_date <= ?1), 0) "
              "  - coalesce((SELECT sum(p.amount_minor) FROM payment p WHERE p.invoice_id = i.id AND p.date <= ?1), 0), "
              "  i.number, i.issue_date, i.eur_rate "
              "FROM invoice i JOIN client c ON c.id = i.client_id "
              "WHERE i.kind = 'invoice' AND i.state = 'issued' AND i.issue_date <= ?1 ORDER BY c.handle, i.currency");
  q.bind(1, format_date(as_of));
  std::vector<Receivable> out;
  while (q.step()) {
    if (q.integer(3) <= 0) continue;
    out.push_back({std::string(q.text(0)), std::string(q.text(1)), *date_or_none(q, 2), q.integer(3), std::string(q.text(4)),
                   *date_or_none(q, 5), std::string(q.text(6))});
  }
  return out;
}

std::vector<TimesheetEntry> InvoiceRepo::billed_time(std::int64_t invoice_id) {
  Statement q(handle(store_),
              "SELECT e.start_utc, e.end_utc, p.name, e.note FROM invoice_line l "
              "JOIN invoice_line_time lt ON lt.line_id = l.id JOIN time_entry e ON e.id = lt.entry_id "
              "JOIN project p ON p.id = e.project_id "
              "WHERE l.invoice_id = ?1 AND e.end_utc IS NOT NULL ORDER BY e.start_utc, e.id");
  q.bind(1, invoice_id);
  std::vector<TimesheetEntry> out;
  while (q.step())
    out.push_back({Instant{std::chrono::seconds(q.integer(0))}, Instant{std::chrono::seconds(q.integer(1))},
                   std::string(q.text(2)), std::string(q.text(3))});
  return out;
}

std::vector<SettledPayment> InvoiceRepo::payments(Date from, Date to) {
  Statement q(handle(store_),
              "SELECT p.date, i.number, c.handle, i.currency, i.issue_date, i.eur_rate, p.amount_minor, p.received_minor, "
              "  p.received_currency "
              "FROM payment p JOIN invoice i ON i.id = p.invoice_id JOIN client c ON c.id = i.client_id "
              "WHERE p.date BETWEEN ?1 AND ?2 ORDER BY p.date, p.id");
  q.bind(1, format_date(from));
  q.bind(2, format_date(to));
  std::vector<SettledPayment> out;
  while (q.step()) {
    out.push_back({*date_or_none(q, 0), std::string(q.text(1)), std::string(q.text(2)), std::string(q.text(3)),
                   *date_or_none(q, 4), std::string(q.text(5)), q.integer(6), q.integer(7), std::string(q.text(8))});
  }
  return out;
}

}  // namespace indie
