#include "records.hpp"

#include <charconv>

namespace indie::cli {
namespace {
Cell optional_text(std::optional<std::string> v) {
  return v ? Cell::str(std::move(*v)) : Cell::none();
}
}  // namespace

std::vector<std::string> client_columns() {
  return {"id",
          "handle",
          "name",
          "legal_name",
          "address",
          "country",
          "email",
          "siren",
          "vat_number",
          "currency",
          "language",
          "payment_terms",
          "vat_treatment",
          "rounding",
          "notes",
          "created_at",
          "archived_at",
          "terms_end_of_month",
          "delivery_address",
          "einvoice_address"};
}

std::vector<std::string> client_table_columns() {
  return {"handle",   "name",          "country",       "currency",
          "language", "payment_terms", "vat_treatment", "email"};
}

void client_cells(const Client& c, std::vector<Cell>& cells) {
  cells.resize(20);
  const auto set = [&](std::size_t i, std::string_view text, CellKind kind = CellKind::text) {
    cells[i].text.assign(text);
    cells[i].kind = kind;
    cells[i].null = false;
  };
  set(0, std::to_string(c.id), CellKind::integer);
  set(1, c.handle);
  set(2, c.name);
  set(3, c.legal_name);
  set(4, c.address);
  set(5, c.country);
  set(6, c.email);
  set(7, c.siren);
  set(8, c.vat_number);
  set(9, c.currency);
  set(10, to_string(c.language));
  set(11, std::to_string(c.payment_terms), CellKind::integer);
  set(12, to_string(c.vat_treatment));
  set(13, c.rounding ? c.rounding->to_string() : std::string());
  cells[13].null = !c.rounding;
  set(14, c.notes);
  set(15, c.created_at);
  set(16, c.archived_at ? std::string_view(*c.archived_at) : std::string_view());
  cells[16].null = !c.archived_at;
  set(17, c.terms_end_of_month ? "true" : "false", CellKind::boolean);
  set(18, c.delivery_address);
  set(19, c.einvoice_address);
}

void client_summary_cells(const ClientSummary& c, char (&terms)[16],
                          std::array<CellView, 8>& cells) {
  // The human table says "45eom" (still right-aligned); machine formats carry days and a flag.
  char* end = std::to_chars(terms, terms + sizeof terms - 3, c.payment_terms).ptr;
  if (c.terms_end_of_month) end = std::copy_n("eom", 3, end);
  cells = {
      CellView{c.handle},
      CellView{c.name},
      CellView{c.country},
      CellView{c.currency},
      CellView{c.language},
      CellView{std::string_view(terms, static_cast<std::size_t>(end - terms)), CellKind::integer},
      CellView{c.vat_treatment},
      CellView{c.email}};
}

Table client_table(std::vector<Client> clients) {
  Table t;
  t.columns = client_columns();
  t.table_columns = client_table_columns();
  t.rows.resize(clients.size());
  for (std::size_t i = 0; i < clients.size(); ++i) client_cells(clients[i], t.rows[i]);
  return t;
}

Table project_table(std::vector<Project> projects) {
  Table t;
  t.columns = {"id",       "project", "client",     "handle",     "name",
               "currency", "rate",    "rate_unit",  "billable",   "rounding",
               "activity", "notes",   "created_at", "archived_at"};
  t.table_columns = {"project", "name", "rate", "rate_unit", "currency", "billable"};
  t.rows.reserve(projects.size());
  for (auto& p : projects) {
    t.rows.push_back({Cell::integer(p.id), Cell::str(p.path()), Cell::str(p.client_handle),
                      Cell::str(p.handle), Cell::str(p.name), Cell::str(p.currency),
                      p.rate ? Cell::amount(p.rate->amount.to_string()) : Cell::none(),
                      p.rate ? Cell::str(p.rate->unit == RateUnit::day ? "d" : "h") : Cell::none(),
                      Cell::boolean(p.billable),
                      p.rounding ? Cell::str(p.rounding->to_string()) : Cell::none(),
                      p.activity ? Cell::str(std::string(to_string(*p.activity))) : Cell::none(),
                      Cell::str(p.notes), Cell::str(p.created_at), optional_text(p.archived_at)});
  }
  return t;
}

}  // namespace indie::cli
