#pragma once
/// The receipts journal as a document model: what `indie report receipts --to` renders (PDF,
/// HTML, Markdown, text) and prints as JSON, printable for an inspection.
#include <nlohmann/json.hpp>
#include <string>

#include "indie/core/money.hpp"
#include "indie/core/receipts.hpp"

namespace indie {

struct JournalInput {
  ReceiptsJournal journal;
  Date from{}, to{};
  std::string period_label;  ///< "2026", "2026-Q4"
  Language language = Language::fr;
  nlohmann::ordered_json seller;  ///< today's business profile
};

nlohmann::ordered_json journal_document(const JournalInput& in);

}  // namespace indie
