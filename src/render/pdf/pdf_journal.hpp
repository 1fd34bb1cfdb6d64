#pragma once
// The receipts journal's body in the PDF: one table, month after month, each month closed by
// its total, then the period's. The header and footer are the invoice's; it has no client block.
#include <nlohmann/json.hpp>

#include "pdf_pen.hpp"

namespace indie::pdf {

void journal_tables(Pen& pen, const nlohmann::ordered_json& doc);

}  // namespace indie::pdf
