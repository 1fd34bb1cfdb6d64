#include "pdf_journal.hpp"

#include <fmt/format.h>

#include "pdf_model.hpp"

namespace indie::pdf {

using nlohmann::ordered_json;

void journal_tables(Pen& pen, const ordered_json& doc) {
  const auto& labels = doc["labels"];
  if (doc.value("empty", false)) {
    pen.line(kMargin, kContentWidth, str(labels, "nothing_to_state"), {10});
    return;
  }
  Table table(pen, {{58,
                     str(labels, "received_on"),
                     Align::left,
                     [](const ordered_json& r) { return str(r, "date", "iso"); },
                     {}},
                    {110,
                     str(labels, "client"),
                     Align::left,
                     [](const ordered_json& r) { return str(r, "client"); },
                     {}},
                    {0, str(labels, "nature"), Align::left,
                     [](const ordered_json& r) { return str(r, "nature"); },
                     // A foreign-currency receipt shows what arrived under its nature.
                     [](const ordered_json& r) { return str(r, "received", "text"); }},
                    {70,
                     str(labels, "references"),
                     Align::left,
                     [](const ordered_json& r) { return str(r, "references"); },
                     {}},
                    {48,
                     str(labels, "method"),
                     Align::left,
                     [](const ordered_json& r) { return str(r, "method"); },
                     {}},
                    {70,
                     str(labels, "amount_eur"),
                     Align::right,
                     [](const ordered_json& r) { return str(r, "eur", "number"); },
                     {}}});
  table.header();
  for (const auto& m : doc["months"]) {
    for (const auto& r : m["rows"]) table.row(r);
    table.row({{"date", {{"iso", ""}}},
               {"client", fmt::format("{} {}", str(labels, "month_total"), str(m, "month"))},
               {"eur", m["total"]}},
              true);
  }
  pen.y += 6;
  pen.line(
      kMargin + kContentWidth * 0.4, kContentWidth * 0.6,
      fmt::format("{}{}{}", str(labels, "period_total"), colon(doc), str(doc["total"], "text")),
      {11, true, kAccent, Align::right}, 2);
}

}  // namespace indie::pdf
