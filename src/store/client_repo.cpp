#include "indie/client_repo.hpp"

#include <fmt/format.h>

#include <SQLiteCpp/Statement.h>
#include <charconv>
#include <memory>
#include <sqlite3.h>

#include "indie/error.hpp"
#include "indie/identifiers.hpp"
#include "indie/suggest.hpp"
#include "statement.hpp"

namespace indie {
namespace {

constexpr std::string_view kClientColumns =
    "id, handle, name, legal_name, address, country, email, siren, vat_number, currency, language, "
    "payment_terms, vat_treatment, notes, created_at, archived_at, rounding";

std::optional<std::string> nullable_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

// Column text straight from SQLite into the reused strings (no temporary std::string).
void read_text(sqlite3_stmt* st, int col, std::string& into) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
  into.assign(text == nullptr ? "" : text, static_cast<std::size_t>(sqlite3_column_bytes(st, col)));
}

void read_client(sqlite3_stmt* st, Client& c) {
  c.id = sqlite3_column_int64(st, 0);
  read_text(st, 1, c.handle);
  read_text(st, 2, c.name);
  read_text(st, 3, c.legal_name);
  read_text(st, 4, c.address);
  read_text(st, 5, c.country);
  read_text(st, 6, c.email);
  read_text(st, 7, c.siren);
  read_text(st, 8, c.vat_number);
  read_text(st, 9, c.currency);
  const auto* lang = reinterpret_cast<const char*>(sqlite3_column_text(st, 10));
  c.language = parse_language(lang == nullptr ? "" : lang);
  c.payment_terms = sqlite3_column_int(st, 11);
  const auto* treatment = reinterpret_cast<const char*>(sqlite3_column_text(st, 12));
  c.vat_treatment = parse_vat_treatment(treatment == nullptr ? "" : treatment);
  read_text(st, 13, c.notes);
  read_text(st, 14, c.created_at);
  if (sqlite3_column_type(st, 15) == SQLITE_NULL) {
    c.archived_at.reset();
  } else {
    if (!c.archived_at) c.archived_at.emplace();
    read_text(st, 15, *c.archived_at);
  }
  if (sqlite3_column_type(st, 16) == SQLITE_NULL) c.rounding.reset();
  else c.rounding = TimeRounding::parse(reinterpret_cast<const char*>(sqlite3_column_text(st, 16)));
}

void bind_rounding(SQLite::Statement& q, const std::optional<TimeRounding>& r) {
  if (r) q.bind(":rounding", r->to_string());
  else q.bind(":rounding");
}


void bind_client(SQLite::Statement& q, const Client& c) {
  q.bind(":handle", c.handle);
  q.bind(":name", c.name);
  q.bind(":legal_name", c.legal_name);
  q.bind(":address", c.address);
  q.bind(":country", c.country);
  q.bind(":email", c.email);
  q.bind(":siren", c.siren);
  q.bind(":vat_number", c.vat_number);
  q.bind(":currency", c.currency);
  q.bind(":language", std::string(to_string(c.language)));
  q.bind(":payment_terms", c.payment_terms);
  q.bind(":vat_treatment", std::string(to_string(c.vat_treatment)));
  q.bind(":notes", c.notes);
  bind_rounding(q, c.rounding);
  if (c.archived_at) q.bind(":archived_at", *c.archived_at);
  else q.bind(":archived_at");
}

constexpr std::string_view kProjectSelect =
    "SELECT p.id, p.client_id, c.handle, p.handle, p.name, p.currency, p.rate_minor, p.rate_unit, "
    "p.billable, p.notes, p.created_at, p.archived_at, p.rounding FROM project p JOIN client c ON c.id = p.client_id ";

Project read_project(SQLite::Statement& q) {
  Project p;
  p.id = q.getColumn(0).getInt64();
  p.client_id = q.getColumn(1).getInt64();
  p.client_handle = q.getColumn(2).getString();
  p.handle = q.getColumn(3).getString();
  p.name = q.getColumn(4).getString();
  p.currency = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) {
    const Currency& cur = currency(p.currency, true);
    p.rate = Rate{Decimal(q.getColumn(6).getInt64(), cur.minor_units),
                  q.getColumn(7).getString() == "d" ? RateUnit::day : RateUnit::hour};
  }
  p.billable = q.getColumn(8).getInt() != 0;
  p.notes = q.getColumn(9).getString();
  p.created_at = q.getColumn(10).getString();
  p.archived_at = nullable_text(q.getColumn(11));
  if (!q.getColumn(12).isNull()) p.rounding = TimeRounding::parse(q.getColumn(12).getString());
  return p;
}

void bind_project(SQLite::Statement& q, const Project& p) {
  q.bind(":client_id", p.client_id);
  q.bind(":handle", p.handle);
  q.bind(":name", p.name);
  q.bind(":currency", p.currency);
  if (p.rate) {
    const Currency& cur = currency(p.currency, true);
    q.bind(":rate_minor", p.rate->amount.with_scale(cur.minor_units).mantissa());
    q.bind(":rate_unit", p.rate->unit == RateUnit::day ? "d" : "h");
  } else {
    q.bind(":rate_minor");
    q.bind(":rate_unit");
  }
  q.bind(":billable", p.billable ? 1 : 0);
  q.bind(":notes", p.notes);
  bind_rounding(q, p.rounding);
  if (p.archived_at) q.bind(":archived_at", *p.archived_at);
  else q.bind(":archived_at");
}

}  // namespace

std::int64_t ClientRepo::insert(const Client& c) {
  if (auto existing = find(c.handle))
    throw conflict(fmt::format("a client with handle '{}' already exists ({}). Pick another handle, or "
                               "change that client with: indie client edit {}",
                               c.handle, existing->name, existing->handle));
  SQLite::Statement q(store_.db(),
                      "INSERT INTO client (handle, name, legal_name, address, country, email, siren, "
                      "vat_number, currency, language, payment_terms, vat_treatment, notes, created_at, "
                      "archived_at, rounding) VALUES (:handle, :name, :legal_name, :address, :country, "
                      ":email, :siren, :vat_number, :currency, :language, :payment_terms, :vat_treatment, "
                      ":notes, :created_at, :archived_at, :rounding)");
  bind_client(q, c);
  q.bind(":created_at", c.created_at);
  q.exec();
  return store_.db().getLastInsertRowid();
}

void ClientRepo::update(const Client& c) {
  if (auto other = find(c.handle); other && other->id != c.id)
    throw conflict(fmt::format("a client with handle '{}' already exists; pick another handle", c.handle));
  SQLite::Statement q(store_.db(),
                      "UPDATE client SET handle = :handle, name = :name, legal_name = :legal_name, "
                      "address = :address, country = :country, email = :email, siren = :siren, "
                      "vat_number = :vat_number, currency = :currency, language = :language, "
                      "payment_terms = :payment_terms, vat_treatment = :vat_treatment, notes = :notes, "
                      "archived_at = :archived_at, rounding = :rounding WHERE id = :id");
  bind_client(q, c);
  q.bind(":id", c.id);
  q.exec();
}

std::optional<Client> ClientRepo::find(std::string_view ref) {
  const auto id = record_id(ref);
  std::optional<Client> found;
  query(fmt::format("WHERE {}", id ? "id = ?1" : "handle = ?1"),
        [&](sqlite3_stmt* st) {
          if (id) sqlite3_bind_int64(st, 1, *id);
          else sqlite3_bind_text(st, 1, ref.data(), static_cast<int>(ref.size()), SQLITE_TRANSIENT);
        },
        [&](const Client& c) { found = c; });
  return found;
}

Client ClientRepo::get(std::string_view ref) {
  if (auto c = find(ref)) return *c;
  throw not_found(fmt::format("no client '{}'.{} List them with: indie client list --all", ref,
                              did_you_mean(ref, handles())));
}

std::vector<Client> ClientRepo::list(bool include_archived) {
  std::vector<Client> out;
  for_each(include_archived, [&](const Client& c) { out.push_back(c); });
  return out;
}

void ClientRepo::for_each(bool include_archived, const std::function<void(const Client&)>& fn) {
  query(include_archived ? "ORDER BY handle" : "WHERE archived_at IS NULL ORDER BY handle", [](sqlite3_stmt*) {}, fn);
}

// Every client read goes through here, on SQLite's C API: SQLiteCpp's Column objects copy a
// shared_ptr and a std::string per field, which was half the cost of listing 10,000 clients.
void ClientRepo::query(std::string_view tail, const std::function<void(sqlite3_stmt*)>& bind,
                       const std::function<void(const Client&)>& fn) {
  const std::string sql = fmt::format("SELECT {} FROM client {}", kClientColumns, tail);
  sqlite3* db = store_.db().getHandle();
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
    throw storage_error(std::string("cannot read clients: ") + sqlite3_errmsg(db));
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
  bind(st.get());
  Client c;  // reused: its strings keep their capacity from row to row
  int rc;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    read_client(st.get(), c);
    fn(c);
  }
  if (rc != SQLITE_DONE) throw storage_error(std::string("cannot read clients: ") + sqlite3_errmsg(db));
}

void ClientRepo::for_each_summary(bool include_archived, const std::function<void(const ClientSummary&)>& fn) {
  Statement q(store_.db().getHandle(),
              fmt::format("SELECT handle, name, country, currency, language, vat_treatment, email, payment_terms "
                          "FROM client {} ORDER BY handle",
                          include_archived ? "" : "WHERE archived_at IS NULL"));
  ClientSummary c;
  while (q.step()) {
    c = {q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), static_cast<int>(q.integer(7))};
    fn(c);
  }
}

std::vector<std::string> ClientRepo::handles() {
  SQLite::Statement q(store_.db(), "SELECT handle FROM client ORDER BY handle");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::string ClientRepo::history(std::int64_t client_id) {
  SQLite::Statement q(store_.db(), "SELECT count(*) FROM project WHERE client_id = ?");
  q.bind(1, client_id);
  q.executeStep();
  const int projects = q.getColumn(0).getInt();
  return projects == 0 ? "" : fmt::format("{} project{}", projects, projects == 1 ? "" : "s");
}

void ClientRepo::remove(std::int64_t client_id) {
  SQLite::Statement q(store_.db(), "DELETE FROM client WHERE id = ?");
  q.bind(1, client_id);
  q.exec();
}

std::int64_t ProjectRepo::insert(const Project& p) {
  if (auto existing = find(p.client_handle + "/" + p.handle))
    throw conflict(fmt::format("project '{}' already exists. Pick another handle, or change it with: "
                               "indie project edit {}", existing->path(), existing->path()));
  SQLite::Statement q(store_.db(),
                      "INSERT INTO project (client_id, handle, name, currency, rate_minor, rate_unit, "
                      "billable, notes, created_at, archived_at, rounding) VALUES (:client_id, :handle, :name, "
                      ":currency, :rate_minor, :rate_unit, :billable, :notes, :created_at, :archived_at, "
                      ":rounding)");
  bind_project(q, p);
  q.bind(":created_at", p.created_at);
  q.exec();
  return store_.db().getLastInsertRowid();
}

void ProjectRepo::update(const Project& p) {
  SQLite::Statement dup(store_.db(), "SELECT id FROM project WHERE client_id = ? AND handle = ? AND id <> ?");
  dup.bind(1, p.client_id);
  dup.bind(2, p.handle);
  dup.bind(3, p.id);
  if (dup.executeStep())
    throw conflict(fmt::format("project '{}' already exists; pick another handle", p.path()));
  SQLite::Statement q(store_.db(),
                      "UPDATE project SET client_id = :client_id, handle = :handle, name = :name, "
                      "currency = :currency, rate_minor = :rate_minor, rate_unit = :rate_unit, "
                      "billable = :billable, notes = :notes, archived_at = :archived_at, rounding = :rounding "
                      "WHERE id = :id");
  bind_project(q, p);
  q.bind(":id", p.id);
  q.exec();
}

std::optional<Project> ProjectRepo::find(std::string_view ref) {
  std::optional<SQLite::Statement> q;
  if (const auto id = record_id(ref)) {
    q.emplace(store_.db(), std::string(kProjectSelect) + "WHERE p.id = ?");
    q->bind(1, *id);
  } else {
    const auto [client, project] = split_project_path(ref);
    q.emplace(store_.db(), std::string(kProjectSelect) + "WHERE c.handle = ? AND p.handle = ?");
    q->bind(1, client);
    q->bind(2, project);
  }
  if (!q->executeStep()) return std::nullopt;
  return read_project(*q);
}

Project ProjectRepo::get(std::string_view ref) {
  if (auto p = find(ref)) return *p;
  throw not_found(fmt::format("no project '{}'.{} List them with: indie project list --all", ref,
                              did_you_mean(ref, paths())));
}

std::vector<Project> ProjectRepo::list(std::optional<std::int64_t> client_id, bool include_archived) {
  std::string sql(kProjectSelect);
  sql += "WHERE 1 = 1";
  if (client_id) sql += " AND p.client_id = :client";
  if (!include_archived) sql += " AND p.archived_at IS NULL AND c.archived_at IS NULL";
  sql += " ORDER BY c.handle, p.handle";
  SQLite::Statement q(store_.db(), sql);
  if (client_id) q.bind(":client", *client_id);
  std::vector<Project> out;
  while (q.executeStep()) out.push_back(read_project(q));
  return out;
}

std::vector<std::string> ProjectRepo::paths() {
  SQLite::Statement q(store_.db(),
                      "SELECT c.handle || '/' || p.handle FROM project p JOIN client c ON c.id = p.client_id");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::string ProjectRepo::history(std::int64_t project_id) {
  SQLite::Statement q(store_.db(), "SELECT count(*) FROM time_entry WHERE project_id = ?");
  q.bind(1, project_id);
  q.executeStep();
  const auto entries = q.getColumn(0).getInt64();
  return entries == 0 ? "" : fmt::format("{} time entr{}", entries, entries == 1 ? "y" : "ies");
}

void ProjectRepo::remove(std::int64_t project_id) {
  SQLite::Statement q(store_.db(), "DELETE FROM project WHERE id = ?");
  q.bind(1, project_id);
  q.exec();
}

}  // namespace indie
