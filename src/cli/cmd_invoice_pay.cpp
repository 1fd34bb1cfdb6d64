// indie invoice pay and indie invoice refund: the flags of the use cases of
// indie/app/invoice_payments.hpp (money received on an issued invoice, money paid back, the
// reversal of either), and what they did in words.
#include <fmt/format.h>

#include "commands.hpp"
#include "indie/app/invoice_payments.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct PayArgs {
  std::string invoice, amount, currency, date, account, method = "transfer", received, rate, note;
  std::optional<std::int64_t> reverse, tx;
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

std::optional<Date> date_arg(Context& ctx, const std::string& text, std::string_view flag) {
  if (text.empty()) return std::nullopt;
  return date_or_today(ctx, text, flag);
}

std::optional<Money> positive_money_arg(const std::string& text, std::string_view flag) {
  if (text.empty()) return std::nullopt;
  const Money m = money_arg(text, flag);
  if (m.minor() <= 0) throw invalid_input(fmt::format("{} must be more than 0", flag));
  return m;
}

std::string fx_text(const std::optional<Money>& gain) {
  if (!gain) return "";
  return fmt::format(" Exchange {}: {} EUR against the rate of the invoice.",
                     gain->minor() >= 0 ? "gain" : "loss", amount_text(*gain, true));
}

void pay(Context& ctx, const PayArgs& a) {
  PayInvoice request{.invoice = a.invoice,
                     .amount = a.amount,
                     .currency = a.currency,
                     .rate = a.rate.empty() ? std::nullopt : std::optional(rate_flag(a.rate)),
                     .date = date_arg(ctx, a.date, "--date"),
                     .method = method_arg(a.method, "--method"),
                     .account = std::string(trim(a.account)),
                     .received = positive_money_arg(a.received, "--received"),
                     .note = a.note,
                     .allow_overpay = a.allow_overpay,
                     .tx_id = a.tx};
  const InvoicePaid r = pay_invoice(ctx.session(), request);
  const std::string_view inv_code = r.settled.currency().code;
  const std::string_view pay_code = r.paid.currency().code;
  std::string message =
      fmt::format("Recorded {} {} on {}", amount_text(r.paid, true), pay_code, r.number);
  if (pay_code != inv_code)
    message += fmt::format(" (settles {} {})", amount_text(r.settled, true), inv_code);
  if (!r.account.empty()) message += " into " + r.account;
  message += fmt::format(" (payment {})", r.payment_id);
  if (r.linked_tx)
    message += fmt::format(", as transaction {} of the statement ({})", *r.linked_tx, r.linked_why);
  message += r.left.minor() > 0
                 ? fmt::format("; {} {} still due.", amount_text(r.left, true), inv_code)
             : r.left.is_zero()
                 ? "; paid in full."
                 : fmt::format("; overpaid by {} {}.", amount_text(-r.left, true), inv_code);
  message += fx_text(r.fx_gain);
  ctx.say(message);
  for (const auto& w : r.warnings) ctx.warn(w);
}

// pay --reverse: the exact opposite of a payment or refund, in the same account.
void reverse(Context& ctx, const PayArgs& a) {
  const PaymentReversed r = reverse_payment(ctx.session(), {.payment_id = *a.reverse,
                                                            .invoice = a.invoice,
                                                            .date = date_arg(ctx, a.date, "--date"),
                                                            .note = a.note});
  ctx.say(fmt::format("Reversed {} {} of {} {} on {} (payment {}){}; {}.",
                      r.original_kind == PaymentKind::refund ? "refund" : "payment", *a.reverse,
                      amount_text(r.undone, true), r.undone.currency().code, r.number,
                      r.reversal_id, r.account.empty() ? "" : ", in " + r.account,
                      due_after(r.left, r.left.currency().code)));
}

void refund(Context& ctx, const RefundArgs& a) {
  const InvoiceRefunded r =
      refund_invoice(ctx.session(), {.invoice = a.invoice,
                                     .amount = a.amount,
                                     .date = date_arg(ctx, a.date, "--date"),
                                     .method = method_arg(a.method, "--method"),
                                     .account = a.account,
                                     .sent = positive_money_arg(a.sent, "--sent"),
                                     .note = a.note});
  const std::string_view code = r.refunded.currency().code;
  std::string message =
      fmt::format("Refunded {} {} on {}", amount_text(r.refunded, true), code, r.number);
  if (r.sent.currency().code != code)
    message += fmt::format(" ({} {} sent)", amount_text(r.sent, true), r.sent.currency().code);
  if (!r.account.empty()) message += " from " + r.account;
  message += fmt::format(" (payment {}); {}.", r.payment_id, due_after(r.left, code));
  message += fx_text(r.fx_gain);
  ctx.say(message);
}

}  // namespace

void setup_invoice_pay(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<PayArgs>();
  auto* cmd = group.add_subcommand("pay", "Record a payment on an issued invoice");
  cmd->add_option("invoice", a->invoice, "Invoice number");
  cmd->add_option("--amount", a->amount,
                  "Amount paid, in --currency (default: the invoice's); default: all that is "
                  "still due");
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
  cmd->add_option("--tx", a->tx,
                  "The row of an imported statement that is this payment (indie account "
                  "register lists the ids): its account, day and amount");
  cmd->add_option("--reverse", a->reverse,
                  "Undo payment ID (or a refund) recorded by mistake, with its exact opposite");
  cmd->footer(
      "Partial payments are fine; the invoice's status follows. For a foreign-currency invoice,\n"
      "--received records what the bank credited and the exchange gain or loss against the rate\n"
      "frozen at issue. A recorded payment never changes: --reverse ID records its exact\n"
      "opposite (same account, --date and --note allowed), and indie invoice show lists the ids.\n"
      "Without --amount, the payment is what is still due. When the account's statement was\n"
      "imported first, the row that is this payment (same amount, at most a week apart, naming\n"
      "the invoice or the client) becomes its side in the account, or name it with --tx ID:\n"
      "nothing is counted twice.\n"
      "\nExamples:\n  indie invoice pay F2026-0007 --amount 500\n"
      "  indie invoice pay F2026-0007 --account Qonto          # all that is due\n"
      "  indie invoice pay F2026-0009 --tx 1842               # the imported row\n"
      "  indie invoice pay F2026-0008 --amount 2500 --received 2291.40EUR --account \"Qonto\"\n"
      "  indie invoice pay --reverse 12");
  cmd->callback([&ctx, a, cmd] {
    if (a->reverse) {
      for (const char* flag : {"--amount", "--currency", "--rate", "--account", "--method",
                               "--received", "--allow-overpay", "--tx"})
        if (cmd->count(flag) > 0)
          throw usage_error(fmt::format(
              "--reverse records the exact opposite of the payment; {} cannot be given with it",
              flag));
      reverse(ctx, *a);
      return;
    }
    if (a->invoice.empty())
      throw usage_error("give the invoice number: indie invoice pay NUMBER --amount AMOUNT");
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
