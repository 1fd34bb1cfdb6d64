#pragma once
/// The invoice document model: everything a template or the PDF prints, as one JSON tree, with
/// dates and amounts both raw and pre-formatted in the document's language. `indie invoice
/// render --to json` prints it; `man indie-template` documents it field by field.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "indie/core/clock.hpp"
#include "indie/core/invoice.hpp"

namespace indie {

/// What the document is made from; the CLI loads it, nothing here reads the database.
struct DocumentInput {
  Invoice invoice;
  std::vector<InvoiceLine> lines;
  InvoiceTotals totals;
  std::optional<Invoice> original{};          ///< credit notes: the invoice they correct
  nlohmann::ordered_json seller{}, client{};  ///< the snapshots frozen at issue (a draft: today's)
  std::vector<std::string> mentions{};        ///< frozen at issue (a draft: as they would be)
  std::optional<std::vector<TimesheetEntry>> timesheet{};
  bool has_logo = false;
  bool duplicate = false;  ///< a copy of an issued invoice, marked DUPLICATA / DUPLICATE
};

/// Version of the model's shape; a template can check it. Bumped when a field changes meaning.
inline constexpr int kDocumentModelVersion = 1;

/// The model. Optional fields are null when absent, so a Mustache section skips them.
nlohmann::ordered_json invoice_document(const DocumentInput& in);

}  // namespace indie
