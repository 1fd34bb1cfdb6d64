// indie report fx: what exchange rates earned or cost, realized and unrealized.
//
// Realized, between --from and --to:
//   - payment: an invoice in one currency settled in another (or landing in a foreign account):
//     what was received, at the reference rate of its day, against what the invoice was booked at
//     (its own frozen rate when the report is in EUR);
//   - transfer: what arrived against what left, both at the reference rate of the day: the spread
//     the bank kept beyond its fee;
//   - account: money spent or converted from a foreign-currency account, at its reference value,
//     against the average cost it was booked at (FxPosition).
// Unrealized, at --as-of: foreign balances and open receivables at that day's rate against what
// they were booked at. Realized and unrealized together are the whole exchange result.
#include <fmt/format.h>

#include <map>
#include <optional>

#include "commands.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/core/error.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/fx_position.hpp"
#include "indie/store/rate_repo.hpp"
#include "invoice_common.hpp"
#include "report_common.hpp"

namespace indie::cli {
namespace {

struct FxArgs {
  std::string from, to, as_of, in;
};

/// Values amounts in the report currency at the reference rate of a day, looking each
/// (currency, day) path up once.
class Valuer {
 public:
  Valuer(RateRepo& rates, const Currency& target) : rates_(rates), target_(target) {}

  Money value(const Money& amount, Date day, std::string_view what) {
    return conversion(amount.currency(), day, what).apply(amount.minor());
  }

  /// How amounts of `from` become the report currency on `day`.
  const FxConversion& conversion(const Currency& from, Date day, std::string_view what) {
    auto& by_day = cache_[from.code];
    auto it = by_day.find(day);
    if (it == by_day.end()) {
      FxPath path;
      if (from.code != target_.code) {
        try {
          path = rates_.path(from.code, target_.code, day);
        } catch (const Error& e) {
          if (e.kind() != ErrorKind::not_found) throw;
          throw not_found(fmt::format("{} needs a {} rate to {} on {}: {}", what, from.code, target_.code,
                                      format_date(day), e.what()));
        }
      }
      it = by_day.emplace(day, FxConversion(path, from, target_)).first;
    }
    return it->second;
  }

  /// What an invoice amount was booked at: its own rate, frozen at issue, when the report is in
  /// EUR; otherwise the reference rate of its issue day.
  Money booked(const Money& amount, const std::string& eur_rate, Date issued, std::string_view what) {
    if (amount.currency().code == target_.code) return amount;
    if (target_.code == "EUR" && !eur_rate.empty()) return to_eur(amount, Decimal::parse(eur_rate));
    return value(amount, issued, what);
  }

 private:
  RateRepo& rates_;
  const Currency& target_;
  std::map<std::string_view, std::map<Date, FxConversion>> cache_;  // keys: the currency table's codes
};

class FxReport {
 public:
  FxReport(Context& ctx, const Currency& target)
      : ctx_(ctx), target_(target), people_(ctx.format() == Format::table), realized_(Money::zero(target)),
        unrealized_(Money::zero(target)) {}

  void row(bool realized, std::string_view source, std::optional<Date> date, const std::string& item, const Money& amount,
           const Money& booked, const Money& valued) {
    const Money result = valued - booked;
    (realized ? realized_ : unrealized_) += result;
    rows_.push_back({Cell::str(realized ? "realized" : "unrealized"), Cell::str(std::string(source)),
                             date ? Cell::str(format_date(*date)) : Cell::none(), Cell::str(item),
                             Cell::amount(amount_text(amount, people_)), Cell::str(std::string(amount.currency().code)),
                             Cell::amount(amount_text(booked, people_)), Cell::amount(amount_text(valued, people_)),
                             Cell::amount(signed_text(result)), Cell::str(std::string(target_.code))});
  }

  /// Prints the rows and totals. Nothing is printed before: a missing rate found late stops the
  /// report with no half-written CSV or JSON.
  void finish(Date from, Date to) {
    if (rows_.empty() && people_) {
      ctx_.err << fmt::format("No exchange results between {} and {}: every amount was in {}.\n", format_date(from),
                              format_date(to), target_.code);
      return;
    }
    total("realized", realized_);
    total("unrealized", unrealized_);
    total("total", realized_ + unrealized_);
    TableWriter w(ctx_.out, ctx_.format(),
                  {"kind", "source", "date", "item", "amount", "currency", "booked", "valued", "result", "value_currency"});
    for (const auto& r : rows_) w.row(r);
    w.finish();
  }

 private:
  std::string signed_text(const Money& m) const {
    std::string text = amount_text(m, people_);
    return people_ && m.minor() > 0 ? "+" + text : text;
  }
  void total(std::string_view kind, const Money& m) {
    rows_.push_back({Cell::str(std::string(kind)), Cell::str("total"), Cell::none(), Cell::none(), Cell::none(),
                             Cell::none(), Cell::none(), Cell::none(), Cell::amount(signed_text(m)),
                             Cell::str(std::string(target_.code))});
  }

  Context& ctx_;
  const Currency& target_;
  bool people_;
  std::vector<std::vector<Cell>> rows_;
  Money realized_, unrealized_;
};

void run_fx(Context& ctx, const FxArgs& a) {
  Store& store = ctx.store();
  RateRepo rates(store);
  AccountRepo accounts(store);
  InvoiceRepo invoices(store);
  const Currency& target = currency_arg(a.in.empty() ? ctx.config().business.currency : a.in, "--in");
  const Date to = date_or_today(ctx, a.to, "--to");
  const Date from = a.from.empty() ? Date{to.year(), std::chrono::January, std::chrono::day(1)}
                                   : date_or_today(ctx, a.from, "--from");
  if (from > to)
    throw usage_error(fmt::format("--from {} is after --to {}", format_date(from), format_date(to)));
  const Date as_of = a.as_of.empty() ? to : date_or_today(ctx, a.as_of, "--as-of");

  Valuer valuer(rates, target);
  FxReport report(ctx, target);

  for (const auto& p : invoices.payments(from, to)) {
    const Money settled(p.amount_minor, currency(p.currency, true));
    const Money received(p.received_minor, currency(p.received_currency, true));
    if (p.currency == target.code && p.received_currency == target.code) continue;
    const std::string item = fmt::format("{} {}", p.number, p.client);
    report.row(true, "payment", p.date, item, settled, valuer.booked(settled, p.eur_rate, p.issue_date, "payment on " + p.number),
               valuer.value(received, p.date, "payment on " + p.number));
  }

  std::map<std::int64_t, Account> by_id;
  for (auto& acc : accounts.list(true)) by_id.emplace(acc.id, std::move(acc));
  for (const auto& t : accounts.transfers(from, to)) {
    const Account& src = by_id.at(t.from_account);
    const Account& dst = by_id.at(t.to_account);
    if (src.currency == dst.currency) continue;
    const Money sent(t.sent_minor, currency(src.currency, true));
    const Money received(t.received_minor, currency(dst.currency, true));
    const std::string item = fmt::format("{} -> {}", src.name, dst.name);
    report.row(true, "transfer", t.date, item, sent, valuer.value(sent, t.date, "transfer " + item),
               valuer.value(received, t.date, "transfer " + item));
  }

  // Foreign-currency accounts: what spending and converting realized in the period, and the
  // revaluation of what is held on --as-of. Both need the account's whole history for its cost.
  struct Held {
    const Account* account;
    FxRelease released;  // summed over the period
    FxPosition at_as_of;
  };
  std::vector<Held> held;
  const Date walk_to = std::max(to, as_of);
  for (const auto& [id, acc] : by_id) {
    if (acc.currency == target.code) continue;
    const Currency& cur = currency(acc.currency, true);
    FxPosition position;
    Held h{&acc, {}, {}};
    bool snapshot_taken = false;
    const std::string what = "account \"" + acc.name + "\"";
    const FxConversion* rate = nullptr;
    Date rate_day{};
    accounts.for_each_movement(acc.id, walk_to, [&](Date day, std::int64_t amount) {
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
    report.row(true, "account", std::nullopt, h.account->name, Money(-h.released.amount, cur),
               Money(-h.released.book, target), Money(-h.released.value, target));
  }

  for (const auto& h : held) {
    const FxPosition& p = h.at_as_of;
    if (p.amount() == 0 && p.book() == 0) continue;
    const Money balance(p.amount(), currency(h.account->currency, true));
    report.row(false, "account", as_of, h.account->name, balance, Money(p.book(), target),
               valuer.value(balance, as_of, "account \"" + h.account->name + "\""));
  }
  for (const auto& r : invoices.receivables(as_of)) {
    if (r.currency == target.code) continue;
    const Money due(r.due_minor, currency(r.currency, true));
    const std::string what = "invoice " + r.number;
    report.row(false, "receivable", as_of, fmt::format("{} {}", r.number, r.client), due,
               valuer.booked(due, r.eur_rate, r.issue_date, what), valuer.value(due, as_of, what));
  }
  report.finish(from, to);
}

}  // namespace

void setup_report_fx(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<FxArgs>();
  auto* cmd = group.add_subcommand("fx", "Exchange gains and losses: realized in a period, unrealized at a date");
  cmd->add_option("--from", a->from, "First day of the period (default: 1 January of --to's year)");
  cmd->add_option("--to", a->to, "Last day of the period (default: today)");
  cmd->add_option("--as-of", a->as_of, "Day of the revaluation (default: --to)");
  cmd->add_option("--in", a->in, "Report currency (default: business.currency)");
  cmd->footer(
      "Realized, for payments, transfers and spending dated in the period:\n"
      "  payment     what was received, at the reference rate of its day, against what the invoice\n"
      "              was booked at (its own rate, frozen at issue, for a report in EUR)\n"
      "  transfer    what arrived against what left, both at the reference rate of the day\n"
      "  account     money spent or converted from a foreign-currency account against its average cost\n"
      "Unrealized, at --as-of: foreign-currency balances and open receivables at that day's rate\n"
      "against what they were booked at. Reference rates come from `indie rate`; the latest\n"
      "publication on or before each day is used.\n\n"
      "Examples:\n  indie report fx\n  indie report fx --from 2026-01-01 --to 2026-12-31 --format csv\n"
      "  indie report fx --as-of 2026-06-30 --in EUR");
  cmd->callback([&ctx, a] { run_fx(ctx, *a); });
}

}  // namespace indie::cli
