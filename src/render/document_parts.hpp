#pragma once
// What every document model shares (the invoice's, the statement's): labels in the document's
// language, dates and amounts both raw and pre-formatted, a party block, the seller's legal
// identity line. Defined in invoice_document.cpp, where the invoice model uses them too.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "indie/core/clock.hpp"
#include "indie/core/money.hpp"

namespace indie {

nlohmann::ordered_json document_labels(Language lang);
std::string document_label(std::string_view key, Language lang);
/// {iso, text}, or null.
nlohmann::ordered_json document_date(const std::optional<Date>& d, Language lang);
/// {raw, number, text}.
nlohmann::ordered_json document_money(const Money& m, Language lang);
/// A seller or client snapshot as the templates see it (address_lines, siren_text…).
nlohmann::ordered_json document_party(const nlohmann::ordered_json& snapshot,
                                      const std::string& own_country, Language lang);
/// The seller's legal identity, for the foot of every page.
std::string document_identity(const nlohmann::ordered_json& seller, Language lang);

}  // namespace indie
