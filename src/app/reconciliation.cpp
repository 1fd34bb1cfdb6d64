#include "indie/app/reconciliation.hpp"

#include <algorithm>
#include <chrono>

#include "indie/core/reconcile.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/invoice_repo.hpp"

namespace indie {

Reconciliation reconciliation(Session& session, const std::string& name) {
  Store& store = session.store();
  Reconciliation out;
  out.account = store.accounts().get(name);
  const Date first{std::chrono::year(kFirstYear), std::chrono::January, std::chrono::day(1)};
  const Date last{std::chrono::year(kLastYear), std::chrono::December, std::chrono::day(31)};
  for (auto& r : store.invoices().receivables(last))
    if (r.currency == out.account.currency) out.open_invoices.push_back(std::move(r));
  ReferenceIndex index;
  for (std::size_t i = 0; i < out.open_invoices.size(); ++i)
    index.add(out.open_invoices[i].number, i);
  // Each client's name, for the payer a row names.
  std::vector<std::string> client_names;
  for (const auto& r : out.open_invoices) {
    const auto c = store.clients().find(r.client);
    client_names.push_back(c ? c->name : r.client);
  }
  for (auto& t : store.accounts().imported_unlinked(out.account.id, first, last)) {
    if (t.amount_minor <= 0) continue;
    UnpaidRow row{std::move(t), {}};
    const std::string text = row.row.payee + " " + row.row.note;
    for (const std::size_t i : index.named_in(text))
      row.suggestions.push_back({out.open_invoices[i].number, "its number named"});
    for (std::size_t i = 0; i < out.open_invoices.size(); ++i) {
      const Receivable& r = out.open_invoices[i];
      if (r.due_minor != row.row.amount_minor) continue;
      bool listed = false;
      for (const auto& s : row.suggestions) listed = listed || s.number == r.number;
      if (listed) continue;
      const bool payer = names_party(text, client_names[i]) || names_party(text, r.client);
      row.suggestions.push_back(
          {r.number, payer ? "the payer named, the amount due" : "the amount due"});
    }
    // The payer's invoices first: the likelier.
    std::stable_partition(row.suggestions.begin(), row.suggestions.end(),
                          [](const PaymentSuggestion& s) { return s.why != "the amount due"; });
    out.rows.push_back(std::move(row));
  }
  out.waiting = store.accounts().unmatched(out.account.id, first, last);
  return out;
}

}  // namespace indie
