#include "indie/core/fx_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "indie/core/error.hpp"
#include "indie/core/fx_position.hpp"

namespace indie {

Money Valuer::value(const Money& amount, Date day, std::string_view what) {
  return conversion(amount.currency(), day, what).apply(amount.minor());
}

const FxConversion& Valuer::conversion(const Currency& from, Date day, std::string_view what) {
  auto& by_day = cache_[from.code];
  auto it = by_day.find(day);
  if (it == by_day.end()) {
    FxPath path;
    if (from.code != target_.code) {
      try {
        path = paths_(from.code, target_.code, day);
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::not_found) throw;
        throw not_found(fmt::format("{} needs a {} rate to {} on {}: {}", what, from.code,
                                    target_.code, format_date(day), e.what()));
      }
    }
    it = by_day.emplace(day, FxConversion(path, from, target_)).first;
  }
  return it->second;
}

Money Valuer::booked(const Money& amount, const std::string& eur_rate, Date issued,
                     std::string_view what) {
  if (amount.currency().code == target_.code) return amount;
  if (target_.code == "EUR" && !eur_rate.empty()) return to_eur(amount, Decimal::parse(eur_rate));
  return value(amount, issued, what);
}

FxReport fx_report(const FxHistory& history, const Currency& target, Date from, Date to, Date as_of,
                   RatePaths paths) {
  Valuer valuer(std::move(paths), target);
  FxReport report{{}, Money::zero(target), Money::zero(target)};
  const auto row = [&](bool realized, std::string_view source, std::optional<Date> date,
                       std::string item, const Money& amount, const Money& booked,
                       const Money& valued) {
    FxRow r{realized, std::string(source), date, std::move(item), amount, booked, valued};
    (realized ? report.realized : report.unrealized) += r.result();
    report.rows.push_back(std::move(r));
  };

  for (const auto& p : history.payments) {
    if (p.currency == target.code && p.received_currency == target.code) continue;
    const Money settled(p.amount_minor, currency(p.currency, true));
    const Money received(p.received_minor, currency(p.received_currency, true));
    const std::string what = "payment on " + p.number;
    row(true, "payment", p.date, fmt::format("{} {}", p.number, p.client), settled,
        valuer.booked(settled, p.eur_rate, p.issue_date, what),
        valuer.value(received, p.date, what));
  }

  for (const auto& t : history.transfers) {
    const Account& src = history.accounts.at(t.from_account);
    const Account& dst = history.accounts.at(t.to_account);
    if (src.currency == dst.currency) continue;
    const Money sent(t.sent_minor, currency(src.currency, true));
    const Money received(t.received_minor, currency(dst.currency, true));
    const std::string item = fmt::format("{} -> {}", src.name, dst.name);
    row(true, "transfer", t.date, item, sent, valuer.value(sent, t.date, "transfer " + item),
        valuer.value(received, t.date, "transfer " + item));
  }

  // Foreign-currency accounts: what spending and converting realized in the period, and the
  // revaluation of what is held on as_of. Both need the account's whole history for its cost.
  struct Held {
    const Account* account;
    FxRelease released;  // summed over the period
    FxPosition at_as_of;
  };
  std::vector<Held> held;
  const Date walk_to = std::max(to, as_of);
  for (const auto& [id, acc] : history.accounts) {
    if (acc.currency == target.code) continue;
    const Currency& cur = currency(acc.currency, true);
    FxPosition position;
    Held h{&acc, {}, {}};
    bool snapshot_taken = false;
    const std::string what = "account \"" + acc.name + "\"";
    const FxConversion* rate = nullptr;
    Date rate_day{};
    history.movements(acc.id, walk_to, [&](Date day, std::int64_t amount) {
      if (!snapshot_taken && day > as_of) {
        h.at_as_of = position;
        snapshot_taken = true;
      }
      if (rate == nullptr || day != rate_day) {
        rate = &valuer.conversion(cur, day, what);
        rate_day = day;
      }
      const FxRelease r = position.apply(amount, rate->apply(amount).minor());
      if (day >= from && day <= to) {
        h.released.amount += r.amount;
        h.released.book += r.book;
        h.released.value += r.value;
      }
    });
    if (!snapshot_taken) h.at_as_of = position;
    held.push_back(h);
  }
  for (const auto& h : held) {
    if (h.released.amount == 0) continue;
    const Currency& cur = currency(h.account->currency, true);
    // Shown as what left the account: amounts, book and value with the sign of the holding.
    row(true, "account", std::nullopt, h.account->name, Money(-h.released.amount, cur),
        Money(-h.released.book, target), Money(-h.released.value, target));
  }
  for (const auto& h : held) {
    const FxPosition& p = h.at_as_of;
    if (p.amount() == 0 && p.book() == 0) continue;
    const Money balance(p.amount(), currency(h.account->currency, true));
    row(false, "account", as_of, h.account->name, balance, Money(p.book(), target),
        valuer.value(balance, as_of, "account \"" + h.account->name + "\""));
  }
  for (const auto& r : history.receivables) {
    if (r.currency == target.code) continue;
    const Money due(r.due_minor, currency(r.currency, true));
    const std::string what = "invoice " + r.number;
    row(false, "receivable", as_of, fmt::format("{} {}", r.number, r.client), due,
        valuer.booked(due, r.eur_rate, r.issue_date, what), valuer.value(due, as_of, what));
  }
  return report;
}

}  // namespace indie
