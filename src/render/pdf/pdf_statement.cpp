#include "pdf_statement.hpp"

#include <fmt/format.h>

#include "pdf_model.hpp"

namespace indie::pdf {

using nlohmann::ordered_json;

// A statement of account: for each currency, its movements with the running balance, their
// totals, then what is still due (or owed back) and what of it is overdue.
void statement_tables(Pen& pen, const ordered_json& doc) {
  const auto& labels = doc["labels"];
  if (doc.value("empty", false)) {
    pen.line(kMargin, kContentWidth, str(labels, "nothing_to_state"), {10});
    return;
  }
  const auto num = [](const char* key) {
    return [key](const ordered_json& r) { return str(r, key, "number"); };
  };
  for (const auto& c : doc["currencies"]) {
    pen.line(kMargin, kContentWidth, str(c, "currency"), {12, true, kAccent}, 4);
    Table table(pen, {{62,
                       str(labels, "date"),
                       Align::left,
                       [](const ordered_json& r) { return str(r, "date", "iso"); },
                       {}},
                      {70,
                       str(labels, "document"),
                       Align::left,
                       [](const ordered_json& r) { return str(r, "document"); },
                       {}},
                      {0,
                       str(labels, "detail"),
                       Align::left,
                       [](const ordered_json& r) { return str(r, "kind_text"); },
                       {}},
                      {62,
                       str(labels, "due_short"),
                       Align::left,
                       [](const ordered_json& r) { return str(r, "due_date", "iso"); },
                       {}},
                      {64, str(labels, "debit"), Align::right, num("debit"), {}},
                      {64, str(labels, "credit"), Align::right, num("credit"), {}},
                      {68, str(labels, "balance"), Align::right, num("balance"), {}}});
    table.header();
    if (truthy(c, "opening"))
      table.row({{"date", {{"iso", ""}}},
                 {"document", ""},
                 {"kind_text", str(labels, "opening_balance")},
                 {"balance", c["opening"]}});
    for (const auto& r : c["rows"]) table.row(r);
    table.row({{"date", {{"iso", ""}}},
               {"document", ""},
               {"kind_text", str(labels, "total")},
               {"debit", c["debits"]},
               {"credit", c["credits"]}},
              true);
    pen.y += 6;
    const double x = kMargin + kContentWidth * 0.5, w = kContentWidth * 0.5;
    pen.line(
        x, w,
        fmt::format("{}{}{}", str(c, "closing_label"), colon(doc), str(c, "closing_abs", "text")),
        {11, true, kAccent, Align::right}, 2);
    if (truthy(c, "overdue"))
      pen.line(x, w,
               fmt::format("{}{}{}", str(labels, "overdue"), colon(doc), str(c, "overdue", "text")),
               {9, false, kInk, Align::right}, 2);
    pen.y += 10;
  }
}

}  // namespace indie::pdf
