#pragma once
// How clients and projects become rows: the single definition of their field names in output.
#include <vector>

#include "indie/client.hpp"
#include "output.hpp"

namespace indie::cli {

Table client_table(const std::vector<Client>& clients);
Table project_table(const std::vector<Project>& projects);

}  // namespace indie::cli
