// The receipts journal's document model (journal_document.hpp).
#include "indie/render/journal_document.hpp"

#include <fmt/format.h>

#include "document_parts.hpp"
#include "indie/core/currency.hpp"

namespace indie {

using nlohmann::ordered_json;

namespace {

std::string method_text(const std::string& method, Language lang) {
  const std::string label = document_label("method_" + method, lang);
  return label.empty() || label == "method_" + method ? method : label;
}

}  // namespace

ordered_json journal_document(const JournalInput& in) {
  const Language lang = in.language;
  const Currency& eur = currency("EUR");
  ordered_json j;
  j["model_version"] = 1;
  j["language"] = lang == Language::fr ? "fr" : "en";
  j["labels"] = document_labels(lang);
  ordered_json doc;
  doc["kind"] = "journal";
  doc["title"] = document_label("receipts_journal", lang);
  doc["number"] = nullptr;
  doc["draft"] = false;
  doc["draft_mark"] = nullptr;
  doc["period_label"] = in.period_label;
  doc["from"] = document_date(in.from, lang);
  doc["to"] = document_date(in.to, lang);
  doc["books_period"] = {
      {"text", fmt::format("{} – {}", document_date(in.from, lang)["text"].get<std::string>(),
                           document_date(in.to, lang)["text"].get<std::string>())}};
  j["document"] = std::move(doc);
  const std::string own_country = in.seller.value("country", "FR");
  j["seller"] = document_party(in.seller, own_country, lang);
  j["seller"]["identity"] = document_identity(in.seller, lang);
  j["seller"]["logo"] = false;
  j["client"] = ordered_json::object();

  // Months in order, each with its receipts and its total.
  ordered_json months = ordered_json::array();
  std::size_t row = 0;
  const auto& rows = in.journal.rows;
  for (const JournalMonth& m : in.journal.months) {
    ordered_json month;
    const Date first{std::chrono::year(m.year), std::chrono::month(m.month), std::chrono::day(1)};
    month["month"] = fmt::format("{}-{:02}", m.year, m.month);
    ordered_json items = ordered_json::array();
    for (; row < rows.size() && rows[row].receipt.source.date.year() == first.year() &&
           rows[row].receipt.source.date.month() == first.month();
         ++row) {
      const Receipt& r = rows[row].receipt;
      const auto& s = r.source;
      std::string references = s.invoice;
      if (!s.credit_notes.empty()) references += (references.empty() ? "" : " ") + s.credit_notes;
      std::string client = s.client;
      if (rows[row].grouped > 1)
        client = fmt::format("{} {}", rows[row].grouped, document_label("cash_sales", lang));
      std::string nature;
      for (std::size_t i = 0; i < 3; ++i)
        if (r.net_eur[i] != 0) {
          if (!nature.empty()) nature += ", ";
          nature += activity_label(activity_at(i), lang);
        }
      if (!s.object.empty() && rows[row].grouped == 1) nature += " — " + s.object;
      const bool foreign = s.received_currency != "EUR" && rows[row].grouped == 1;
      items.push_back(
          {{"date", document_date(s.date, lang)},
           {"kind", std::string(to_string(s.kind))},
           {"client", client},
           {"nature", nature},
           {"references", references},
           {"method", method_text(s.method, lang)},
           {"received",
            foreign
                ? document_money(Money(s.received_minor, currency(s.received_currency, true)), lang)
                : ordered_json()},
           {"basis", std::string(to_string(r.basis))},
           {"rate", r.rate.empty() ? ordered_json() : ordered_json(r.rate)},
           {"eur", document_money(Money(r.eur_minor, eur), lang)}});
    }
    month["rows"] = std::move(items);
    month["total"] = document_money(Money(m.eur_minor, eur), lang);
    months.push_back(std::move(month));
  }
  j["months"] = std::move(months);
  j["total"] = document_money(Money(in.journal.total_eur, eur), lang);
  j["empty"] = rows.empty();
  return j;
}

}  // namespace indie
