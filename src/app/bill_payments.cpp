#include "indie/app/bill_payments.hpp"

#include <fmt/format.h>

#include "indie/app/accounts.hpp"
#include "indie/app/inputs.hpp"
#include "indie/core/bill.hpp"
#include "indie/core/error.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/bill_repo.hpp"

namespace indie {
namespace {

std::string text_of(std::int64_t minor, const std::string& code) {
  return amount_text(Money(minor, currency(code, true)), true);
}

}  // namespace

BillPaid pay_bill(Session& session, const PayBill& a) {
  if (a.account.empty() == !a.tx_id)
    throw usage_error(
        "give --account ACCOUNT to record the payment, or --tx ID to link a transaction already "
        "there (a bank import's)");
  Store& store = session.store();
  WriteTransaction tx(store);
  BillRepo& bills = store.bills();
  AccountRepo& accounts = store.accounts();
  const BillRecord r = bills.get(a.bill_id);
  const Bill& b = r.bill;
  const std::int64_t left = b.payable - r.paid_minor;
  if (left <= 0)
    throw conflict(fmt::format("bill {} is paid already ({} {}); nothing was changed", r.id,
                               text_of(r.paid_minor, b.currency), b.currency));
  // A credit note is money back from the supplier: it comes in, an invoice goes out.
  const int sign = b.credit_note ? 1 : -1;
  const std::string kind = b.credit_note ? "credit-note" : "invoice";
  const bool deductible = session.config().business.vat_regime != VatRegime::franchise;

  AccountTx t;
  std::int64_t settles = left;  // in the bill's currency
  if (a.tx_id) {
    auto found = accounts.find_tx(*a.tx_id);
    if (!found)
      throw not_found(fmt::format(
          "--tx: no transaction {}; see the ids with indie account register ACCOUNT", *a.tx_id));
    t = *found;
    const Account acc = accounts.get(t.account_id);
    if ((t.amount_minor < 0 ? -1 : 1) != sign)
      throw invalid_input(fmt::format("--tx: transaction {} is {} {}, {}; a {} is paid by money {}",
                                      t.id, text_of(t.amount_minor, acc.currency), acc.currency,
                                      t.amount_minor < 0 ? "money out" : "money in", kind,
                                      sign < 0 ? "out (below 0)" : "in (above 0)"));
    if (acc.currency == b.currency) settles = sign * t.amount_minor;
    if (settles > left)
      throw invalid_input(fmt::format(
          "--tx: transaction {} is {} {}, more than the {} {} left to pay on bill {}", t.id,
          text_of(settles, b.currency), b.currency, text_of(left, b.currency), b.currency, r.id));
    if (t.payee.empty()) t.payee = b.seller.name;
    if (t.category.empty()) t.category = r.category;
    if (deductible && !t.vat_minor) {
      if (const auto vat = vat_share_in(b, acc.currency, r.paid_minor, settles); vat && *vat != 0)
        t.vat_minor = sign * *vat, t.vat_rate = single_vat_rate(b);
    }
    accounts.update_tx(t);
  } else {
    const Account acc = account_for_entry(store, a.account);
    const Currency& cur = currency(acc.currency);
    if (acc.currency != b.currency && a.amount.empty())
      throw usage_error(fmt::format(
          "bill {} is in {} and account \"{}\" in {}: give --amount, what left the account in {}",
          r.id, b.currency, acc.name, acc.currency, acc.currency));
    std::int64_t amount = left;
    if (!a.amount.empty()) {
      amount = amount_arg(a.amount, cur, "--amount").minor();
      if (amount <= 0)
        throw invalid_input("--amount: give what was paid, more than 0 (indie sets the sign)");
      if (acc.currency == b.currency) {
        if (amount > left)
          throw invalid_input(fmt::format("--amount: {} {} is more than the {} {} left to pay",
                                          a.amount, b.currency, text_of(left, b.currency),
                                          b.currency));
        settles = amount;
      }
    }
    t.account_id = acc.id;
    t.amount_minor = sign * amount;
    t.date = a.date.value_or(session.today());
    t.payee = b.seller.name;
    t.category = r.category;
    t.note = fmt::format("{} {}", b.credit_note ? "credit note" : "bill", b.number);
    t.created_at = session.now_iso();
    if (deductible) {
      if (const auto vat = vat_share_in(b, acc.currency, r.paid_minor, settles); vat && *vat != 0)
        t.vat_minor = sign * *vat, t.vat_rate = single_vat_rate(b);
    }
    t.id = accounts.insert_tx(t);
  }
  bills.link_payment(r.id, t.id, settles);
  tx.commit();
  return BillPaid{.bill_id = r.id,
                  .supplier = b.seller.name,
                  .number = b.number,
                  .currency = b.currency,
                  .credit_note = b.credit_note,
                  .tx_id = t.id,
                  .settled_minor = settles,
                  .left_minor = left - settles};
}

}  // namespace indie
