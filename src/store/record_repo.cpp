#include "indie/store/record_repo.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include <map>
#include <utility>

#include "connection.hpp"
#include "indie/core/digest.hpp"
#include "indie/core/error.hpp"
#include "migrations.hpp"
#include "statement.hpp"

namespace indie {
namespace {

// The content of a sealed thing is its rows as SQLite's json_array() prints them, one per line,
// in a fixed order. The columns are named, not `*`: a column added by a later migration must not
// change the content of what was sealed before it (a new column is added here with a new
// version of the record, never to these lists).
// payment_terms (schema 11), then the deposit (schema 12), join the row only when set, so
// earlier seals keep their content.
#define INDIE_INVOICE_ROW_COLUMNS                                                               \
  "id, kind, client_id, currency, language, state, number, series, seq, issue_date, due_date, " \
  "period_from, period_to, po_number, notes, credited_id, reason, releases_time, "              \
  "vat_category, net_minor, vat_minor, gross_minor, eur_rate, eur_rate_date, "                  \
  "eur_rate_source, vat_eur_minor, seller, buyer, mentions, created_at"
constexpr std::string_view kInvoiceRow =
    "SELECT CASE WHEN payment_terms IS NULL AND deposit_minor IS NULL "
    "THEN json_array(" INDIE_INVOICE_ROW_COLUMNS
    ") "
    "WHEN deposit_minor IS NULL THEN json_array(" INDIE_INVOICE_ROW_COLUMNS
    ", payment_terms) "
    "ELSE json_array(" INDIE_INVOICE_ROW_COLUMNS
    ", payment_terms, deposit_minor, deposit_date) "
    "END, number, state FROM invoice WHERE id = ?";
#undef INDIE_INVOICE_ROW_COLUMNS
// vat_fixed and net_fixed (schema 8) join a line's content only when one is set, so what was
// sealed before them keeps its content, and a fixed VAT or total is sealed like the rest.
// The activity written at issue (schema 13) joins the same way, after them.
#define INDIE_LINE_COLUMNS                                                                  \
  "id, invoice_id, position, description, quantity, unit, unit_price, vat_rate, discount, " \
  "period_from, period_to, project_id, credits_line_id, net_minor"
constexpr std::string_view kInvoiceLines =
    "SELECT CASE WHEN activity IS NOT NULL THEN json_array(" INDIE_LINE_COLUMNS
    ", vat_fixed, net_fixed, activity) "
    "WHEN vat_fixed IS NULL AND net_fixed IS NULL THEN json_array(" INDIE_LINE_COLUMNS
    ") ELSE json_array(" INDIE_LINE_COLUMNS
    ", vat_fixed, net_fixed) END "
    "FROM invoice_line WHERE invoice_id = ? ORDER BY position, id";
#undef INDIE_LINE_COLUMNS
constexpr std::string_view kInvoiceLinks =
    "SELECT json_array(lt.line_id, lt.entry_id) FROM invoice_line_time lt "
    "JOIN invoice_line l ON l.id = lt.line_id WHERE l.invoice_id = ? "
    "ORDER BY lt.line_id, lt.entry_id";
// The billed entries' facts, not their billing columns: a credit note that releases the time
// clears those, and the content stays the same.
constexpr std::string_view kBilledTime =
    "SELECT json_array(t.id, t.project_id, t.start_utc, t.end_utc, t.zone, t.note, t.tags) "
    "FROM invoice_line_time lt JOIN invoice_line l ON l.id = lt.line_id "
    "JOIN time_entry t ON t.id = lt.entry_id WHERE l.invoice_id = ? ORDER BY t.id";
// The document an invoice was issued as (schema 10): its format and the SHA-256 of its bytes,
// computed here rather than read from the sha256 column, so that bytes changed behind indie's
// back show. Invoices issued before have none, and their content reads as it did.
constexpr std::string_view kInvoiceDocument =
    "SELECT format, bytes FROM invoice_document WHERE invoice_id = ?";
constexpr std::string_view kTimeReleased =
    "SELECT EXISTS (SELECT 1 FROM invoice WHERE credited_id = ? AND releases_time = 1 "
    "AND state = 'issued')";
// A refund or a reversal (schema 9) adds its kind and what it reverses; a payment's row reads as
// it did before, so the seals made earlier still match.
constexpr std::string_view kPaymentRow =
    "SELECT CASE WHEN p.kind = 'payment' THEN json_array(p.id, p.invoice_id, p.date, "
    "p.amount_minor, p.method, p.account, p.received_minor, p.received_currency, p.rate, "
    "p.fx_gain_minor, p.fx_currency, p.note, p.created_at) "
    "ELSE json_array(p.id, p.invoice_id, p.date, p.amount_minor, p.method, p.account, "
    "p.received_minor, p.received_currency, p.rate, p.fx_gain_minor, p.fx_currency, p.note, "
    "p.created_at, p.kind, p.reverses) END, "
    "i.number FROM payment p LEFT JOIN invoice i ON i.id = p.invoice_id WHERE p.id = ?";

// Feeds the first column of every row of `q` into `h`, one row a line.
void hash_rows(Sha256& h, Statement& q) {
  while (q.step()) {
    h.update(q.text(0));
    h.update("\n");
  }
}

}  // namespace

RecordRepo::RecordRepo(Store& store) : store_(store) {}
RecordRepo::~RecordRepo() = default;

RecordedNow RecordRepo::invoice_now(std::int64_t invoice_id) {
  sqlite3* db = handle(store_);
  RecordedNow now;
  Statement& row = reused(invoice_, db, kInvoiceRow);
  row.bind(1, invoice_id);
  if (!row.step()) {
    now.exists = false;
    now.label = fmt::format("invoice id {}", invoice_id);
    return now;
  }
  now.label = row.is_null(1) ? fmt::format("draft {}", invoice_id) : row.string(1);
  Sha256 h;
  h.update("invoice\n");
  h.update(row.text(0));
  h.update("\n");
  hash_rows(h, reused(lines_, db, kInvoiceLines).bind(1, invoice_id));
  hash_rows(h, reused(links_, db, kInvoiceLinks).bind(1, invoice_id));
  Statement& document = reused(document_, db, kInvoiceDocument).bind(1, invoice_id);
  if (document.step()) {
    h.update(fmt::format("document {} {}\n", document.text(0), sha256_hex(document.blob(1))));
    document.run();  // done with the statement
  }
  now.content = h.hex();  // hex() starts the hash afresh for the billed time
  hash_rows(h, reused(time_, db, kBilledTime).bind(1, invoice_id));
  now.billed_time = h.hex();
  Statement& released = reused(released_, db, kTimeReleased);
  released.bind(1, invoice_id);
  now.time_released = released.step() && released.integer(0) == 1;
  return now;
}

RecordedNow RecordRepo::payment_now(std::int64_t payment_id) {
  RecordedNow now;
  Statement& row = reused(payment_, handle(store_), kPaymentRow);
  row.bind(1, payment_id);
  if (!row.step()) {
    now.exists = false;
    now.label = fmt::format("payment {}", payment_id);
    return now;
  }
  now.label = fmt::format("payment {} ({})", payment_id, row.optional_string(1).value_or("?"));
  now.content = sha256_hex(fmt::format("payment\n{}\n", row.text(0)));
  return now;
}

RecordSeal RecordRepo::seal_now(RecordKind kind, std::int64_t ref_id, const RecordedNow& now) {
  if (!now.exists) throw not_found(fmt::format("{} does not exist; nothing to seal", now.label));
  Statement last(store_, "SELECT seq, hash FROM record ORDER BY seq DESC LIMIT 1");
  RecordSeal seal;
  std::string previous(kRecordGenesis);
  seal.seq = 1;
  if (last.step()) {
    seal.seq = last.integer(0) + 1;
    previous = last.string(1);
  }
  seal.kind = kind;
  seal.ref_id = ref_id;
  seal.content = now.content;
  seal.billed_time = now.billed_time;
  seal.hash = chain_hash(previous, seal);
  Statement insert(store_,
                   "INSERT INTO record (seq, kind, ref_id, content, billed_time, hash) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, seal.seq)
      .bind(2, record_kind_name(kind))
      .bind(3, ref_id)
      .bind(4, seal.content)
      .bind(5, seal.billed_time)
      .bind(6, seal.hash);
  insert.run();
  return seal;
}

void RecordRepo::seal_invoice(std::int64_t invoice_id) {
  seal_now(RecordKind::invoice, invoice_id, invoice_now(invoice_id));
}

void RecordRepo::seal_payment(std::int64_t payment_id) {
  seal_now(RecordKind::payment, payment_id, payment_now(payment_id));
}

std::int64_t RecordRepo::seal_unsealed() {
  // The order in which they most likely became final: by day (a payment dated before its
  // invoice was issued, a deposit, still follows it), then by the time they were recorded, then
  // invoices, payments and credit notes, then by id.
  Statement q(store_,
              "SELECT 'invoice', id, issue_date AS day, created_at AS at, "
              "CASE kind WHEN 'invoice' THEN 0 ELSE 2 END AS rank FROM invoice "
              "WHERE state = 'issued' AND id NOT IN (SELECT ref_id FROM record WHERE kind = "
              "'invoice') "
              "UNION ALL SELECT 'payment', p.id, max(p.date, i.issue_date), p.created_at, 1 "
              "FROM payment p JOIN invoice i ON i.id = p.invoice_id "
              "WHERE p.id NOT IN (SELECT ref_id FROM record WHERE kind = 'payment') "
              "ORDER BY day, at, rank, 2");
  std::vector<std::pair<RecordKind, std::int64_t>> todo;
  while (q.step()) todo.emplace_back(*parse_record_kind(q.text(0)), q.integer(1));
  for (const auto& [kind, id] : todo)
    kind == RecordKind::invoice ? seal_invoice(id) : seal_payment(id);
  return static_cast<std::int64_t>(todo.size());
}

RecordVerifier RecordRepo::verify() {
  RecordVerifier v;
  Statement q(store_,
              "SELECT seq, kind, ref_id, content, billed_time, hash FROM record ORDER BY seq");
  while (q.step() && v.intact()) {
    RecordSeal seal;
    seal.seq = q.integer(0);
    const auto kind = parse_record_kind(q.text(1));
    if (!kind) {
      v.unsealed(fmt::format("record entry {} of unknown kind '{}'", seal.seq, q.text(1)));
      break;
    }
    seal.kind = *kind;
    seal.ref_id = q.integer(2);
    seal.content = q.string(3);
    seal.billed_time = q.optional_string(4);
    seal.hash = q.string(5);
    v.check(seal,
            seal.kind == RecordKind::invoice ? invoice_now(seal.ref_id) : payment_now(seal.ref_id));
  }
  if (!v.intact()) return v;
  Statement missing(store_,
                    "SELECT coalesce(number, 'invoice id ' || id) FROM invoice "
                    "WHERE state = 'issued' AND id NOT IN "
                    "(SELECT ref_id FROM record WHERE kind = 'invoice') "
                    "UNION ALL SELECT 'payment ' || id FROM payment WHERE id NOT IN "
                    "(SELECT ref_id FROM record WHERE kind = 'payment') LIMIT 1");
  if (missing.step()) v.unsealed(missing.text(0));
  return v;
}

std::optional<std::int64_t> RecordRepo::entry_with_hash(const std::string& hash) {
  Statement q(store_, "SELECT seq FROM record WHERE hash = ?");
  q.bind(1, hash);
  if (!q.step()) return std::nullopt;
  return q.integer(0);
}

std::vector<std::string> storage_problems(Store& store) {
  std::vector<std::string> problems;
  Statement integrity(store, "PRAGMA integrity_check");
  while (integrity.step())
    if (integrity.text(0) != "ok") problems.push_back(fmt::format("file: {}", integrity.text(0)));
  Statement keys(store, "PRAGMA foreign_key_check");
  while (keys.step())
    problems.push_back(fmt::format("table {} row {} refers to a missing row of {}", keys.text(0),
                                   keys.is_null(1) ? "?" : std::to_string(keys.integer(1)),
                                   keys.text(2)));
  return problems;
}

std::vector<std::string> schema_differences(Store& store) {
  // What this indie's migrations create, built afresh in memory, against the file's own schema.
  using Schema = std::map<std::pair<std::string, std::string>, std::string>;
  auto read = [](sqlite3* db) {
    Schema schema;
    Statement q(db,
                "SELECT type, name, coalesce(sql, '') FROM sqlite_schema "
                "WHERE name NOT LIKE 'sqlite_%'");
    while (q.step()) schema[{q.string(0), q.string(1)}] = q.string(2);
    return schema;
  };
  SQLite::Database fresh(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (const auto& sql : migrations()) fresh.exec(std::string(sql));
  const Schema expected = read(fresh.getHandle());
  const Schema actual = read(handle(store));
  std::vector<std::string> differences;
  for (const auto& [key, sql] : expected) {
    const auto it = actual.find(key);
    if (it == actual.end())
      differences.push_back(fmt::format("{} {} is missing", key.first, key.second));
    else if (it->second != sql)
      differences.push_back(fmt::format("{} {} was changed", key.first, key.second));
  }
  for (const auto& [key, sql] : actual)
    if (!expected.contains(key))
      differences.push_back(fmt::format("{} {} is not indie's", key.first, key.second));
  return differences;
}

}  // namespace indie
