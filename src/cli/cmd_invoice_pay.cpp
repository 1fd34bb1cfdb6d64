// indie invoice pay: a payment against an issued invoice, with what the bank really credited
// and the exchange result of a foreign-currency invoice.
#include <fmt/format.h>

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
  bool allow_overpay = false;
};

void warn_thresholds(Context& ctx, std::int64_t before, std::int64_t after) {
  const std::string total = amount_text(Money(after, currency("EUR")), true);
  switch (crossed_franchise_threshold(before, after)) {
    case FranchiseThreshold::increased:
      ctx.warn(
          fmt::format("your receipts this year reach {} EUR, above the 41,250 EUR franchise "
                      "threshold for services: "
                      "VAT is due from today's operations. Switch with: indie config set "
                      "business.vat_regime standard",
                      total));
      break;
    case FranchiseThreshold::base:
      ctx.warn(
          fmt::format("your receipts this year reach {} EUR, above the 37,500 EUR franchise "
                      "threshold for services: "
                      "the franchise en base ends on 1 January unless you stay under it (see man "
                      "indie-invoice)",
                      total));
      break;
    case FranchiseThreshold::none:
      break;
  }
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
  const Config& config = ctx.config();
  WriteTransaction tx(store);
  InvoiceRepo repo(store);
  const Invoice inv = repo.get(a.invoice);
  check_payable(inv);
  const Currency& inv_cur = inv.cur();
  const Currency& pay_cur = a.currency.empty() ? inv_cur : currency_arg(a.currency, "--currency");
  const Money paid = amount_arg(a.amount, pay_cur, "--amount");
  if (paid.minor() <= 0) throw invalid_input("--amount must be more than 0");
  const Date date = date_or_today(ctx, a.date, "--date");

  Payment p;
  p.invoice_id = inv.id;
  p.date = date;
  try {
    p.method = parse_payment_method(a.method);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("--method: {}", e.what()));
  }
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
  std::optional<Account> account;
  if (!p.account.empty()) {
    try {
      account = AccountRepo(store).get(p.account);
    } catch (const Error& e) {
      throw not_found(fmt::format("--account: {}", e.what()));
    }
    if (account->currency != p.received_currency)
      throw invalid_input(fmt::format(
          "account {} is in {}, but the payment arrived in {}: say what it credited with "
          "--received AMOUNT{}",
          account->name, account->currency, p.received_currency, account->currency));
    p.account = account->name;
  }
  const Settlement s = settle_payment(inv, repo.credited_minor(inv.id), repo.paid_minor(inv.id),
                                      settled, received, a.allow_overpay);
  if (s.fx_gain) {
    p.fx_gain_minor = s.fx_gain->minor();
    p.fx_currency = "EUR";
  }
  const Date jan1{date.year(), std::chrono::January, std::chrono::day(1)};
  const Date dec31{date.year(), std::chrono::December, std::chrono::day(31)};
  const std::int64_t before = repo.received_eur_minor(jan1, dec31);
  const std::int64_t payment_id = repo.insert_payment(p);
  if (account) {
    AccountTx t;
    t.account_id = account->id;
    t.date = date;
    t.amount_minor = p.received_minor;
    t.payee = inv.client_handle;
    t.category = "invoice";
    t.note = *inv.number;
    t.origin = TxOrigin::payment;
    t.invoice_id = inv.id;
    t.payment_id = payment_id;
    t.created_at = p.created_at;
    AccountRepo(store).insert_tx(t);
  }
  const std::int64_t after = before + (p.received_currency == "EUR" ? p.received_minor : 0);
  tx.commit();

  const Money& left = s.left;
  std::string message =
      fmt::format("Recorded {} {} on {}", amount_text(paid, true), pay_cur.code, *inv.number);
  if (pay_cur.code != inv_cur.code)
    message += fmt::format(" (settles {} {})", amount_text(settled, true), inv_cur.code);
  if (!p.account.empty()) message += " into " + p.account;
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
  if (config.business.vat_regime == VatRegime::franchise) warn_thresholds(ctx, before, after);
}

}  // namespace

void setup_invoice_pay(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<PayArgs>();
  auto* cmd = group.add_subcommand("pay", "Record a payment on an issued invoice");
  cmd->add_option("invoice", a->invoice, "Invoice number")->required();
  cmd->add_option("--amount", a->amount, "Amount paid, in --currency (default: the invoice's)")
      ->required();
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
  cmd->footer(
      "Partial payments are fine; the invoice's status follows. For a foreign-currency invoice,\n"
      "--received records what the bank credited and the exchange gain or loss against the rate\n"
      "frozen at issue.\n\nExamples:\n  indie invoice pay F2026-0007 --amount 500\n"
      "  indie invoice pay F2026-0008 --amount 2500 --received 2291.40EUR --account \"Qonto\"");
  cmd->callback([&ctx, a] { pay(ctx, *a); });
}

}  // namespace indie::cli
