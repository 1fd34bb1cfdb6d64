#pragma once
// How clients and projects become rows: the single definition of their field names in output.
#include <array>
#include <vector>

#include "indie/core/client.hpp"
#include "indie/store/client_repo.hpp"
#include "output.hpp"

namespace indie::cli {

Table client_table(std::vector<Client> clients);
std::vector<std::string> client_columns();
std::vector<std::string> client_table_columns();
/// Fills `cells` (reused between rows, so their strings keep their capacity) with one client.
void client_cells(const Client& c, std::vector<Cell>& cells);
/// The terminal listing's cells (client_table_columns(), in order), borrowing from `c`;
/// `terms` holds the payment terms' digits.
void client_summary_cells(const ClientSummary& c, char (&terms)[16],
                          std::array<CellView, 8>& cells);
Table project_table(std::vector<Project> projects);

}  // namespace indie::cli
