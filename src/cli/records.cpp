#include "records.hpp"

namespace indie::cli {
namespace {
Cell optional_text(const std::optional<std::string>& v) { return v ? Cell::str(*v) : Cell::none(); }
}  // namespace

Table client_table(const std::vector<Client>& clients) {
  Table t;
  t.columns = {"id",       "handle",   "name",          "legal_name",    "address", "country",
               "email",    "siren",    "vat_number",    "currency",      "language", "payment_terms",
               "vat_treatment", "notes", "created_at", "archived_at"};
  t.table_columns = {"handle", "name", "country", "currency", "language", "payment_terms", "vat_treatment", "email"};
  for (const auto& c : clients) {
    t.rows.push_back({Cell::integer(c.id), Cell::str(c.handle), Cell::str(c.name), Cell::str(c.legal_name),
                      Cell::str(c.address), Cell::str(c.country), Cell::str(c.email), Cell::str(c.siren),
                      Cell::str(c.vat_number), Cell::str(c.currency), Cell::str(std::string(to_string(c.language))),
                      Cell::integer(c.payment_terms), Cell::str(std::string(to_string(c.vat_treatment))),
                      Cell::str(c.notes), Cell::str(c.created_at), optional_text(c.archived_at)});
  }
  return t;
}

Table project_table(const std::vector<Project>& projects) {
  Table t;
  t.columns = {"id", "project", "client", "handle", "name", "currency", "rate", "rate_unit",
               "billable", "notes", "created_at", "archived_at"};
  t.table_columns = {"project", "name", "rate", "rate_unit", "currency", "billable"};
  for (const auto& p : projects) {
    t.rows.push_back({Cell::integer(p.id), Cell::str(p.path()), Cell::str(p.client_handle), Cell::str(p.handle),
                      Cell::str(p.name), Cell::str(p.currency),
                      p.rate ? Cell::amount(p.rate->amount.to_string()) : Cell::none(),
                      p.rate ? Cell::str(p.rate->unit == RateUnit::day ? "d" : "h") : Cell::none(),
                      Cell::boolean(p.billable), Cell::str(p.notes), Cell::str(p.created_at),
                      optional_text(p.archived_at)});
  }
  return t;
}

}  // namespace indie::cli
