// indie invoice issue and indie invoice credit: the flags of the use cases of
// indie/app/invoice_issuing.hpp (numbering, the legal check, freezing) and what they did.
#include <fmt/format.h>

#include "commands.hpp"
#include "indie/app/invoice_issuing.hpp"
#include "indie/core/error.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct IssueArgs {
  std::string invoice, date, eur_rate, rate_date, rate_source, service_date, period;
  std::string deposit, deposit_date, deposit_account, deposit_method = "transfer";
  bool force = false;
};

std::optional<Date> optional_date(Context& ctx, const std::string& text, std::string_view flag) {
  if (text.empty()) return std::nullopt;
  return date_or_today(ctx, text, flag);
}

void issue(Context& ctx, const IssueArgs& a) {
  IssueInvoice request{.draft = a.invoice,
                       .date = optional_date(ctx, a.date, "--date"),
                       .force = a.force,
                       .given_period = given_period_arg(ctx, a.service_date, a.period),
                       .rate_date = optional_date(ctx, a.rate_date, "--rate-date"),
                       .rate_source = a.rate_source,
                       .deposit = a.deposit,
                       .deposit_date = optional_date(ctx, a.deposit_date, "--deposit-date"),
                       .deposit_account = a.deposit_account,
                       .deposit_method = method_arg(a.deposit_method, "--deposit-method")};
  if (!a.eur_rate.empty()) request.eur_rate = decimal_arg(a.eur_rate, "--eur-rate");
  const InvoiceIssued r = issue_invoice(ctx.session(), request);
  for (const auto& w : r.warnings) ctx.warn(w);
  const std::string_view code = r.gross.currency().code;
  std::string deposit;
  if (r.deposit)
    deposit = fmt::format(" A deposit of {} {} paid on {} is recorded; {} {} remain to pay.",
                          amount_text(*r.deposit, true), code, format_date(*r.deposit_date),
                          amount_text(r.gross - *r.deposit, true), code);
  ctx.say(fmt::format(
      "Issued {} to {}: {} {} including VAT, due {}.{}\nShow it: indie invoice show {}", r.number,
      r.client, amount_text(r.gross, true), code, format_date(r.due), deposit, r.number));
  if (ctx.options.quiet) ctx.out << r.number << "\n";
}

// ---- credit notes -----------------------------------------------------------------------

struct CreditArgs {
  std::string invoice, amount, reason, date, quantity;
  std::vector<std::string> lines;
  bool release_time = false;
  bool force = false;
};

void credit(Context& ctx, const CreditArgs& a) {
  CreditInvoice request{.invoice = a.invoice,
                        .reason = a.reason,
                        .lines = a.lines,
                        .amount = a.amount,
                        .release_time = a.release_time,
                        .date = optional_date(ctx, a.date, "--date"),
                        .force = a.force};
  if (!a.quantity.empty()) request.quantity = decimal_arg(a.quantity, "--qty");
  const CreditIssued r = credit_invoice(ctx.session(), request);
  const std::string_view code = r.gross.currency().code;
  std::string after =
      r.full ? fmt::format(" {} is now cancelled.", r.original)
             : fmt::format(" {} {} of {} remains.", amount_text(r.left, true), code, r.original);
  if (r.released_entries > 0)
    after += fmt::format(" Its {} time entr{} are unbilled again.", r.released_entries,
                         r.released_entries == 1 ? "y" : "ies");
  ctx.say(fmt::format("Issued credit note {} for {}: {} {} including VAT.{}", r.number, r.original,
                      amount_text(r.gross, true), code, after));
  if (ctx.options.quiet) ctx.out << r.number << "\n";
}

}  // namespace

void setup_invoice_issue(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<IssueArgs>();
  auto* issue_cmd =
      group.add_subcommand("issue", "Check a draft, number it and freeze it for good");
  issue_cmd->add_option("id", a->invoice, "Draft id")->required();
  issue_cmd->add_option("--date", a->date,
                        "Issue date (default: today); within 7 days of today, not before the "
                        "series' last one");
  issue_cmd->add_flag("--force", a->force,
                      "Accept a --date more than 7 days from today (it really was issued then)");
  issue_cmd->add_option("--eur-rate", a->eur_rate,
                        "Foreign currency: units of it for 1 EUR, e.g. 1.1225 (printed as a "
                        "manual rate unless --rate-source names it)");
  issue_cmd->add_option("--rate-date", a->rate_date,
                        "The date of that rate (default: the issue date)");
  issue_cmd->add_option("--rate-source", a->rate_source,
                        "Where a typed rate comes from (default: manual)");
  add_period_options(*issue_cmd, a->service_date, a->period);
  issue_cmd->add_option("--deposit", a->deposit,
                        "A deposit (acompte) already paid: the document asks for the rest");
  issue_cmd->add_option("--deposit-date", a->deposit_date,
                        "The day the deposit was paid (default: the issue date)");
  issue_cmd->add_option("--deposit-account", a->deposit_account, "The account it landed in");
  issue_cmd->add_option("--deposit-method", a->deposit_method,
                        "transfer (default), card, cash, check, paypal or other");
  issue_cmd->footer(
      "Issuing checks the legal mentions (seller, client, VAT), gives the next number of the "
      "series\n"
      "(invoice.number_pattern, no gap), sets the due date from the client's terms, freezes the "
      "seller,\n"
      "client, lines, totals and mentions, and locks the billed time. Issued invoices never "
      "change:\n"
      "they are corrected by credit notes.\n\nExamples:\n  indie invoice issue 12\n"
      "  indie invoice issue 13 --date 2026-11-30 --eur-rate 1.0512\n"
      "  indie invoice issue 14 --deposit 300 --deposit-date 2026-11-02 --deposit-account Qonto");
  issue_cmd->callback([&ctx, a] { issue(ctx, *a); });

  auto c = std::make_shared<CreditArgs>();
  auto* credit_cmd = group.add_subcommand(
      "credit", "Issue a credit note (avoir) for an invoice, in full or in part");
  credit_cmd->add_option("invoice", c->invoice, "Number of the invoice to credit")->required();
  credit_cmd->add_option("-r,--reason", c->reason, "Why, printed on the credit note")->required();
  auto* line_opt = credit_cmd->add_option("-l,--line", c->lines,
                                          "Credit this line, all that is left of it (repeatable)");
  credit_cmd->add_option("--qty", c->quantity, "With one --line: credit this much of its quantity")
      ->needs(line_opt);
  credit_cmd
      ->add_option("--amount", c->amount,
                   "Credit this amount excluding VAT (several VAT rates: split pro rata of their "
                   "bases)")
      ->excludes(line_opt);
  credit_cmd->add_option("--date", c->date, "Issue date (default: today)");
  credit_cmd->add_flag("--force", c->force,
                       "Accept a --date more than 7 days from today (it really was issued then)");
  credit_cmd->add_flag("--release-time", c->release_time,
                       "With a full credit: its time entries become billable again");
  credit_cmd->footer(
      "Credit notes have their own series (invoice.credit_pattern, A{YYYY}-{SEQ:4} by default) "
      "and\n"
      "cite the invoice's number and date. Without --line or --amount, all that remains is "
      "credited\n"
      "and the invoice is cancelled: the note carries exactly the base and the VAT left of each\n"
      "rate, so the invoice closes to the cent whatever was credited before.\n\nExamples:\n"
      "  indie invoice credit F2026-0007 --reason \"Erreur de taux\" --release-time\n"
      "  indie invoice credit F2026-0007 --line 2 --reason \"Prestation annulée\"\n"
      "  indie invoice credit F2026-0007 --line 1 --qty 2 --reason \"Deux jours non réalisés\"\n"
      "  indie invoice credit F2026-0007 --amount 100 --reason \"Geste commercial\"");
  credit_cmd->callback([&ctx, c] { credit(ctx, *c); });
}

}  // namespace indie::cli
