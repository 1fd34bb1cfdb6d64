#pragma once
// Reading the document model (indie/render/invoice_document.hpp, statement_document.hpp) inside
// the PDF module: text fields that may be missing or null, and the language's colon.
#include <nlohmann/json.hpp>
#include <string>

namespace indie::pdf {

// A label's colon as the document's language writes it: a no-break space before it in French
// ("Motif : …"), none in English ("Reason: …").
inline std::string colon(const nlohmann::ordered_json& doc) {
  return doc.value("language", "fr") == "fr" ? "\u00A0: " : ": ";
}

inline std::string str(const nlohmann::ordered_json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
// j[a][b] as text, "" when any part is missing or null.
inline std::string str(const nlohmann::ordered_json& j, const char* a, const char* b) {
  const auto it = j.find(a);
  return it != j.end() && it->is_object() ? str(*it, b) : std::string();
}
inline bool truthy(const nlohmann::ordered_json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && !it->is_null() && !(it->is_boolean() && !it->get<bool>());
}

}  // namespace indie::pdf
