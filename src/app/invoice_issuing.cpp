#include "indie/app/invoice_issuing.hpp"

#include <fmt/format.h>

#include "indie/app/accounts.hpp"
#include "indie/app/inputs.hpp"
#include "indie/app/invoice_documents.hpp"
#include "indie/core/credit_plan.hpp"
#include "indie/core/error.hpp"
#include "indie/core/fx.hpp"
#include "indie/core/invoice_issue.hpp"
#include "indie/core/text.hpp"
#include "indie/render/cii_check.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/invoice_repo.hpp"
#include "indie/store/rate_repo.hpp"

namespace indie {
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

// A deposit (acompte) the client paid before the invoice: frozen on it, so its document asks
// for the total less it, and recorded as a payment of that day in the same transaction.
void set_deposit(const IssueInvoice& a, Invoice& inv, const InvoiceTotals& totals,
                 Date issue_date) {
  if (a.deposit.empty()) {
    if (a.deposit_date || !a.deposit_account.empty())
      throw usage_error("--deposit-date and --deposit-account go with --deposit AMOUNT");
    return;
  }
  const Money deposit = amount_arg(a.deposit, inv.cur(), "--deposit");
  if (deposit.minor() <= 0) throw invalid_input("--deposit must be more than 0");
  if (deposit.minor() > totals.gross.minor())
    throw invalid_input(fmt::format("--deposit {} {} is more than the invoice's total, {} {}",
                                    amount_text(deposit, true), inv.currency,
                                    amount_text(totals.gross, true), inv.currency));
  const Date day = a.deposit_date.value_or(issue_date);
  if (day > issue_date)
    throw invalid_input(fmt::format(
        "--deposit-date {} is after the issue date {}: a deposit is paid before the invoice; "
        "record a later payment with indie invoice pay",
        format_date(day), format_date(issue_date)));
  inv.deposit_minor = deposit.minor();
  inv.deposit_date = day;
}

void record_deposit(Session& session, const IssueInvoice& a, const Invoice& inv) {
  if (!inv.deposit_minor) return;
  Store& store = session.store();
  Payment p;
  p.invoice_id = inv.id;
  p.date = *inv.deposit_date;
  p.amount_minor = *inv.deposit_minor;
  p.received_minor = *inv.deposit_minor;
  p.received_currency = inv.currency;
  p.method = a.deposit_method;
  p.note = "acompte";
  p.created_at = session.now_iso();
  const std::optional<Account> account =
      account_for_money(store, a.deposit_account, inv.currency, "--deposit-account", "");
  if (account) p.account = account->name;
  const std::int64_t id = store.invoices().insert_payment(p);
  if (account) record_in_account(store, *account, inv, p, id, "acompte");
}

// The EUR rate of a foreign-currency invoice: given, else the stored ECB rate of the date (or
// the last publication before it: weekends and holidays have none). A stale one is a warning.
void set_eur_rate(RateRepo& rates, Invoice& inv, Date date, const IssueInvoice& a,
                  std::vector<std::string>& warnings) {
  if (inv.currency == "EUR") return;
  if (a.eur_rate) {
    if (a.eur_rate->mantissa() <= 0)
      throw invalid_input(
          "--eur-rate must be more than 0: units of the currency for 1 EUR, e.g. 1.1225");
    inv.eur_rate = a.eur_rate->normalized().to_string();
    inv.eur_rate_date = format_date(a.rate_date.value_or(date));
    // A typed rate is the user's, not the ECB's, unless --rate-source says where it comes from.
    inv.eur_rate_source = a.rate_source.empty() ? "manual" : a.rate_source;
    rates.add({"EUR", inv.currency, a.rate_date.value_or(date), *a.eur_rate, inv.eur_rate_source});
  } else if (const auto known = rates.latest("EUR", inv.currency, date)) {
    inv.eur_rate = known->rate.normalized().to_string();
    inv.eur_rate_date = format_date(known->date);
    inv.eur_rate_source = known->source;
    if (const auto days = stale_rate_days(known->date, date))
      warnings.push_back(fmt::format(
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

}  // namespace

InvoiceIssued issue_invoice(Session& session, const IssueInvoice& a) {
  Store& store = session.store();
  const Config& config = session.config();
  // BEGIN IMMEDIATE: the write lock is taken before the series is read, so two processes
  // issuing at once get consecutive numbers, never the same one.
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  Invoice inv = repo.get(a.draft);
  if (inv.issued)
    throw conflict(
        fmt::format("{} is already issued (on {})", *inv.number, format_date(*inv.issue_date)));
  const Date date = a.date.value_or(session.today());
  check_issue_date(InvoiceKind::invoice, date, session.today(), a.force);
  const Client client = store.clients().get(std::to_string(inv.client_id));
  const VatCategory category = category_for(config, client);
  inv.vat_category = category_code(category);
  if (a.given_period) {
    inv.given_period = *a.given_period;
    refresh_totals(repo, inv);
  }
  auto lines = repo.lines(inv.id);
  settle_activities(store, config, lines, {});
  for (const auto& l : lines) repo.set_line_activity(l.id, *l.activity);
  const InvoiceTotals totals = compute_totals(lines, inv.cur());
  std::vector<std::string> warnings;
  set_eur_rate(store.rates(), inv, date, a, warnings);
  LegalFacts facts = facts_of(inv, lines, totals, category, client, config.invoice, date);
  facts.vat_on_debits = config.business.vat_on_debits;
  if (const std::string refusal = issue_refusal(inv, config.business, client, facts);
      !refusal.empty())
    throw invalid_input(refusal);
  set_deposit(a, inv, totals, date);
  number(repo, config, inv, date);
  inv.due_date = client.terms().due_date(date);
  inv.payment_terms = client.terms().to_string();
  freeze(inv, totals, config, client, facts);
  // The document as issued, kept with the invoice and sealed with it (issue 14.1).
  const DocumentInput frozen = frozen_document_input(repo, inv, config);
  refuse_bad_einvoice(config, frozen);
  const IssuedDocument document = issued_pdf(session, frozen);
  repo.update(inv, &document);
  record_deposit(session, a, inv);
  repo.lock_entries(inv.id, *inv.number);
  tx.commit();
  InvoiceIssued out{.number = *inv.number,
                    .client = client.handle,
                    .gross = totals.gross,
                    .due = *inv.due_date,
                    .warnings = std::move(warnings)};
  if (inv.deposit_minor) {
    out.deposit = Money(*inv.deposit_minor, inv.cur());
    out.deposit_date = inv.deposit_date;
  }
  return out;
}

CreditIssued credit_invoice(Session& session, const CreditInvoice& a) {
  Store& store = session.store();
  const Config& config = session.config();
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
  CreditRequest request{a.lines, std::nullopt, a.release_time, a.quantity};
  if (!a.amount.empty()) request.amount = amount_arg(a.amount, cur, "--amount");
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
  note.created_at = session.now_iso();
  // The VAT regularized is converted at the original invoice's rate.
  note.eur_rate = orig.eur_rate;
  note.eur_rate_date = orig.eur_rate_date;
  note.eur_rate_source = orig.eur_rate_source;
  const Date date = a.date.value_or(session.today());
  check_issue_date(InvoiceKind::credit_note, date, session.today(), a.force);
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
  const IssuedDocument document = issued_pdf(session, frozen);
  repo.update(note, &document);
  std::int64_t released = 0;
  if (a.release_time) {
    for (const auto& l : orig_lines) released += l.entries;
    repo.release_entries(orig.id);
  }
  tx.commit();
  return CreditIssued{.number = *note.number,
                      .original = *orig.number,
                      .gross = totals.gross,
                      .full = plan.full,
                      .left = plan.left,
                      .released_entries = released};
}

}  // namespace indie
