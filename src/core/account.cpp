#include "indie/core/account.hpp"

#include <fmt/format.h>

#include <array>

#include "indie/core/error.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {
constexpr std::array<std::string_view, 4> kKinds = {"bank", "cash", "card", "wallet"};
constexpr std::array<std::string_view, 6> kOrigins = {"opening", "manual",  "transfer",
                                                      "fee",     "payment", "import"};
}  // namespace

AccountKind parse_account_kind(std::string_view text) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == text) return static_cast<AccountKind>(i);
  throw invalid_input(
      fmt::format("unknown account kind '{}': use bank, cash, card or wallet", text));
}
std::string_view to_string(AccountKind k) { return kKinds[static_cast<std::size_t>(k)]; }

TxOrigin parse_tx_origin(std::string_view text) {
  for (std::size_t i = 0; i < kOrigins.size(); ++i)
    if (kOrigins[i] == text) return static_cast<TxOrigin>(i);
  throw storage_error(fmt::format("unknown transaction origin '{}' in the database", text));
}
std::string_view to_string(TxOrigin o) { return kOrigins[static_cast<std::size_t>(o)]; }

std::string check_account_name(std::string_view name) {
  const std::string_view n = trim(name);
  if (n.empty() || n.size() > 64)
    throw invalid_input("an account name has 1 to 64 characters, e.g. \"Wise USD\"");
  if (!is_printable_utf8(n)) throw invalid_input("an account name cannot hold control characters");
  return std::string(n);
}

void check_takes_entries(const Account& account) {
  if (account.archived_at)
    throw conflict(fmt::format("account \"{}\" is archived; its history is closed", account.name));
}

TransferPlan plan_transfer(const Account& from, const Account& to, const Money& sent,
                           const std::optional<Money>& received_given, const Money& fee, Date date,
                           const std::string& note) {
  if (from.id == to.id)
    throw invalid_input(
        fmt::format("a transfer needs two different accounts (got \"{}\" twice)", from.name));
  check_takes_entries(from);
  check_takes_entries(to);
  const Currency& fc = currency(from.currency);
  const Currency& tc = currency(to.currency);
  if (sent.minor() <= 0)
    throw invalid_input("amount: what leaves the first account must be more than 0");
  Money received = fc.code == tc.code ? Money(sent.minor(), tc) : Money::zero(tc);
  if (received_given) {
    received = *received_given;
    if (received.minor() <= 0) throw invalid_input("--received must be more than 0");
  } else if (fc.code != tc.code) {
    throw invalid_input(fmt::format(
        "\"{}\" is in {} and \"{}\" in {}: say what arrived with --received AMOUNT (in {}); "
        "the rate it implies is kept with the transfer",
        from.name, fc.code, to.name, tc.code, tc.code));
  }
  if (fee.minor() < 0)
    throw invalid_input(
        "--fee: give the fee as a positive amount; it is taken from the first account");

  TransferPlan plan;
  Transfer& tr = plan.transfer;
  tr.date = date;
  tr.from_account = from.id;
  tr.to_account = to.id;
  tr.sent_minor = sent.minor();
  tr.received_minor = received.minor();
  tr.fee_minor = fee.minor();
  tr.rate = implied_rate(sent, received, 8).to_string();
  tr.note = note;
  const auto leg = [&](const Account& acc, std::int64_t minor, TxOrigin origin,
                       const std::string& payee, const char* category) {
    AccountTx t;
    t.account_id = acc.id;
    t.date = date;
    t.amount_minor = minor;
    t.payee = payee;
    t.category = category;
    t.note = note;
    t.origin = origin;
    plan.legs.push_back(std::move(t));
  };
  leg(from, -sent.minor(), TxOrigin::transfer, to.name, "transfer");
  leg(to, received.minor(), TxOrigin::transfer, from.name, "transfer");
  if (fee.minor() > 0) leg(from, -fee.minor(), TxOrigin::fee, to.name, "fees");
  return plan;
}

void check_tx_text(const AccountTx& t) {
  for (const auto& [flag, text] :
       {std::pair{"--payee", &t.payee}, std::pair{"--category", &t.category},
        std::pair{"--note", &t.note}})
    if (!is_printable_utf8(*text))
      throw invalid_input(
          fmt::format("{}: the text has control characters; keep it to one line of text", flag));
}

}  // namespace indie
