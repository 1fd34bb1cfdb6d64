#pragma once
/// The statement of account as a document model: what `indie client statement --to` renders
/// (PDF, HTML, Markdown, text) and prints as JSON. `man indie-template` documents its fields.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "indie/core/clock.hpp"
#include "indie/core/money.hpp"
#include "indie/core/statement.hpp"

namespace indie {

struct StatementInput {
  std::vector<CurrencyStatement> currencies;
  std::optional<Date> from;
  Date as_of{};
  Language language = Language::fr;
  nlohmann::ordered_json seller, client;  ///< today's business profile and client
};

nlohmann::ordered_json statement_document(const StatementInput& in);

}  // namespace indie
