#pragma once
// How clients and projects become rows: the single definition of their field names in output.
#include <vector>

#include "indie/client.hpp"
#include "output.hpp"

namespace indie::cli {

Table client_table(std::vector<Client> clients);
std::vector<std::string> client_columns();
std::vector<std::string> client_table_columns();
/// Fills `cells` (reused between rows, so their strings keep their capacity) with one client.
void client_cells(const Client& c, std::vector<Cell>& cells);
Table project_table(std::vector<Project> projects);

}  // namespace indie::cli
