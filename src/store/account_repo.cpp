#include "indie/store/account_repo.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "indie/core/identifiers.hpp"
#include "indie/core/suggest.hpp"
#include "statement.hpp"

namespace indie {
namespace {

constexpr std::string_view kAccountColumns =
    "id, name, currency, kind, notes, created_at, archived_at";
constexpr std::string_view kTxColumns =
    "t.id, t.account_id, t.date, t.amount_minor, t.payee, t.category, t.note, t.origin, "
    "t.invoice_id, t.payment_id, "
    "t.transfer_id, t.fingerprint, t.created_at, coalesce(i.number, ''), "
    "coalesce(t.vat_rate, ''), t.vat_minor";

Account read_account(const Statement& q) {
  Account a;
  a.id = q.integer(0);
  a.name = q.text(1);
  a.currency = q.text(2);
  a.kind = parse_account_kind(q.text(3));
  a.notes = q.text(4);
  a.created_at = q.text(5);
  if (!q.is_null(6)) a.archived_at = std::string(q.text(6));
  return a;
}

std::optional<std::int64_t> optional_int(const Statement& q, int col) {
  if (q.is_null(col)) return std::nullopt;
  return q.integer(col);
}

void read_tx(const Statement& q, AccountTx& t) {
  t.id = q.integer(0);
  t.account_id = q.integer(1);
  t.date = parse_date(q.text(2), Date{});
  t.amount_minor = q.integer(3);
  t.payee = q.text(4);
  t.category = q.text(5);
  t.note = q.text(6);
  t.origin = parse_tx_origin(q.text(7));
  t.invoice_id = optional_int(q, 8);
  t.payment_id = optional_int(q, 9);
  t.transfer_id = optional_int(q, 10);
  t.fingerprint = q.is_null(11) ? std::nullopt : std::optional<std::string>(q.text(11));
  t.created_at = q.text(12);
  t.invoice_number = q.text(13);
  t.vat_rate = q.text(14);
  t.vat_minor = optional_int(q, 15);
}

std::string month_start(Date d) {
  return format_date(Date{d.year(), d.month(), std::chrono::day(1)});
}

}  // namespace

AccountRepo::AccountRepo(Store& store) : store_(store) {}
AccountRepo::~AccountRepo() = default;

std::int64_t AccountRepo::insert(const Account& a) {
  Statement taken(handle(store_), "SELECT 1 FROM account WHERE name = ?1");
  taken.bind(1, a.name);
  if (taken.step())
    throw conflict(
        fmt::format("an account named '{}' already exists; see: indie account list --all", a.name));
  Statement q(
      handle(store_),
      "INSERT INTO account (name, currency, kind, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  q.bind(1, a.name)
      .bind(2, a.currency)
      .bind(3, to_string(a.kind))
      .bind(4, a.notes)
      .bind(5, a.created_at);
  q.run();
  return last_insert_id(store_);
}

void AccountRepo::archive(std::int64_t id, const std::string& when) {
  Statement q(handle(store_), "UPDATE account SET archived_at = ?2 WHERE id = ?1");
  q.bind(1, id).bind(2, when);
  q.run();
}

std::optional<Account> AccountRepo::find(std::string_view ref) {
  // A name wins over an id: an account may be called "2".
  Statement q(handle(store_), fmt::format("SELECT {} FROM account WHERE name = ?1 OR id = ?2 "
                                          "ORDER BY name = ?1 DESC LIMIT 1",
                                          kAccountColumns));
  q.bind(1, ref).bind(2, record_id(ref).value_or(-1));
  if (!q.step()) return std::nullopt;
  return read_account(q);
}

Account AccountRepo::get(std::int64_t id) {
  Statement q(handle(store_), fmt::format("SELECT {} FROM account WHERE id = ?1", kAccountColumns));
  q.bind(1, id);
  if (!q.step())
    throw not_found(
        fmt::format("no account with id {}; list them with: indie account list --all", id));
  return read_account(q);
}

Account AccountRepo::get(std::string_view ref) {
  if (auto a = find(ref)) return *a;
  std::vector<std::string> names;
  for (const auto& a : list(true)) names.push_back(a.name);
  const auto near = closest_matches(ref, names);
  if (names.empty())
    throw not_found(
        fmt::format("no account '{}': there are none yet. Add one with: indie account add \"{}\" "
                    "--currency EUR",
                    ref, ref));
  throw not_found(
      fmt::format("no account '{}'{}; list them with: indie account list --all", ref,
                  near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near.front())));
}

std::vector<Account> AccountRepo::list(bool include_archived) {
  Statement q(handle(store_),
              fmt::format("SELECT {} FROM account {} ORDER BY name", kAccountColumns,
                          include_archived ? "" : "WHERE archived_at IS NULL"));
  std::vector<Account> out;
  while (q.step()) out.push_back(read_account(q));
  return out;
}

namespace {
constexpr std::string_view kInsertTx =
    "INTO account_tx (account_id, date, amount_minor, payee, category, note, origin, invoice_id, "
    "payment_id, "
    "transfer_id, fingerprint, created_at, vat_rate, vat_minor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

void bind_tx(Statement& q, const AccountTx& t) {
  q.bind(1, t.account_id)
      .bind(2, format_date(t.date))
      .bind(3, t.amount_minor)
      .bind(4, t.payee)
      .bind(5, t.category)
      .bind(6, t.note)
      .bind(7, to_string(t.origin))
      .bind(8, t.invoice_id)
      .bind(9, t.payment_id)
      .bind(10, t.transfer_id)
      .bind(11, t.fingerprint)
      .bind(12, t.created_at)
      .bind(13, t.vat_rate.empty() ? std::optional<std::string>() : std::optional(t.vat_rate))
      .bind(14, t.vat_minor);
}
}  // namespace

std::int64_t AccountRepo::insert_tx(const AccountTx& t) {
  Statement& q = reused(insert_tx_, handle(store_), "INSERT " + std::string(kInsertTx));
  bind_tx(q, t);
  q.run();
  return last_insert_id(store_);
}

std::optional<std::int64_t> AccountRepo::insert_imported(const AccountTx& t) {
  // The unique (account_id, fingerprint) index turns a row seen before into no insert.
  Statement& q =
      reused(insert_imported_, handle(store_), "INSERT OR IGNORE " + std::string(kInsertTx));
  bind_tx(q, t);
  q.run();
  if (changed_rows(store_) != 1) return std::nullopt;
  return last_insert_id(store_);
}

std::optional<AccountTx> AccountRepo::find_tx(std::int64_t id) {
  Statement q(
      handle(store_),
      fmt::format(
          "SELECT {} FROM account_tx t LEFT JOIN invoice i ON i.id = t.invoice_id WHERE t.id = ?1",
          kTxColumns));
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  AccountTx t;
  read_tx(q, t);
  return t;
}

bool AccountRepo::has_fingerprint(std::int64_t account_id, const std::string& fingerprint) {
  Statement& q = reused(has_fingerprint_, handle(store_),
                        "SELECT 1 FROM account_tx WHERE account_id = ?1 AND fingerprint = ?2");
  q.bind(1, account_id).bind(2, fingerprint);
  return q.step();
}

namespace {
// The account's transactions between two days (both included) that `condition` keeps.
std::vector<AccountTx> txs_between(Store& store, std::int64_t account_id, Date from, Date to,
                                   std::string_view condition) {
  Statement q(handle(store),
              fmt::format("SELECT {} FROM account_tx t LEFT JOIN invoice i ON i.id = t.invoice_id "
                          "WHERE t.account_id = ?1 AND {} AND t.date BETWEEN ?2 AND ?3 "
                          "ORDER BY t.date, t.id",
                          kTxColumns, condition));
  q.bind(1, account_id).bind(2, format_date(from)).bind(3, format_date(to));
  std::vector<AccountTx> out;
  while (q.step()) read_tx(q, out.emplace_back());
  return out;
}
}  // namespace

std::vector<AccountTx> AccountRepo::unmatched(std::int64_t account_id, Date from, Date to) {
  return txs_between(store_, account_id, from, to,
                     "t.fingerprint IS NULL AND t.origin <> 'opening'");
}

void AccountRepo::set_fingerprint(std::int64_t tx_id, const std::string& fingerprint) {
  Statement q(handle(store_), "UPDATE account_tx SET fingerprint = ?2 WHERE id = ?1");
  q.bind(1, tx_id).bind(2, fingerprint);
  q.run();
}

std::vector<AccountTx> AccountRepo::imported_unlinked(std::int64_t account_id, Date from, Date to) {
  return txs_between(store_, account_id, from, to, "t.origin = 'import' AND t.payment_id IS NULL");
}

void AccountRepo::link_payment(std::int64_t tx_id, std::int64_t invoice_id,
                               std::int64_t payment_id) {
  Statement q(handle(store_),
              "UPDATE account_tx SET invoice_id = ?2, payment_id = ?3, category = 'invoice' "
              "WHERE id = ?1");
  q.bind(1, tx_id).bind(2, invoice_id).bind(3, payment_id);
  q.run();
}

void AccountRepo::mark_receipt(std::int64_t tx_id, Activity activity, std::string_view method) {
  Statement q(handle(store_),
              "UPDATE account_tx SET receipt = 1, activity = ?2, method = ?3 WHERE id = ?1");
  q.bind(1, tx_id).bind(2, to_string(activity)).bind(3, method);
  q.run();
}

void AccountRepo::update_tx(const AccountTx& t) {
  Statement q(handle(store_),
              "UPDATE account_tx SET date = ?2, amount_minor = ?3, payee = ?4, category = ?5, note "
              "= ?6, invoice_id = ?7, vat_rate = ?8, vat_minor = ?9 "
              "WHERE id = ?1");
  q.bind(1, t.id)
      .bind(2, format_date(t.date))
      .bind(3, t.amount_minor)
      .bind(4, t.payee)
      .bind(5, t.category)
      .bind(6, t.note)
      .bind(7, t.invoice_id)
      .bind(8, t.vat_rate.empty() ? std::optional<std::string>() : std::optional(t.vat_rate))
      .bind(9, t.vat_minor);
  q.run();
}

void AccountRepo::remove_tx(std::int64_t id) {
  Statement q(handle(store_), "DELETE FROM account_tx WHERE id = ?1");
  q.bind(1, id);
  q.run();
}

std::int64_t AccountRepo::insert_transfer(const Transfer& t) {
  Statement q(
      handle(store_),
      "INSERT INTO transfer (date, from_account, to_account, sent_minor, received_minor, "
      "fee_minor, rate, note, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  q.bind(1, format_date(t.date))
      .bind(2, t.from_account)
      .bind(3, t.to_account)
      .bind(4, t.sent_minor)
      .bind(5, t.received_minor)
      .bind(6, t.fee_minor)
      .bind(7, t.rate)
      .bind(8, t.note);
  q.run();
  return last_insert_id(store_);
}

std::size_t AccountRepo::remove_transfer(std::int64_t transfer_id) {
  sqlite3* db = handle(store_);
  Statement legs(db, "DELETE FROM account_tx WHERE transfer_id = ?1");
  legs.bind(1, transfer_id);
  legs.run();
  const auto n = static_cast<std::size_t>(sqlite3_changes(db));
  Statement q(db, "DELETE FROM transfer WHERE id = ?1");
  q.bind(1, transfer_id);
  q.run();
  return n;
}

std::int64_t AccountRepo::balance(std::int64_t account_id, std::optional<Date> as_of) {
  sqlite3* db = handle(store_);
  if (!as_of) {
    Statement q(db,
                "SELECT coalesce(sum(total_minor), 0) FROM account_month WHERE account_id = ?1");
    q.bind(1, account_id);
    q.step();
    return q.integer(0);
  }
  // Whole months before as_of's month from account_month, then that month's days up to as_of.
  const std::string start = month_start(*as_of);
  Statement months(db,
                   "SELECT coalesce(sum(total_minor), 0) FROM account_month WHERE account_id = ?1 "
                   "AND month < ?2");
  months.bind(1, account_id).bind(2, start.substr(0, 7));
  months.step();
  Statement days(db,
                 "SELECT coalesce(sum(amount_minor), 0) FROM account_tx WHERE account_id = ?1 AND "
                 "date >= ?2 AND date <= ?3");
  days.bind(1, account_id).bind(2, start).bind(3, format_date(*as_of));
  days.step();
  return months.integer(0) + days.integer(0);
}

AccountRepo::Stats AccountRepo::stats(std::int64_t account_id) {
  // The count from the monthly totals, the first and last days from the register index: a
  // million transactions are not read to list six accounts.
  Statement q(
      handle(store_),
      "SELECT (SELECT coalesce(sum(tx_count), 0) FROM account_month WHERE account_id = ?1), "
      "(SELECT date FROM account_tx WHERE account_id = ?1 ORDER BY date LIMIT 1), "
      "(SELECT date FROM account_tx WHERE account_id = ?1 ORDER BY date DESC LIMIT 1)");
  q.bind(1, account_id);
  q.step();
  Stats s;
  s.count = q.integer(0);
  if (!q.is_null(1)) {
    s.first = parse_date(q.text(1), Date{});
    s.last = parse_date(q.text(2), Date{});
  }
  return s;
}

void AccountRepo::register_rows(std::int64_t account_id, std::optional<Date> from,
                                std::optional<Date> to,
                                const std::function<void(const AccountTx&, std::int64_t)>& fn) {
  std::int64_t running = 0;
  if (from)
    running = balance(account_id, Date{std::chrono::sys_days(*from) - std::chrono::days(1)});
  std::string sql = fmt::format(
      "SELECT {} FROM account_tx t LEFT JOIN invoice i ON i.id = t.invoice_id WHERE t.account_id = "
      "?1",
      kTxColumns);
  if (from) sql += " AND t.date >= ?2";
  if (to) sql += " AND t.date <= ?3";
  sql += " ORDER BY t.date, t.id";
  Statement q(handle(store_), sql);
  q.bind(1, account_id);
  if (from) q.bind(2, format_date(*from));
  if (to) q.bind(3, format_date(*to));
  AccountTx t;
  while (q.step()) {
    read_tx(q, t);
    running += t.amount_minor;
    fn(t, running);
  }
}

void AccountRepo::for_each_movement(std::int64_t account_id, Date to,
                                    const std::function<void(Date, std::int64_t)>& fn) {
  Statement q(handle(store_),
              "SELECT date, amount_minor FROM account_tx WHERE account_id = ?1 AND date <= ?2 "
              "ORDER BY date, id");
  q.bind(1, account_id);
  q.bind(2, format_date(to));
  std::string last_day;
  Date day{};
  while (q.step()) {
    // Movements come in runs of one day: parse each day once.
    if (q.text(0) != last_day) {
      last_day = q.text(0);
      day = parse_date(last_day, Date{});
    }
    fn(day, q.integer(1));
  }
}

std::vector<Transfer> AccountRepo::transfers(Date from, Date to) {
  Statement q(handle(store_),
              "SELECT id, date, from_account, to_account, sent_minor, received_minor, fee_minor, "
              "rate, note FROM transfer "
              "WHERE date BETWEEN ?1 AND ?2 ORDER BY date, id");
  q.bind(1, format_date(from));
  q.bind(2, format_date(to));
  std::vector<Transfer> out;
  while (q.step()) {
    Transfer t;
    t.id = q.integer(0);
    t.date = parse_date(q.text(1), Date{});
    t.from_account = q.integer(2);
    t.to_account = q.integer(3);
    t.sent_minor = q.integer(4);
    t.received_minor = q.integer(5);
    t.fee_minor = q.integer(6);
    t.rate = q.text(7);
    t.note = q.text(8);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace indie
