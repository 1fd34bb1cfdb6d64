// indie invoice issue and indie invoice credit: numbering, the legal check, and freezing.
#include <fmt/format.h>

#include "commands.hpp"
#include "indie/core/credit_plan.hpp"
#include "indie/core/error.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/invoice_issue.hpp"
#include "indie/core/text.hpp"
#include "indie/render/cii_check.hpp"
#include "indie/store/rate_repo.hpp"
#include "invoice_common.hpp"
#include "issued_document.hpp"

namespace indie::cli {
namespace {

// Gives `inv` the next number of its series on `date`. Called inside the issuing transaction,
// which holds the write lock, so two processes never get the same number.
void number(InvoiceRepo& repo, const Config& config, Invoice& inv, Date date) {
  inv.series = series_of(config.invoice, inv.kind, date);
  check_issue_order(inv.kind, date, repo.last_issue_date(inv.series));
  inv.seq = repo.next_seq(inv.series);
  inv.number = number_for(config.invoice, inv.kind, date, inv.seq);
  if (repo.find_number(*inv.number))
    throw conflict(fmt::format(
        "number {} is already taken: the pattern gives the same number in another series; "
        "change invoice.number_pattern or invoice.credit_pattern",
        *inv.number));
  inv.issue_date = date;
  inv.issued = true;
}

struct IssueArgs {
  std::string invoice, date, eur_rate, rate_date, rate_source, service_date, period;
  std::string deposit, deposit_date, deposit_account, deposit_method = "transfer";
  bool force = false;
};

// A deposit (acompte) the client paid before the invoice: frozen on it, so its document asks
// for the total less it, and recorded as a payment of that day in the same transaction.
void set_deposit(Context& ctx, const IssueArgs& a, Invoice& inv, const InvoiceTotals& totals,
                 Date issue_date) {
  if (a.deposit.empty()) {
    if (!a.deposit_date.empty() || !a.deposit_account.empty())
      throw usage_error("--deposit-date and --deposit-account go with --deposit AMOUNT");
    return;
  }
  const Money deposit = amount_arg(a.deposit, inv.cur(), "--deposit");
  if (deposit.minor() <= 0) throw invalid_input("--deposit must be more than 0");
  if (deposit.minor() > totals.gross.minor())
    throw invalid_input(fmt::format("--deposit {} {} is more than the invoice's total, {} {}",
                                    amount_text(deposit, true), inv.currency,
                                    amount_text(totals.gross, true), inv.currency));
  const Date day =
      a.deposit_date.empty() ? issue_date : date_or_today(ctx, a.deposit_date, "--deposit-date");
  if (day > issue_date)
    throw invalid_input(fmt::format(
        "--deposit-date {} is after the issue date {}: a deposit is paid before the invoice; "
        "record a later payment with indie invoice pay",
        format_date(day), format_date(issue_date)));
  inv.deposit_minor = deposit.minor();
  inv.deposit_date = day;
}

void record_deposit(Context& ctx, const IssueArgs& a, const Invoice& inv) {
  if (!inv.deposit_minor) return;
  Payment p;
  p.invoice_id = inv.id;
  p.date = *inv.deposit_date;
  p.amount_minor = *inv.deposit_minor;
  p.received_minor = *inv.deposit_minor;
  p.received_currency = inv.currency;
  p.method = method_arg(a.deposit_method, "--deposit-method");
  p.note = "acompte";
  p.created_at = ctx.now_iso();
  const std::optional<Account> account =
      account_for_money(ctx.store(), a.deposit_account, inv.currency, "--deposit-account", "");
  if (account) p.account = account->name;
  const std::int64_t id = ctx.store().invoices().insert_payment(p);
  if (account) record_in_account(ctx.store(), *account, inv, p, id, "acompte");
}

// The EUR rate of a foreign-currency invoice: given, else the stored ECB rate of the date (or
// the last publication before it: weekends and holidays have none).
void set_eur_rate(RateRepo& rates, Invoice& inv, Date date, const IssueArgs& a, Context& ctx) {
  if (inv.currency == "EUR") return;
  if (!a.eur_rate.empty()) {
    Decimal r;
    try {
      r = Decimal::parse(a.eur_rate);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--eur-rate: {}", e.what()));
    }
    if (r.mantissa() <= 0)
      throw invalid_input(
          "--eur-rate must be more than 0: units of the currency for 1 EUR, e.g. 1.1225");
    inv.eur_rate = r.normalized().to_string();
    inv.eur_rate_date =
        format_date(a.rate_date.empty() ? date : date_or_today(ctx, a.rate_date, "--rate-date"));
    // A typed rate is the user's, not the ECB's, unless --rate-source says where it comes from.
    inv.eur_rate_source = a.rate_source.empty() ? "manual" : a.rate_source;
    rates.add({"EUR", inv.currency, parse_date(inv.eur_rate_date, date), r, inv.eur_rate_source});
  } else if (const auto known = rates.latest("EUR", inv.currency, date)) {
    inv.eur_rate = known->rate.normalized().to_string();
    inv.eur_rate_date = format_date(known->date);
    inv.eur_rate_source = known->source;
    if (const auto days = stale_rate_days(known->date, date))
      ctx.warn(fmt::format(
          "the newest EUR/{} rate stored is of {}, {} days before {}: the rates were not "
          "refreshed. Import the ECB's recent ones (indie rate import eurofxref.csv, from "
          "https://www.ecb.europa.eu/stats/eurofxref/eurofxref.zip) and issue again, or give "
          "the rate with --eur-rate",
          inv.currency, inv.eur_rate_date, *days, format_date(date)));
  }
}

// invoice.einvoice = cii, facturx, or auto for a French business client: an invoice whose
// e-invoice a platform would reject is not issued.
void refuse_bad_einvoice(const Config& config, const DocumentInput& in) {
  if (einvoice_for(config.invoice.einvoice, in.client.value("vat_treatment", "domestic")) == "none")
    return;
  const auto failures = check_einvoice(in);
  if (failures.empty()) return;
  std::string list;
  for (const auto& f : failures) list += fmt::format("\n  - {}: {}", f.rule, f.message);
  throw invalid_input(fmt::format(
      "{} cannot be issued: its e-invoice would be rejected (invoice.einvoice is {}):{}\nNothing "
      "was changed; indie invoice check shows the same, and invoice.einvoice = none issues "
      "without the e-invoice.",
      in.invoice.kind == InvoiceKind::credit_note ? std::string("the credit note")
                                                  : fmt::format("draft {}", in.invoice.id),
      config.invoice.einvoice, list));
}

void issue(Context& ctx, const IssueArgs& a) {
  Store& store = ctx.store();
  const Config& config = ctx.config();
  // BEGIN IMMEDIATE: the write lock is taken before the series is read, so two processes
  // issuing at once get consecutive numbers, never the same one.
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  Invoice inv = repo.get(a.invoice);
  if (inv.issued)
    throw conflict(
        fmt::format("{} is already issued (on {})", *inv.number, format_date(*inv.issue_date)));
  const Date date = date_or_today(ctx, a.date, "--date");
  check_issue_date(InvoiceKind::invoice, date, ctx.today(), a.force);
  const Client client = store.clients().get(std::to_string(inv.client_id));
  const VatCategory category = category_for(config, client);
  inv.vat_category = category_code(category);
  if (const auto given = given_period_arg(ctx, a.service_date, a.period)) {
    inv.given_period = *given;
    refresh_totals(repo, inv);
  }
  auto lines = repo.lines(inv.id);
  settle_activities(store, config, lines, {});
  for (const auto& l : lines) repo.set_line_activity(l.id, *l.activity);
  const InvoiceTotals totals = compute_totals(lines, inv.cur());
  RateRepo& rates = store.rates();
  set_eur_rate(rates, inv, date, a, ctx);
  LegalFacts facts = facts_of(inv, lines, totals, category, client, config.invoice, date);
  facts.vat_on_debits = config.business.vat_on_debits;
  if (const std::string refusal = issue_refusal(inv, config.business, client, facts);
      !refusal.empty())
    throw invalid_input(refusal);
  set_deposit(ctx, a, inv, totals, date);
  number(repo, config, inv, date);
  inv.due_date = client.terms().due_date(date);
  inv.payment_terms = client.terms().to_string();
  freeze(inv, totals, config, client, facts);
  // The document as issued, kept with the invoice and sealed with it (issue 14.1).
  const DocumentInput frozen = frozen_document_input(repo, inv, config);
  refuse_bad_einvoice(config, frozen);
  const IssuedDocument document = issued_pdf(ctx, frozen);
  repo.update(inv, &document);
  record_deposit(ctx, a, inv);
  repo.lock_entries(inv.id, *inv.number);
  tx.commit();
  std::string deposit;
  if (inv.deposit_minor)
    deposit =
        fmt::format(" A deposit of {} {} paid on {} is recorded; {} {} remain to pay.",
                    amount_text(Money(*inv.deposit_minor, inv.cur()), true), inv.currency,
                    format_date(*inv.deposit_date),
                    amount_text(Money(totals.gross.minor() - *inv.deposit_minor, inv.cur()), true),
                    inv.currency);
  ctx.say(
      fmt::format("Issued {} to {}: {} {} including VAT, due {}.{}\nShow it: indie invoice show {}",
                  *inv.number, client.handle, amount_text(totals.gross, true), inv.currency,
                  format_date(*inv.due_date), deposit, *inv.number));
  if (ctx.options.quiet) ctx.out << *inv.number << "\n";
}

// ---- credit notes -----------------------------------------------------------------------

struct CreditArgs {
  std::string invoice, amount, reason, date, quantity;
  std::vector<std::string> lines;
  bool release_time = false;
  bool force = false;
};

void credit(Context& ctx, const CreditArgs& a) {
  Store& store = ctx.store();
  const Config& config = ctx.config();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  const Invoice orig = repo.get(a.invoice);
  if (orig.kind == InvoiceKind::credit_note)
    throw invalid_input(
        fmt::format("{} is a credit note; credit the invoice it corrects", orig.label()));
  if (!orig.issued)
    throw conflict(
        fmt::format("draft {} is not issued: change it with indie invoice line edit, or delete it "
                    "with indie invoice rm {}",
                    orig.id, orig.id));
  if (trim(a.reason).empty()) throw usage_error("a credit note states why: add --reason \"…\"");
  const Currency& cur = orig.cur();
  const auto orig_lines = repo.lines(orig.id);
  std::vector<EarlierCredit> earlier;
  for (const auto& c : repo.credit_notes(orig.id))
    earlier.push_back({*c.number, c.gross_minor, repo.lines(c.id)});
  CreditRequest request{a.lines, std::nullopt, a.release_time, std::nullopt};
  if (!a.amount.empty()) request.amount = amount_arg(a.amount, cur, "--amount");
  if (!a.quantity.empty()) {
    try {
      request.quantity = Decimal::parse(a.quantity);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--qty: {}", e.what()));
    }
  }
  const CreditPlan plan = plan_credit(orig, orig_lines, earlier, request);
  auto lines = plan.lines;
  settle_activities(store, config, lines, orig_lines);
  const InvoiceTotals& totals = plan.totals;

  Invoice note;
  note.kind = InvoiceKind::credit_note;
  note.client_id = orig.client_id;
  note.client_handle = orig.client_handle;
  note.currency = orig.currency;
  note.language = orig.language;
  note.vat_category = orig.vat_category;
  note.credited_id = orig.id;
  note.reason = std::string(trim(a.reason));
  note.releases_time = a.release_time;
  note.period = orig.period;
  note.created_at = ctx.now_iso();
  // The VAT regularized is converted at the original invoice's rate.
  note.eur_rate = orig.eur_rate;
  note.eur_rate_date = orig.eur_rate_date;
  note.eur_rate_source = orig.eur_rate_source;
  const Date date = date_or_today(ctx, a.date, "--date");
  check_issue_date(InvoiceKind::credit_note, date, ctx.today(), a.force);
  if (date < *orig.issue_date)
    throw invalid_input(fmt::format("a credit note cannot be dated {}, before {} of {}",
                                    format_date(date), *orig.number,
                                    format_date(*orig.issue_date)));
  note.id = repo.insert(note);
  for (const auto& l : lines) repo.insert_line(note.id, l, line_net(l, cur).minor());
  const Client client = store.clients().get(std::to_string(orig.client_id));
  LegalFacts facts = facts_of(note, lines, totals, parse_category(orig.vat_category), client,
                              config.invoice, date);
  facts.original_number = *orig.number;
  facts.original_date = format_date(*orig.issue_date);
  number(repo, config, note, date);
  note.due_date = date;
  freeze(note, totals, config, client, facts);
  note.buyer = orig.buyer;  // the same client as the invoice it corrects
  const DocumentInput frozen = frozen_document_input(repo, note, config);
  refuse_bad_einvoice(config, frozen);
  const IssuedDocument document = issued_pdf(ctx, frozen);
  repo.update(note, &document);
  std::int64_t released = 0;
  if (a.release_time) {
    for (const auto& l : orig_lines) released += l.entries;
    repo.release_entries(orig.id);
  }
  tx.commit();
  std::string after = plan.full ? fmt::format(" {} is now cancelled.", *orig.number)
                                : fmt::format(" {} {} of {} remains.", amount_text(plan.left, true),
                                              cur.code, *orig.number);
  if (released > 0)
    after += fmt::format(" Its {} time entr{} are unbilled again.", released,
                         released == 1 ? "y" : "ies");
  ctx.say(fmt::format("Issued credit note {} for {}: {} {} including VAT.{}", *note.number,
                      *orig.number, amount_text(totals.gross, true), cur.code, after));
  if (ctx.options.quiet) ctx.out << *note.number << "\n";
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
