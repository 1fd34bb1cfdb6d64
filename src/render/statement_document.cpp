// The statement of account's document model (statement_document.hpp).
#include "indie/render/statement_document.hpp"

#include <fmt/format.h>

#include "document_parts.hpp"
#include "indie/core/currency.hpp"

namespace indie {

using nlohmann::ordered_json;

namespace {

std::string kind_text(const StatementItem& item, Language lang) {
  switch (item.kind) {
    case StatementItemKind::invoice:
      return document_label("kind_invoice", lang);
    case StatementItemKind::credit_note:
      return fmt::format("{} {}", document_label("kind_credit_note", lang), item.invoice);
    case StatementItemKind::payment:
      return fmt::format("{} ({})", document_label("kind_payment", lang),
                         document_label("method_" + item.method, lang));
    case StatementItemKind::refund:
      return fmt::format("{} ({})", document_label("kind_refund", lang),
                         document_label("method_" + item.method, lang));
    case StatementItemKind::reversal:
      return document_label("kind_reversal", lang);
  }
  return "";
}

ordered_json money_or_null(std::int64_t minor, const Currency& cur, Language lang) {
  return minor == 0 ? ordered_json(nullptr) : document_money(Money(minor, cur), lang);
}

}  // namespace

ordered_json statement_document(const StatementInput& in) {
  const Language lang = in.language;
  ordered_json j;
  j["model_version"] = 1;
  j["language"] = lang == Language::fr ? "fr" : "en";
  j["labels"] = document_labels(lang);
  ordered_json doc;
  doc["kind"] = "statement";
  doc["title"] = document_label("statement", lang);
  doc["number"] = nullptr;
  doc["draft"] = false;
  doc["draft_mark"] = nullptr;
  doc["as_of"] = document_date(in.as_of, lang);
  doc["since"] = document_date(in.from, lang);
  j["document"] = std::move(doc);
  const std::string own_country = in.seller.value("country", "FR");
  j["seller"] = document_party(in.seller, own_country, lang);
  j["seller"]["identity"] = document_identity(in.seller, lang);
  j["seller"]["logo"] = false;
  j["client"] = document_party(in.client, own_country, lang);

  ordered_json currencies = ordered_json::array();
  for (const CurrencyStatement& s : in.currencies) {
    const Currency& cur = currency(s.currency, true);
    ordered_json c;
    c["currency"] = s.currency;
    c["opening"] = in.from ? document_money(Money(s.opening_minor, cur), lang) : ordered_json();
    ordered_json rows = ordered_json::array();
    for (const StatementLine& l : s.lines) {
      const StatementItem& item = l.item;
      rows.push_back(
          {{"date", document_date(item.date, lang)},
           {"kind", std::string(to_string(item.kind))},
           {"kind_text", kind_text(item, lang)},
           {"document", item.document},
           {"invoice", item.invoice},
           {"payment_id",
            item.payment_id == 0 ? ordered_json(nullptr) : ordered_json(item.payment_id)},
           {"due_date", document_date(item.due_date, lang)},
           {"debit", money_or_null(item.amount_minor > 0 ? item.amount_minor : 0, cur, lang)},
           {"credit", money_or_null(item.amount_minor < 0 ? -item.amount_minor : 0, cur, lang)},
           {"balance", document_money(Money(l.balance_minor, cur), lang)}});
    }
    c["rows"] = std::move(rows);
    c["debits"] = document_money(Money(s.debits_minor, cur), lang);
    c["credits"] = document_money(Money(-s.credits_minor, cur), lang);
    c["closing"] = document_money(Money(s.closing_minor, cur), lang);
    // Said from the client's side: what it still owes, or what it is owed back.
    c["closing_label"] =
        document_label(s.closing_minor < 0 ? "balance_in_favour" : "balance_due", lang);
    c["closing_abs"] =
        document_money(Money(s.closing_minor < 0 ? -s.closing_minor : s.closing_minor, cur), lang);
    c["overdue"] = money_or_null(s.overdue_minor, cur, lang);
    currencies.push_back(std::move(c));
  }
  j["empty"] = currencies.empty();
  j["currencies"] = std::move(currencies);
  return j;
}

}  // namespace indie
