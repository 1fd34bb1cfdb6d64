#include "indie/store/client_repo.hpp"

#include <fmt/format.h>

#include "indie/core/error.hpp"
#include "indie/core/identifiers.hpp"
#include "indie/core/suggest.hpp"
#include "statement.hpp"

namespace indie {
namespace {

// A client row, read into a reused Client: assign() keeps the strings' capacity from row to
// row, so listing 10,000 clients allocates almost nothing.
void read_into(const Statement& row, int col, std::string& into) { into.assign(row.text(col)); }

const std::array<Column<Client>, 20> kClientColumns{{
    {"id", [](const Statement& r, int i, Client& c) { c.id = r.integer(i); }},
    {"handle", [](const Statement& r, int i, Client& c) { read_into(r, i, c.handle); }},
    {"name", [](const Statement& r, int i, Client& c) { read_into(r, i, c.name); }},
    {"legal_name", [](const Statement& r, int i, Client& c) { read_into(r, i, c.legal_name); }},
    {"address", [](const Statement& r, int i, Client& c) { read_into(r, i, c.address); }},
    {"country", [](const Statement& r, int i, Client& c) { read_into(r, i, c.country); }},
    {"email", [](const Statement& r, int i, Client& c) { read_into(r, i, c.email); }},
    {"siren", [](const Statement& r, int i, Client& c) { read_into(r, i, c.siren); }},
    {"vat_number", [](const Statement& r, int i, Client& c) { read_into(r, i, c.vat_number); }},
    {"currency", [](const Statement& r, int i, Client& c) { read_into(r, i, c.currency); }},
    {"language",
     [](const Statement& r, int i, Client& c) { c.language = parse_language(r.text(i)); }},
    {"payment_terms", [](const Statement& r, int i,
                         Client& c) { c.payment_terms = static_cast<int>(r.integer(i)); }},
    {"terms_eom",
     [](const Statement& r, int i, Client& c) { c.terms_end_of_month = r.integer(i) != 0; }},
    {"vat_treatment", [](const Statement& r, int i,
                         Client& c) { c.vat_treatment = parse_vat_treatment(r.text(i)); }},
    {"notes", [](const Statement& r, int i, Client& c) { read_into(r, i, c.notes); }},
    {"delivery_address",
     [](const Statement& r, int i, Client& c) { read_into(r, i, c.delivery_address); }},
    {"einvoice_address",
     [](const Statement& r, int i, Client& c) { read_into(r, i, c.einvoice_address); }},
    {"created_at", [](const Statement& r, int i, Client& c) { read_into(r, i, c.created_at); }},
    {"archived_at",
     [](const Statement& r, int i, Client& c) {
       if (r.is_null(i)) return c.archived_at.reset();
       if (!c.archived_at) c.archived_at.emplace();
       read_into(r, i, *c.archived_at);
     }},
    {"rounding",
     [](const Statement& r, int i, Client& c) {
       if (r.is_null(i))
         c.rounding.reset();
       else
         c.rounding = TimeRounding::parse(r.text(i));
     }},
}};

std::optional<std::string> rounding_text(const std::optional<TimeRounding>& r) {
  if (r) return r->to_string();
  return std::nullopt;
}

void bind_client(Statement& q, const Client& c) {
  q.bind(":handle", c.handle).bind(":name", c.name).bind(":legal_name", c.legal_name);
  q.bind(":address", c.address).bind(":country", c.country).bind(":email", c.email);
  q.bind(":siren", c.siren).bind(":vat_number", c.vat_number).bind(":currency", c.currency);
  q.bind(":language", to_string(c.language)).bind(":payment_terms", std::int64_t{c.payment_terms});
  q.bind(":terms_eom", std::int64_t{c.terms_end_of_month ? 1 : 0});
  q.bind(":vat_treatment", to_string(c.vat_treatment)).bind(":notes", c.notes);
  q.bind(":delivery_address", c.delivery_address).bind(":einvoice_address", c.einvoice_address);
  q.bind(":rounding", rounding_text(c.rounding)).bind(":archived_at", c.archived_at);
}

const std::array<Column<Project>, 14> kProjectColumns{{
    {"p.id", [](const Statement& r, int i, Project& p) { p.id = r.integer(i); }},
    {"p.client_id", [](const Statement& r, int i, Project& p) { p.client_id = r.integer(i); }},
    {"c.handle", [](const Statement& r, int i, Project& p) { p.client_handle = r.string(i); }},
    {"p.handle", [](const Statement& r, int i, Project& p) { p.handle = r.string(i); }},
    {"p.name", [](const Statement& r, int i, Project& p) { p.name = r.string(i); }},
    {"p.currency", [](const Statement& r, int i, Project& p) { p.currency = r.string(i); }},
    // The rate is stored in minor units of the project's currency, read just above.
    {"p.rate_minor",
     [](const Statement& r, int i, Project& p) {
       if (r.is_null(i)) return p.rate.reset();
       p.rate = Rate{Decimal(r.integer(i), currency(p.currency, true).minor_units), RateUnit::hour};
     }},
    {"p.rate_unit",
     [](const Statement& r, int i, Project& p) {
       if (p.rate && r.text(i) == "d") p.rate->unit = RateUnit::day;
     }},
    {"p.billable", [](const Statement& r, int i, Project& p) { p.billable = r.integer(i) != 0; }},
    {"p.notes", [](const Statement& r, int i, Project& p) { p.notes = r.string(i); }},
    {"p.created_at", [](const Statement& r, int i, Project& p) { p.created_at = r.string(i); }},
    {"p.archived_at",
     [](const Statement& r, int i, Project& p) { p.archived_at = r.optional_string(i); }},
    {"p.rounding",
     [](const Statement& r, int i, Project& p) {
       if (r.is_null(i))
         p.rounding.reset();
       else
         p.rounding = TimeRounding::parse(r.text(i));
     }},
    {"p.activity",
     [](const Statement& r, int i, Project& p) {
       p.activity = r.is_null(i) ? std::nullopt : std::optional(parse_activity(r.text(i)));
     }},
}};

std::string project_select(std::string_view where) {
  return fmt::format("SELECT {} FROM project p JOIN client c ON c.id = p.client_id {}",
                     column_list(kProjectColumns), where);
}

void bind_project(Statement& q, const Project& p) {
  q.bind(":client_id", p.client_id)
      .bind(":handle", p.handle)
      .bind(":name", p.name)
      .bind(":currency", p.currency);
  if (p.rate) {
    const Currency& cur = currency(p.currency, true);
    q.bind(":rate_minor", p.rate->amount.with_scale(cur.minor_units).mantissa());
    q.bind(":rate_unit", p.rate->unit == RateUnit::day ? "d" : "h");
  } else {
    q.bind_null(":rate_minor").bind_null(":rate_unit");
  }
  q.bind(":billable", std::int64_t{p.billable ? 1 : 0}).bind(":notes", p.notes);
  q.bind(":rounding", rounding_text(p.rounding)).bind(":archived_at", p.archived_at);
  if (p.activity)
    q.bind(":activity", std::string(to_string(*p.activity)));
  else
    q.bind_null(":activity");
}

std::int64_t count(Store& store, std::string_view sql, std::int64_t id) {
  Statement q(store, sql);
  q.bind(1, id);
  q.step();
  return q.integer(0);
}

}  // namespace

std::int64_t ClientRepo::insert(const Client& c) {
  if (auto existing = find(c.handle))
    throw conflict(
        fmt::format("a client with handle '{}' already exists ({}). Pick another handle, or "
                    "change that client with: indie client edit {}",
                    c.handle, existing->name, existing->handle));
  Statement q(store_,
              "INSERT INTO client (handle, name, legal_name, address, country, email, siren, "
              "vat_number, currency, language, payment_terms, vat_treatment, notes, created_at, "
              "archived_at, rounding, terms_eom, delivery_address, einvoice_address) VALUES "
              "(:handle, :name, :legal_name, :address, :country, :email, :siren, :vat_number, "
              ":currency, :language, :payment_terms, :vat_treatment, :notes, :created_at, "
              ":archived_at, :rounding, :terms_eom, :delivery_address, :einvoice_address)");
  bind_client(q, c);
  q.bind(":created_at", c.created_at);
  q.run();
  return last_insert_id(store_);
}

void ClientRepo::update(const Client& c) {
  if (auto other = find(c.handle); other && other->id != c.id)
    throw conflict(
        fmt::format("a client with handle '{}' already exists; pick another handle", c.handle));
  Statement q(store_,
              "UPDATE client SET handle = :handle, name = :name, legal_name = :legal_name, "
              "address = :address, country = :country, email = :email, siren = :siren, "
              "vat_number = :vat_number, currency = :currency, language = :language, "
              "payment_terms = :payment_terms, vat_treatment = :vat_treatment, notes = :notes, "
              "archived_at = :archived_at, rounding = :rounding, terms_eom = :terms_eom, "
              "delivery_address = :delivery_address, einvoice_address = :einvoice_address "
              "WHERE id = :id");
  bind_client(q, c);
  q.bind(":id", c.id);
  q.run();
}

std::optional<Client> ClientRepo::find(std::string_view ref) {
  const auto id = record_id(ref);
  Statement q(store_, fmt::format("SELECT {} FROM client WHERE {}", column_list(kClientColumns),
                                  id ? "id = ?1" : "handle = ?1"));
  if (id)
    q.bind(1, *id);
  else
    q.bind(1, ref);
  if (!q.step()) return std::nullopt;
  Client c;
  read_row(q, kClientColumns, c);
  return c;
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
  Statement q(store_,
              fmt::format("SELECT {} FROM client {} ORDER BY handle", column_list(kClientColumns),
                          include_archived ? "" : "WHERE archived_at IS NULL"));
  Client c;  // reused: its strings keep their capacity from row to row
  while (q.step()) {
    read_row(q, kClientColumns, c);
    fn(c);
  }
}

void ClientRepo::for_each_summary(bool include_archived,
                                  const std::function<void(const ClientSummary&)>& fn) {
  Statement q(
      store_,
      fmt::format(
          "SELECT handle, name, country, currency, language, vat_treatment, email, payment_terms, "
          "terms_eom FROM client {} ORDER BY handle",
          include_archived ? "" : "WHERE archived_at IS NULL"));
  ClientSummary c;
  while (q.step()) {
    c = {q.text(0),        q.text(1), q.text(2), q.text(3),
         q.text(4),        q.text(5), q.text(6), static_cast<int>(q.integer(7)),
         q.integer(8) != 0};
    fn(c);
  }
}

std::vector<std::string> ClientRepo::handles() {
  Statement q(store_, "SELECT handle FROM client ORDER BY handle");
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.string(0));
  return out;
}

std::vector<std::int64_t> ClientRepo::ids_named(std::string_view name) {
  Statement q(store_,
              "SELECT id FROM client WHERE handle = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE "
              "OR legal_name = ?1 COLLATE NOCASE");
  q.bind(1, name);
  std::vector<std::int64_t> ids;
  while (q.step()) ids.push_back(q.integer(0));
  return ids;
}

std::string ClientRepo::history(std::int64_t client_id) {
  // Everything that refers to a client (the foreign keys of project and invoice), so that
  // `client rm` refuses with this message rather than the database's.
  const auto projects =
      count(store_, "SELECT count(*) FROM project WHERE client_id = ?1", client_id);
  const auto drafts = count(
      store_, "SELECT count(*) FROM invoice WHERE client_id = ?1 AND state = 'draft'", client_id);
  const auto issued = count(
      store_,
      "SELECT count(*) FROM invoice WHERE client_id = ?1 AND state = 'issued' AND kind = 'invoice'",
      client_id);
  const auto credits = count(store_,
                             "SELECT count(*) FROM invoice WHERE client_id = ?1 AND state = "
                             "'issued' AND kind = 'credit-note'",
                             client_id);
  std::string out;
  const auto add = [&](std::int64_t n, std::string_view one, std::string_view many) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, n == 1 ? one : many);
  };
  add(projects, "project", "projects");
  add(drafts, "draft invoice", "draft invoices");
  add(issued, "issued invoice", "issued invoices");
  add(credits, "credit note", "credit notes");
  return out;
}

void ClientRepo::remove(std::int64_t client_id) {
  Statement q(store_, "DELETE FROM client WHERE id = ?1");
  q.bind(1, client_id).run();
}

std::int64_t ProjectRepo::insert(const Project& p) {
  if (auto existing = find(p.client_handle + "/" + p.handle))
    throw conflict(
        fmt::format("project '{}' already exists. Pick another handle, or change it with: "
                    "indie project edit {}",
                    existing->path(), existing->path()));
  Statement q(store_,
              "INSERT INTO project (client_id, handle, name, currency, rate_minor, rate_unit, "
              "billable, notes, created_at, archived_at, rounding, activity) VALUES (:client_id, "
              ":handle, :name, :currency, :rate_minor, :rate_unit, :billable, :notes, :created_at, "
              ":archived_at, :rounding, :activity)");
  bind_project(q, p);
  q.bind(":created_at", p.created_at);
  q.run();
  return last_insert_id(store_);
}

void ProjectRepo::update(const Project& p) {
  Statement dup(store_, "SELECT id FROM project WHERE client_id = ?1 AND handle = ?2 AND id <> ?3");
  dup.bind(1, p.client_id).bind(2, p.handle).bind(3, p.id);
  if (dup.step())
    throw conflict(fmt::format("project '{}' already exists; pick another handle", p.path()));
  Statement q(
      store_,
      "UPDATE project SET client_id = :client_id, handle = :handle, name = :name, "
      "currency = :currency, rate_minor = :rate_minor, rate_unit = :rate_unit, "
      "billable = :billable, notes = :notes, archived_at = :archived_at, rounding = :rounding, "
      "activity = :activity WHERE id = :id");
  bind_project(q, p);
  q.bind(":id", p.id);
  q.run();
}

std::optional<Project> ProjectRepo::find(std::string_view ref) {
  const auto id = record_id(ref);
  Statement q(store_,
              project_select(id ? "WHERE p.id = ?1" : "WHERE c.handle = ?1 AND p.handle = ?2"));
  if (id) {
    q.bind(1, *id);
  } else {
    const auto [client, project] = split_project_path(ref);
    q.bind(1, client).bind(2, project);
  }
  if (!q.step()) return std::nullopt;
  Project p;
  read_row(q, kProjectColumns, p);
  return p;
}

Project ProjectRepo::get(std::string_view ref) {
  if (auto p = find(ref)) return *p;
  throw not_found(fmt::format("no project '{}'.{} List them with: indie project list --all", ref,
                              did_you_mean(ref, paths())));
}

std::vector<Project> ProjectRepo::list(std::optional<std::int64_t> client_id,
                                       bool include_archived) {
  std::string where = "WHERE 1 = 1";
  if (client_id) where += " AND p.client_id = :client";
  if (!include_archived) where += " AND p.archived_at IS NULL AND c.archived_at IS NULL";
  Statement q(store_, project_select(where + " ORDER BY c.handle, p.handle"));
  if (client_id) q.bind(":client", *client_id);
  std::vector<Project> out;
  while (q.step()) read_row(q, kProjectColumns, out.emplace_back());
  return out;
}

std::vector<std::string> ProjectRepo::paths() {
  Statement q(
      store_,
      "SELECT c.handle || '/' || p.handle FROM project p JOIN client c ON c.id = p.client_id");
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.string(0));
  return out;
}

std::vector<std::string> ProjectRepo::paths_with_handle(std::string_view handle) {
  Statement q(
      store_,
      "SELECT c.handle || '/' || p.handle FROM project p JOIN client c ON c.id = p.client_id "
      "WHERE p.handle = ?1 ORDER BY 1");
  q.bind(1, handle);
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.string(0));
  return out;
}

std::vector<ProjectRepo::Match> ProjectRepo::named(std::string_view name,
                                                   std::optional<std::int64_t> client_id) {
  Statement q(
      store_,
      "SELECT p.id, c.handle || '/' || p.handle FROM project p JOIN client c ON c.id = p.client_id "
      "WHERE (p.handle = ?1 COLLATE NOCASE OR p.name = ?1 COLLATE NOCASE) AND (?2 IS NULL OR "
      "p.client_id = ?2)");
  q.bind(1, name).bind(2, client_id);
  std::vector<Match> out;
  while (q.step()) out.push_back({q.integer(0), q.string(1)});
  return out;
}

std::string ProjectRepo::history(std::int64_t project_id) {
  const auto entries =
      count(store_, "SELECT count(*) FROM time_entry WHERE project_id = ?1", project_id);
  return entries == 0 ? "" : fmt::format("{} time entr{}", entries, entries == 1 ? "y" : "ies");
}

void ProjectRepo::remove(std::int64_t project_id) {
  Statement q(store_, "DELETE FROM project WHERE id = ?1");
  q.bind(1, project_id).run();
}

}  // namespace indie
