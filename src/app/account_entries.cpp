#include "indie/app/account_entries.hpp"

#include <fmt/format.h>

#include "indie/app/accounts.hpp"
#include "indie/app/books.hpp"
#include "indie/app/inputs.hpp"
#include "indie/core/activity.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/expenses.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/invoice_repo.hpp"

namespace indie {
namespace {

// --vat 20 and --vat-amount 7.08: the VAT the amount includes, signed like it.
void apply_vat(VatRegime regime, const AddTransaction& a, AccountTx& t, const Currency& cur) {
  if (!a.vat_rate && a.vat_amount.empty()) return;
  if (a.vat_rate) {
    check_tx_vat(regime, *a.vat_rate, "--vat");
    t.vat_rate = a.vat_rate->normalized().to_string();
    t.vat_minor = vat_included(t.amount_minor, *a.vat_rate);
  } else {
    check_tx_vat(regime, Decimal::from_int(20), "--vat-amount");
  }
  if (!a.vat_amount.empty()) {
    const Money vat = amount_arg(a.vat_amount, cur, "--vat-amount");
    if (vat.minor() <= 0 || vat.minor() >= (t.amount_minor < 0 ? -t.amount_minor : t.amount_minor))
      throw invalid_input(fmt::format(
          "--vat-amount: {} is not VAT included in {}: give the VAT, more than 0 and less than "
          "the amount, without its sign",
          a.vat_amount, Money(t.amount_minor, cur).to_string()));
    t.vat_minor = t.amount_minor < 0 ? -vat.minor() : vat.minor();
  }
}

}  // namespace

TransactionAdded add_transaction(Session& session, const AddTransaction& a) {
  Store& store = session.store();
  WriteTransaction tx(store);
  AccountRepo& repo = store.accounts();
  const Account acc = account_for_entry(store, a.account);
  const Currency& cur = currency(acc.currency);
  AccountTx t;
  t.account_id = acc.id;
  t.amount_minor = amount_arg(a.amount, cur, "amount").minor();
  if (t.amount_minor == 0)
    throw invalid_input(
        "amount: a transaction of 0 changes nothing; give income as 42.50, an expense as -42.50");
  t.date = a.date.value_or(session.today());
  t.payee = a.payee;
  t.category = a.category;
  t.note = a.note;
  if (!a.invoice.empty()) t.invoice_id = store.invoices().get(a.invoice).id;
  t.created_at = session.now_iso();
  check_tx_text(t);
  if (a.vat_rate || !a.vat_amount.empty())
    apply_vat(session.config().business.vat_regime, a, t, cur);
  if (!a.receipt && (!a.activity.empty() || a.method))
    throw usage_error("--activity and --method describe a receipt: add --receipt");
  std::optional<Activity> activity;
  std::string method;
  if (a.receipt) {
    std::optional<Activity> given;
    if (!a.activity.empty()) {
      try {
        given = parse_activity(a.activity);
      } catch (const Error& e) {
        throw invalid_input(fmt::format("--activity: {}", e.what()));
      }
    }
    activity = resolve_activity(given, std::nullopt, session.config().business.activity,
                                "--receipt: say which activity the sale is with --activity");
    // How the client paid: the account's kind says it unless --method does.
    method = a.method                        ? std::string(to_string(*a.method))
             : acc.kind == AccountKind::cash ? "cash"
             : acc.kind == AccountKind::card ? "card"
                                             : "transfer";
  }
  const auto id = repo.insert_tx(t);
  std::vector<std::string> warnings;
  if (activity) {
    repo.mark_receipt(id, *activity, method);
    warnings = crossed_threshold_warnings(session, t.date, [&](const Receipt& r) {
      return r.source.kind == ReceiptKind::sale && r.source.id == id;
    });
  }
  const Money balance(repo.balance(acc.id), currency(acc.currency, true));
  tx.commit();
  return TransactionAdded{.id = id,
                          .receipt = activity.has_value(),
                          .account = acc.name,
                          .currency = acc.currency,
                          .amount = Money(t.amount_minor, cur),
                          .date = t.date,
                          .balance = balance,
                          .warnings = std::move(warnings)};
}

}  // namespace indie
