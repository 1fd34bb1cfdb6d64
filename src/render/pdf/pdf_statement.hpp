#pragma once
// The statement of account's body in the PDF: one table per currency with the running balance,
// then what is due and what of it is overdue. The header, client and footer are the invoice's.
#include <nlohmann/json.hpp>

#include "pdf_pen.hpp"

namespace indie::pdf {

void statement_tables(Pen& pen, const nlohmann::ordered_json& doc);

}  // namespace indie::pdf
