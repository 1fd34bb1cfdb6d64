// indie invoice pay and indie invoice refund: money received on an issued invoice (with what
// the bank really credited and the exchange result of a foreign-currency invoice), money paid
// back to the client, and the reversal of either when it was recorded by mistake. A recorded
// payment never changes: every correction is a new row.
#include <fmt/format.h>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/settlement.hpp"
#include "indie/core/text.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/rate_repo.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct PayArgs {
  std::string invoice, amount, currency, date, account, method = "transfer", received, rate, note;
  std::optional<std::int64_t> reverse;
  bool allow_overpay = false;
};

struct RefundArgs {
  std::string invoice, amount, date, account, method = "transfer", sent, note;
};

std::string due_after(const Money& left, std::string_view code) {
  if (left.minor() > 0) return fmt::format("{} {} still due", amount_text(left, true), code);
  if (left.is_zero()) return "nothing due";
  return fmt::format("{} {} owed back to the client (indie invoice refund)",
                     amount_text(-left, true), code);
}

Decimal rate_flag(const std::string& text) {
  try {
    const Decimal r = Decimal::parse(text);
    if (r.mantissa() <= 0) throw invalid_input("it must be more than 0");
    return r;
  } catch (const Error& e) {
    throw invalid_input(fmt::format("--rate: {}", e.what()));
  }
}

void pay(Context& ctx, const PayArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  InvoiceRepo repo(store);
  const Invoice inv = repo.get(a.invoice);
  check_payable(inv);
  const Currency& inv_cur = inv.cur();
  const Currency& pay_cur = a.currency.empty() ? inv_cur : currency_arg(a.currency, "--currency");
  const Money paid = amount_arg(a.amount, pay_cur, "--amount");
  if (paid.minor() <= 0)
    throw invalid_input(
        "--amount must be more than 0: to pay money back to the client, use indie invoice "
        "refund; to undo a payment recorded by mistake, indie invoice pay --reverse PAYMENT_ID "
        "(indie invoice show lists them)");
  const Date date = date_or_today(ctx, a.date, "--date");

  Payment p;
  p.invoice_id = inv.id;
  p.date = date;
  p.method = method_arg(a.method, "--method");
  p.account = std::string(trim(a.account));
  p.note = a.note;
  p.created_at = ctx.now_iso();

  // What the payment settles, in the invoice's currency.
  Money settled = paid;
  if (pay_cur.code != inv_cur.code) {
    if (!a.rate.empty()) {
      const Decimal rate = rate_flag(a.rate);
      settled = convert(paid, rate, inv_cur);
      p.rate = rate.normalized().to_string();
    } else {
      FxPath path;
      try {
        path = RateRepo(store).path(pay_cur.code, inv_cur.code, date);
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
  Money received = paid;
  if (!a.received.empty()) {
    try {
      received = Money::parse_with_code(a.received);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--received: {}", e.what()));
    }
    if (received.minor() <= 0) throw invalid_input("--received must be more than 0");
  }
  p.received_minor = received.minor();
  p.received_currency = received.currency().code;
  // The money lands in a known account, in that account's currency.
  const std::optional<Account> account =
      account_arg(store, p.account, p.received_currency, "--account", "--received");
  if (account) p.account = account->name;
  const Settlement s = settle_payment(inv, repo.credited_minor(inv.id), repo.paid_minor(inv.id),
                                      settled, received, a.allow_overpay);
  if (s.fx_gain) {
    p.fx_gain_minor = s.fx_gain->minor();
    p.fx_currency = "EUR";
  }
  const std::int64_t payment_id = repo.insert_payment(p);
  if (account) record_in_account(store, *account, inv, p, payment_id);
  // Read inside the transaction, printed after the confirmation.
  const auto warnings = crossed_threshold_warnings(ctx, date, [&](const Receipt& r) {
    return r.source.kind == ReceiptKind::payment && r.source.id == payment_id;
  });
  tx.commit();

  const Money& left = s.left;
  std::string message =
      fmt::format("Recorded {} {} on {}", amount_text(paid, true), pay_cur.code, *inv.number);
  if (pay_cur.code != inv_cur.code)
    message += fmt::format(" (settles {} {})", amount_text(settled, true), inv_cur.code);
  if (!p.account.empty()) message += " into " + p.account;
  message += fmt::format(" (payment {})", payment_id);
  message += left.minor() > 0
                 ? fmt::format("; {} {} still due.", amount_text(left, true), inv_cur.code)
             : left.is_zero()
                 ? "; paid in full."
                 : fmt::format("; overpaid by {} {}.", amount_text(-left, true), inv_cur.code);
  if (p.fx_gain_minor)
    message += fmt::format(" Exchange {}: {} EUR against the rate of the invoice.",
                           *p.fx_gain_minor >= 0 ? "gain" : "loss",
                           amount_text(Money(*p.fx_gain_minor, currency("EUR")), true));
  ctx.say(message);
  for (const auto& w : warnings) ctx.warn(w);
}

// pay --reverse: the exact opposite of a payment or refund, in the same account.
void reverse(Context& ctx, const PayArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  InvoiceRepo repo(store);
  const std::int64_t id = *a.reverse;
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
  const Date date = date_or_today(ctx, a.date, "--date");
  if (date < original->date)
    throw invalid_input(
        fmt::format("--date: payment {} was recorded on {}; its reversal cannot "
                    "come before it",
                    id, format_date(original->date)));
  Payment r = reversal_of(*original, date, ctx.now_iso());
  r.note = a.note;
  std::optional<Account> account;
  if (!r.account.empty()) account = AccountRepo(store).get(r.account);
  const std::int64_t reversal_id = repo.insert_payment(r);
  if (account)
    record_in_account(store, *account, inv, r, reversal_id,
                      fmt::format("reversal of payment {}", *r.reverses));
  const Money left(inv.gross_minor - repo.credited_minor(inv.id) - repo.paid_minor(inv.id),
                   inv.cur());
  tx.commit();
  const Money undone(original->amount_minor, inv.cur());
  ctx.say(fmt::format("Reversed {} {} of {} {} on {} (payment {}){}; {}.",
                      original->kind == PaymentKind::refund ? "refund" : "payment", id,
                      amount_text(undone.is_negative() ? -undone : undone, true), inv.currency,
                      *inv.number, reversal_id, r.account.empty() ? "" : ", in " + r.account,
                      due_after(left, inv.currency)));
}

void refund(Context& ctx, const RefundArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  InvoiceRepo repo(store);
  Invoice inv = repo.get(a.invoice);
  // A credit note names the invoice whose money goes back.
  if (inv.kind == InvoiceKind::credit_note && inv.issued && inv.credited_id)
    inv = repo.get(std::to_string(*inv.credited_id));
  check_payable(inv);
  const Currency& cur = inv.cur();
  const Money refunded = amount_arg(a.amount, cur, "--amount");
  if (refunded.minor() <= 0) throw invalid_input("--amount is the money paid back, more than 0");
  Money sent = refunded;
  if (!a.sent.empty()) {
    try {
      sent = Money::parse_with_code(a.sent);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--sent: {}", e.what()));
    }
    if (sent.minor() <= 0) throw invalid_input("--sent must be more than 0");
  }
  const Date date = date_or_today(ctx, a.date, "--date");
  if (date < *inv.issue_date)
    throw invalid_input(fmt::format("--date: {} was issued on {}; a refund cannot come before it",
                                    *inv.number, format_date(*inv.issue_date)));
  const Settlement s =
      settle_refund(inv, repo.credited_minor(inv.id), repo.paid_minor(inv.id), refunded, sent);
  Payment p;
  p.invoice_id = inv.id;
  p.kind = PaymentKind::refund;
  p.date = date;
  p.method = method_arg(a.method, "--method");
  p.amount_minor = -refunded.minor();
  p.received_minor = -sent.minor();
  p.received_currency = sent.currency().code;
  if (s.fx_gain) {
    p.fx_gain_minor = s.fx_gain->minor();
    p.fx_currency = "EUR";
  }
  p.note = a.note;
  p.created_at = ctx.now_iso();
  const std::optional<Account> account =
      account_arg(store, std::string(trim(a.account)), p.received_currency, "--account", "--sent");
  if (account) p.account = account->name;
  const std::int64_t id = repo.insert_payment(p);
  if (account) record_in_account(store, *account, inv, p, id);
  tx.commit();
  std::string message =
      fmt::format("Refunded {} {} on {}", amount_text(refunded, true), cur.code, *inv.number);
  if (sent.currency().code != cur.code)
    message += fmt::format(" ({} {} sent)", amount_text(sent, true), sent.currency().code);
  if (account) message += " from " + account->name;
  message += fmt::format(" (payment {}); {}.", id, due_after(s.left, cur.code));
  if (p.fx_gain_minor)
    message += fmt::format(" Exchange {}: {} EUR against the rate of the invoice.",
                           *p.fx_gain_minor >= 0 ? "gain" : "loss",
                           amount_text(Money(*p.fx_gain_minor, currency("EUR")), true));
  ctx.say(message);
}

}  // namespace

void setup_invoice_pay(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<PayArgs>();
  auto* cmd = group.add_subcommand("pay", "Record a payment on an issued invoice");
  cmd->add_option("invoice", a->invoice, "Invoice number");
  cmd->add_option("--amount", a->amount, "Amount paid, in --currency (default: the invoice's)");
  cmd->add_option("--currency", a->currency,
                  "Currency of --amount, when the client paid in another one");
  cmd->add_option("--rate", a->rate,
                  "With --currency: 1 unit of it = RATE units of the invoice's currency");
  cmd->add_option("--date", a->date, "Day the money arrived (default: today)");
  cmd->add_option("--account", a->account, "Account it landed in, e.g. \"Wise USD\"");
  cmd->add_option("--method", a->method, "transfer (default), card, cash, check, paypal or other");
  cmd->add_option("--received", a->received, "What the bank actually credited, e.g. 458.12EUR");
  cmd->add_option("--note", a->note, "A note kept with the payment");
  cmd->add_flag("--allow-overpay", a->allow_overpay, "Record more than is still due");
  cmd->add_option("--reverse", a->reverse,
                  "Undo payment ID (or a refund) recorded by mistake, with its exact opposite");
  cmd->footer(
      "Partial payments are fine; the invoice's status follows. For a foreign-currency invoice,\n"
      "--received records what the bank credited and the exchange gain or loss against the rate\n"
      "frozen at issue. A recorded payment never changes: --reverse ID records its exact\n"
      "opposite (same account, --date and --note allowed), and indie invoice show lists the ids.\n"
      "\nExamples:\n  indie invoice pay F2026-0007 --amount 500\n"
      "  indie invoice pay F2026-0008 --amount 2500 --received 2291.40EUR --account \"Qonto\"\n"
      "  indie invoice pay --reverse 12");
  cmd->callback([&ctx, a, cmd] {
    if (a->reverse) {
      for (const char* flag : {"--amount", "--currency", "--rate", "--account", "--method",
                               "--received", "--allow-overpay"})
        if (cmd->count(flag) > 0)
          throw usage_error(fmt::format(
              "--reverse records the exact opposite of the payment; {} cannot be given with it",
              flag));
      reverse(ctx, *a);
      return;
    }
    if (a->invoice.empty())
      throw usage_error("give the invoice number: indie invoice pay NUMBER --amount AMOUNT");
    if (a->amount.empty())
      throw usage_error("--amount is required: what the client paid, e.g. --amount 500");
    pay(ctx, *a);
  });

  auto r = std::make_shared<RefundArgs>();
  auto* refund_cmd = group.add_subcommand(
      "refund", "Record money paid back to a client (after a credit note or an overpayment)");
  refund_cmd->add_option("invoice", r->invoice, "Invoice number, or the credit note's")->required();
  refund_cmd->add_option("--amount", r->amount, "Amount paid back, in the invoice's currency")
      ->required();
  refund_cmd->add_option("--date", r->date, "Day the money left (default: today)");
  refund_cmd->add_option("--account", r->account, "Account it left, e.g. \"Qonto\"");
  refund_cmd->add_option("--method", r->method,
                         "transfer (default), card, cash, check, paypal or other");
  refund_cmd->add_option("--sent", r->sent,
                         "What left the account, when in another currency, e.g. 93.10EUR");
  refund_cmd->add_option("--note", r->note, "A note kept with the refund");
  refund_cmd->footer(
      "A refund pays back what the client paid beyond what the invoice still asks, once its\n"
      "credit notes are counted: after a credit note on a paid invoice, or an overpayment. It is\n"
      "recorded as a negative payment on the invoice (and in --account), closes what was owed\n"
      "back, and counts as a negative receipt in every turnover figure.\n\nExamples:\n"
      "  indie invoice credit F2026-0007 --amount 140 --reason \"Remise\"\n"
      "  indie invoice refund F2026-0007 --amount 140 --account Qonto\n"
      "  indie invoice refund A2026-0002 --amount 140   # the credit note's number works too");
  refund_cmd->callback([&ctx, r] { refund(ctx, *r); });
}

}  // namespace indie::cli
