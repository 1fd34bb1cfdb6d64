#include "indie/app/statement_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "indie/app/accounts.hpp"
#include "indie/app/inputs.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/invoice.hpp"
#include "indie/core/reconcile.hpp"
#include "indie/core/settlement.hpp"
#include "indie/core/text.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/invoice_repo.hpp"

namespace indie {
namespace {

// What a movement recorded by hand is, for matching and for people.
ExpectedMovement expected_of(Store& store, const AccountTx& t) {
  ExpectedMovement e;
  e.tx_id = t.id;
  e.date = t.date;
  e.amount_minor = t.amount_minor;
  e.names.push_back(t.payee);
  if (!t.invoice_number.empty()) {
    e.reference = t.invoice_number;
    // The payee of a payment is the client's handle; the bank writes the client's name.
    if (const auto client = store.clients().find(t.payee)) e.names.push_back(client->name);
    e.what =
        fmt::format("the {} of {}", t.amount_minor < 0 ? "refund" : "payment", t.invoice_number);
  } else if (t.origin == TxOrigin::transfer) {
    e.what = fmt::format("the transfer {} {}", t.amount_minor < 0 ? "to" : "from", t.payee);
  } else {
    // A bill paid by hand is noted "bill NUMBER" (or "credit note NUMBER"): its reference.
    if (t.note.starts_with("bill "))
      e.reference = t.note.substr(5);
    else if (t.note.starts_with("credit note "))
      e.reference = t.note.substr(12);
    e.what = t.note.empty() ? fmt::format("transaction {}", t.id)
                            : fmt::format("transaction {} ({})", t.id, t.note);
  }
  e.what += fmt::format(" recorded on {}", format_date(t.date));
  return e;
}

// The open invoices in the account's currency, what is still due on each (kept up to date as
// rows pay them), and an index of their numbers.
struct OpenInvoices {
  std::vector<Receivable> items;
  ReferenceIndex index;
};

OpenInvoices open_invoices(Store& store, const std::string& currency) {
  OpenInvoices out;
  for (auto& r : store.invoices().receivables(
           Date{std::chrono::year(kLastYear), std::chrono::December, std::chrono::day(31)}))
    if (r.currency == currency) {
      out.index.add(r.number, out.items.size());
      out.items.push_back(std::move(r));
    }
  return out;
}

// Which of the open invoices `row` pays: the one it names when it pays at most what is due, or
// all it names when it pays exactly what is due on them together. Empty, with `why` said, when
// it names some it cannot pay.
std::vector<std::size_t> paid_by(const StatementRow& row, const OpenInvoices& open,
                                 std::string& why) {
  if (row.amount_minor <= 0 || row.fee) return {};
  std::vector<std::size_t> named;
  for (const std::size_t i : open.index.named_in(row.payee + " " + row.memo))
    if (open.items[i].due_minor > 0) named.push_back(i);
  if (named.empty()) return {};
  std::int64_t due = 0;
  for (const std::size_t i : named) due += open.items[i].due_minor;
  if (named.size() == 1 && row.amount_minor <= due) return named;
  if (row.amount_minor == due) return named;
  std::vector<std::string> numbers;
  for (const std::size_t i : named) numbers.push_back(open.items[i].number);
  why = fmt::format(
      "names {} but pays {} where {} is due: record it with indie invoice pay "
      "NUMBER --tx ID",
      join(numbers, ", "),
      Money(row.amount_minor, currency(open.items[named[0]].currency, true)).to_string(),
      Money(due, currency(open.items[named[0]].currency, true)).to_string());
  return {};
}

}  // namespace

StatementImported import_statement(Session& session, const ImportStatement& a) {
  Store& store = session.store();
  WriteTransaction tx(store);
  AccountRepo& repo = store.accounts();
  const Account acc = account_for_entry(store, a.account);
  const Currency& cur = currency(acc.currency, true);
  StatementImported out;
  out.account = acc.name;
  out.currency = acc.currency;
  // Read and check every row first: a bad line stops the import before anything is written.
  out.statement = read_statement(a.text, a.source, a.rules, cur);
  const auto& rows = out.statement.rows;

  // The movements recorded by hand that the statement's days may show.
  std::vector<ExpectedMovement> expected;
  if (!rows.empty()) {
    const auto [first, last] = std::minmax_element(
        rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.date < y.date; });
    for (const auto& t : repo.unmatched(acc.id, add_days(first->date, -kMatchWindowDays),
                                        add_days(last->date, kMatchWindowDays)))
      expected.push_back(expected_of(store, t));
  }
  std::vector<bool> taken(expected.size(), false);
  OpenInvoices open = open_invoices(store, acc.currency);

  const bool charges_vat = session.config().business.vat_regime == VatRegime::standard;
  AccountTx t;
  t.account_id = acc.id;
  t.origin = TxOrigin::import;
  t.created_at = session.now_iso();
  for (const auto& r : rows) {
    ImportedRow done{.row = &r};
    if (repo.has_fingerprint(acc.id, r.fingerprint)) {
      done.outcome = RowOutcome::skipped;
      ++out.skipped;
      out.rows.push_back(std::move(done));
      continue;
    }
    if (const auto m = match_movement(r, expected, taken, rows)) {
      taken[m->expected] = true;
      const ExpectedMovement& e = expected[m->expected];
      repo.set_fingerprint(e.tx_id, r.fingerprint);
      done.outcome = RowOutcome::matched;
      done.tx_id = e.tx_id;
      done.what = e.what;
      done.why = m->why;
      done.weak = m->weak;
      ++out.matched;
      out.rows.push_back(std::move(done));
      continue;
    }
    t.date = r.date;
    t.amount_minor = r.amount_minor;
    t.payee = r.payee;
    t.note = r.memo;
    t.category = r.fee ? "fees" : a.rules.category;
    t.vat_rate.clear();
    t.vat_minor.reset();
    if (const auto* rule = r.fee ? nullptr : a.rules.payee_rule(r.payee, r.memo)) {
      if (!rule->category.empty()) t.category = rule->category;
      // VAT is deductible only for a business that charges it; under the franchise the rule's
      // rate is left out (said once, after the import).
      if (!rule->vat.empty() && charges_vat) {
        t.vat_rate = rule->vat;
        t.vat_minor = vat_included(t.amount_minor, Decimal::parse(rule->vat));
      } else if (!rule->vat.empty()) {
        out.vat_ignored = true;
      }
    }
    t.fingerprint = r.fingerprint;
    // Rows sharing a fingerprint within one file were told apart by their rank, so a row that
    // is new here is inserted.
    done.tx_id = repo.insert_imported(t).value_or(0);
    const std::vector<std::size_t> pays = paid_by(r, open, done.why);
    if (!pays.empty()) {
      // The row pays the invoices it names: their payments, on the bank's day, linked to it.
      std::vector<std::string> what;
      std::int64_t left = r.amount_minor;
      for (std::size_t k = 0; k < pays.size(); ++k) {
        Receivable& due = open.items[pays[k]];
        const Invoice inv = store.invoices().get(due.number);
        const Money amount(k + 1 == pays.size() ? left : due.due_minor, inv.cur());
        left -= amount.minor();
        Payment p;
        p.invoice_id = inv.id;
        p.date = r.date;
        p.method = PaymentMethod::transfer;
        p.account = acc.name;
        p.amount_minor = p.received_minor = amount.minor();
        p.received_currency = acc.currency;
        p.note = fmt::format("{} line {}", a.source, r.line);
        p.created_at = t.created_at;
        const Settlement settled =
            settle_payment(inv, store.invoices().credited_minor(inv.id),
                           store.invoices().paid_minor(inv.id), amount, amount, false);
        const std::int64_t payment_id = store.invoices().insert_payment(p);
        if (k == 0) repo.link_payment(done.tx_id, inv.id, payment_id);
        out.payments.push_back(payment_id);
        due.due_minor -= amount.minor();
        what.push_back(fmt::format("the payment of {} ({})", due.number,
                                   settled.left.is_zero() ? "paid in full"
                                                          : amount_text(settled.left, true) + " " +
                                                                inv.currency + " still due"));
      }
      done.outcome = RowOutcome::paid;
      done.what = join(what, " and ");
      done.why = pays.size() == 1 ? "its number named" : "their numbers named, their sum paid";
      ++out.paid;
    } else {
      ++out.added;
    }
    if (r.fee) ++out.fees;
    out.rows.push_back(std::move(done));
  }
  out.balance_minor = repo.balance(acc.id);
  if (!a.dry_run) tx.commit();  // a dry run rolls everything back
  return out;
}

}  // namespace indie
