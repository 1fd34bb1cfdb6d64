#include "indie/app/invoice_payments.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include "indie/app/accounts.hpp"
#include "indie/app/books.hpp"
#include "indie/app/inputs.hpp"
#include "indie/core/error.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/reconcile.hpp"
#include "indie/core/settlement.hpp"
#include "indie/core/text.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/invoice_repo.hpp"
#include "indie/store/rate_repo.hpp"

namespace indie {

namespace {

// The row imported from `account`'s statement that is this payment, if one names the invoice or
// the client, with the same amount, at most a week from `date`.
std::optional<std::pair<AccountTx, std::string>> imported_row_for(Store& store,
                                                                  const Account& account,
                                                                  const Invoice& inv, Date date,
                                                                  std::int64_t received_minor) {
  std::string client_name;
  if (const auto c = store.clients().find(inv.client_handle)) client_name = c->name;
  struct Candidate {
    bool reference;
    long days;
    AccountTx row;
  };
  std::optional<Candidate> best;
  for (auto& t : store.accounts().imported_unlinked(account.id, add_days(date, -kMatchWindowDays),
                                                    add_days(date, kMatchWindowDays))) {
    if (t.amount_minor != received_minor) continue;
    const std::string text = t.payee + " " + t.note;
    const bool reference = names_reference(text, *inv.number);
    if (!reference && !names_party(text, client_name) && !names_party(text, inv.client_handle))
      continue;
    const long days =
        std::labs((std::chrono::sys_days(t.date) - std::chrono::sys_days(date)).count());
    // The reference beats the payer; then the nearest day; then the first imported.
    if (!best || (reference && !best->reference) ||
        (reference == best->reference && days < best->days))
      best = Candidate{reference, days, std::move(t)};
  }
  if (!best) return std::nullopt;
  return std::pair(best->row, best->reference ? fmt::format("same amount, {} named", *inv.number)
                                              : std::string("same amount, the payer named"));
}

}  // namespace

InvoicePaid pay_invoice(Session& session, const PayInvoice& a) {
  Store& store = session.store();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  const Invoice inv = repo.get(a.invoice);
  check_payable(inv);
  const Currency& inv_cur = inv.cur();
  const Currency& pay_cur = a.currency.empty() ? inv_cur : currency_arg(a.currency, "--currency");

  // --tx: the imported row is the payment; its account, day and amount are the payment's.
  std::optional<AccountTx> given_row;
  std::optional<Account> row_account;
  if (a.tx_id) {
    given_row = store.accounts().find_tx(*a.tx_id);
    if (!given_row)
      throw not_found(fmt::format(
          "--tx: no transaction {}; see the ids with indie account register ACCOUNT", *a.tx_id));
    if (given_row->payment_id)
      throw conflict(fmt::format(
          "--tx: transaction {} is already payment {}{}", *a.tx_id, *given_row->payment_id,
          given_row->invoice_number.empty() ? "" : " of " + given_row->invoice_number));
    row_account = store.accounts().get(given_row->account_id);
    if (!trim(a.account).empty() && store.accounts().get(trim(a.account)).id != row_account->id)
      throw usage_error(fmt::format("--tx: transaction {} is in \"{}\", not in --account {}",
                                    *a.tx_id, row_account->name, a.account));
    if (given_row->amount_minor <= 0)
      throw invalid_input(fmt::format(
          "--tx: transaction {} is money out ({} {}); a payment from a client is money in",
          *a.tx_id,
          amount_text(Money(given_row->amount_minor, currency(row_account->currency, true)), true),
          row_account->currency));
  }

  Money paid = Money::zero(pay_cur);
  if (!a.amount.empty()) {
    paid = amount_arg(a.amount, pay_cur, "--amount");
  } else if (given_row && row_account->currency == pay_cur.code) {
    paid = Money(given_row->amount_minor, pay_cur);
  } else if (pay_cur.code == inv_cur.code) {
    // Most payments settle the whole invoice: what is still due.
    paid = Money(inv.gross_minor - repo.credited_minor(inv.id) - repo.paid_minor(inv.id), inv_cur);
    if (paid.minor() <= 0)
      throw conflict(
          fmt::format("nothing is due on {}: give --amount to record more (with --allow-overpay)",
                      *inv.number));
  } else {
    throw usage_error(
        fmt::format("--amount is required with --currency {}: what the client paid", pay_cur.code));
  }
  if (paid.minor() <= 0)
    throw invalid_input(
        "--amount must be more than 0: to pay money back to the client, use indie invoice "
        "refund; to undo a payment recorded by mistake, indie invoice pay --reverse PAYMENT_ID "
        "(indie invoice show lists them)");
  const Date date = a.date.value_or(given_row ? given_row->date : session.today());

  Payment p;
  p.invoice_id = inv.id;
  p.date = date;
  p.method = a.method;
  p.note = a.note;
  p.created_at = session.now_iso();

  // What the payment settles, in the invoice's currency.
  Money settled = paid;
  if (pay_cur.code != inv_cur.code) {
    if (a.rate) {
      settled = convert(paid, *a.rate, inv_cur);
      p.rate = a.rate->normalized().to_string();
    } else {
      FxPath path;
      try {
        path = store.rates().path(pay_cur.code, inv_cur.code, date);
      } catch (const Error&) {
        throw invalid_input(fmt::format(
            "no exchange rate from {} to {} is known on {}: give one with --rate R (1 {} = R {}), "
            "or say what it settled with --amount in {} and --received {}",
            pay_cur.code, inv_cur.code, format_date(date), pay_cur.code, inv_cur.code, inv_cur.code,
            paid.canonical()));
      }
      settled = convert(paid, path, inv_cur);
    }
  }
  p.amount_minor = settled.minor();
  Money received = a.received.value_or(paid);
  if (given_row) {
    const Money row_money(given_row->amount_minor, currency(row_account->currency, true));
    if (a.received && (a.received->currency().code != row_money.currency().code ||
                       a.received->minor() != row_money.minor()))
      throw invalid_input(fmt::format("--received: transaction {} is {} {}; leave --received out",
                                      *a.tx_id, row_money.to_string(), row_account->currency));
    received = row_money;
  }
  if (received.minor() <= 0) throw invalid_input("--received must be more than 0");
  p.received_minor = received.minor();
  p.received_currency = received.currency().code;
  // The money lands in a known, open account, in that account's currency.
  const std::optional<Account> account =
      given_row
          ? row_account
          : account_for_money(store, a.account, p.received_currency, "--account", "--received");
  if (given_row && row_account->currency != p.received_currency)
    throw invalid_input(fmt::format("--tx: transaction {} is in {}, the payment in {}", *a.tx_id,
                                    row_account->currency, p.received_currency));
  if (account) p.account = account->name;
  const Settlement s = settle_payment(inv, repo.credited_minor(inv.id), repo.paid_minor(inv.id),
                                      settled, received, a.allow_overpay);
  if (s.fx_gain) {
    p.fx_gain_minor = s.fx_gain->minor();
    p.fx_currency = "EUR";
  }
  const std::int64_t payment_id = repo.insert_payment(p);
  std::optional<std::int64_t> linked;
  std::string linked_why;
  if (given_row) {
    linked = given_row->id;
    linked_why = "given with --tx";
  } else if (account) {
    if (auto row = imported_row_for(store, *account, inv, date, p.received_minor)) {
      linked = row->first.id;
      linked_why = fmt::format("{}, imported on {}", row->second, format_date(row->first.date));
    }
  }
  if (linked)
    store.accounts().link_payment(*linked, inv.id, payment_id);
  else if (account)
    record_in_account(store, *account, inv, p, payment_id);
  auto warnings = crossed_threshold_warnings(session, date, [&](const Receipt& r) {
    return r.source.kind == ReceiptKind::payment && r.source.id == payment_id;
  });
  tx.commit();
  return InvoicePaid{.payment_id = payment_id,
                     .number = *inv.number,
                     .paid = paid,
                     .settled = settled,
                     .left = s.left,
                     .account = p.account,
                     .fx_gain = s.fx_gain,
                     .warnings = std::move(warnings),
                     .linked_tx = linked,
                     .linked_why = linked_why};
}

InvoiceRefunded refund_invoice(Session& session, const RefundInvoice& a) {
  Store& store = session.store();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  Invoice inv = repo.get(a.invoice);
  // A credit note names the invoice whose money goes back.
  if (inv.kind == InvoiceKind::credit_note && inv.issued && inv.credited_id)
    inv = repo.get(std::to_string(*inv.credited_id));
  check_payable(inv);
  const Currency& cur = inv.cur();
  const Money refunded = amount_arg(a.amount, cur, "--amount");
  if (refunded.minor() <= 0) throw invalid_input("--amount is the money paid back, more than 0");
  const Money sent = a.sent.value_or(refunded);
  if (sent.minor() <= 0) throw invalid_input("--sent must be more than 0");
  const Date date = a.date.value_or(session.today());
  if (date < *inv.issue_date)
    throw invalid_input(fmt::format("--date: {} was issued on {}; a refund cannot come before it",
                                    *inv.number, format_date(*inv.issue_date)));
  const Settlement s =
      settle_refund(inv, repo.credited_minor(inv.id), repo.paid_minor(inv.id), refunded, sent);
  Payment p;
  p.invoice_id = inv.id;
  p.kind = PaymentKind::refund;
  p.date = date;
  p.method = a.method;
  p.amount_minor = -refunded.minor();
  p.received_minor = -sent.minor();
  p.received_currency = sent.currency().code;
  if (s.fx_gain) {
    p.fx_gain_minor = s.fx_gain->minor();
    p.fx_currency = "EUR";
  }
  p.note = a.note;
  p.created_at = session.now_iso();
  const std::optional<Account> account =
      account_for_money(store, a.account, p.received_currency, "--account", "--sent");
  if (account) p.account = account->name;
  const std::int64_t id = repo.insert_payment(p);
  if (account) record_in_account(store, *account, inv, p, id);
  tx.commit();
  return InvoiceRefunded{.payment_id = id,
                         .number = *inv.number,
                         .refunded = refunded,
                         .sent = sent,
                         .left = s.left,
                         .account = p.account,
                         .fx_gain = s.fx_gain};
}

PaymentReversed reverse_payment(Session& session, const ReversePayment& a) {
  Store& store = session.store();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  const std::int64_t id = a.payment_id;
  const std::optional<Payment> original = repo.payment(id);
  if (!original)
    throw not_found(fmt::format(
        "no payment {}: indie invoice show NUMBER lists an invoice's payments with their ids", id));
  const Invoice inv = repo.get(std::to_string(original->invoice_id));
  if (!a.invoice.empty()) {
    const Invoice named = repo.get(a.invoice);
    if (named.id != inv.id)
      throw invalid_input(
          fmt::format("payment {} was recorded on {}, not on {}", id, inv.label(), named.label()));
  }
  if (const auto by = repo.reversed_by(id))
    throw conflict(fmt::format("payment {} was already reversed, by payment {}", id, *by));
  const Date date = a.date.value_or(session.today());
  if (date < original->date)
    throw invalid_input(
        fmt::format("--date: payment {} was recorded on {}; its reversal cannot "
                    "come before it",
                    id, format_date(original->date)));
  Payment r = reversal_of(*original, date, session.now_iso());
  r.note = a.note;
  // The reversal goes where the original went, even into an account archived since: it corrects
  // an entry of its closed history rather than adding business to it.
  std::optional<Account> account;
  if (!r.account.empty()) account = store.accounts().get(r.account);
  const std::int64_t reversal_id = repo.insert_payment(r);
  if (account)
    record_in_account(store, *account, inv, r, reversal_id,
                      fmt::format("reversal of payment {}", *r.reverses));
  const Money left(inv.gross_minor - repo.credited_minor(inv.id) - repo.paid_minor(inv.id),
                   inv.cur());
  tx.commit();
  const Money undone(original->amount_minor, inv.cur());
  return PaymentReversed{.reversal_id = reversal_id,
                         .original_kind = original->kind,
                         .number = *inv.number,
                         .undone = undone.is_negative() ? -undone : undone,
                         .left = left,
                         .account = r.account};
}

}  // namespace indie
