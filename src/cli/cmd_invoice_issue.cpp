// indie invoice issue and indie invoice credit: numbering, the legal check, and freezing.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "indie/error.hpp"
#include "indie/rate_repo.hpp"
#include "indie/invoice_number.hpp"
#include "indie/text.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

using nlohmann::ordered_json;

// Series: credit notes have their own. With the yearly reset, each year is a series of its own
// and numbering starts again at 1 (F2027-0001).
std::string series_of(const Config& config, InvoiceKind kind, Date date) {
  std::string s = kind == InvoiceKind::invoice ? "invoice" : "credit-note";
  if (config.invoice.yearly_reset) s += fmt::format("/{}", static_cast<int>(date.year()));
  return s;
}

// Gives `inv` the next number of its series on `date`, keeping numbers in date order.
void number(InvoiceRepo& repo, const Config& config, Invoice& inv, Date date) {
  inv.series = series_of(config, inv.kind, date);
  if (const auto last = repo.last_issue_date(inv.series); last && date < *last)
    throw invalid_input(fmt::format("the issue date {} is before the last {} of the series ({}); numbers must follow the "
                                    "order of dates, so issue it on {} or later",
                                    format_date(date), inv.kind == InvoiceKind::invoice ? "invoice" : "credit note",
                                    format_date(*last), format_date(*last)));
  inv.seq = repo.next_seq(inv.series);
  const std::string& pattern = inv.kind == InvoiceKind::invoice ? config.invoice.number_pattern : config.invoice.credit_pattern;
  inv.number = format_invoice_number(pattern, static_cast<int>(date.year()), static_cast<unsigned>(date.month()), inv.seq);
  if (repo.find_number(*inv.number))
    throw conflict(fmt::format("number {} is already taken: the pattern '{}' gives the same number in another series; "
                               "change invoice.number_pattern or invoice.credit_pattern",
                               *inv.number, pattern));
  inv.issue_date = date;
  inv.issued = true;
}

struct IssueArgs {
  std::string invoice, date, eur_rate, rate_date, rate_source;
};

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
    if (r.mantissa() <= 0) throw invalid_input("--eur-rate must be more than 0: units of the currency for 1 EUR, e.g. 1.1225");
    inv.eur_rate = r.normalized().to_string();
    inv.eur_rate_date = format_date(a.rate_date.empty() ? date : date_or_today(ctx, a.rate_date, "--rate-date"));
    inv.eur_rate_source = a.rate_source.empty() ? "BCE" : a.rate_source;
    rates.add({"EUR", inv.currency, parse_date(inv.eur_rate_date, date), r, inv.eur_rate_source});
  } else if (const auto known = rates.latest("EUR", inv.currency, date)) {
    inv.eur_rate = known->rate.normalized().to_string();
    inv.eur_rate_date = format_date(known->date);
    inv.eur_rate_source = known->source;
  }
}

void freeze(Invoice& inv, const InvoiceTotals& t, const Config& config, const Client& client, LegalFacts& facts) {
  inv.net_minor = t.net.minor();
  inv.vat_minor = t.vat.minor();
  inv.gross_minor = t.gross.minor();
  if (!inv.eur_rate.empty()) {
    inv.vat_eur_minor = to_eur(t.vat, Decimal::parse(inv.eur_rate)).minor();
    if (!t.vat.is_zero()) facts.vat_eur = Money(*inv.vat_eur_minor, currency("EUR"));
  }
  facts.eur_rate = inv.eur_rate;
  facts.eur_rate_date = inv.eur_rate_date;
  facts.eur_rate_source = inv.eur_rate_source;
  inv.seller = seller_snapshot(config.business);
  inv.buyer = buyer_snapshot(client);
  inv.mentions = legal_mentions(config.business, client, facts);
}

void issue(Context& ctx, const IssueArgs& a) {
  Store& store = ctx.store();
  const Config& config = ctx.config();
  // BEGIN IMMEDIATE: the write lock is taken before the series is read, so two processes
  // issuing at once get consecutive numbers, never the same one.
  WriteTransaction tx(store);
  InvoiceRepo repo(store);
  Invoice inv = repo.get(a.invoice);
  if (inv.issued) throw conflict(fmt::format("{} is already issued (on {})", *inv.number, format_date(*inv.issue_date)));
  const Date date = date_or_today(ctx, a.date, "--date");
  const Client client = ClientRepo(store).get(std::to_string(inv.client_id));
  const VatCategory category = category_for(config, client);
  inv.vat_category = category_code(category);
  const auto lines = repo.lines(inv.id);
  const InvoiceTotals totals = compute_totals(lines, inv.cur());
  RateRepo rates(store);
  set_eur_rate(rates, inv, date, a, ctx);
  LegalFacts facts = facts_of(inv, lines, totals, category, client);
  const auto problems = issue_problems(config.business, client, facts);
  if (!problems.empty()) {
    std::string list;
    for (const auto& p : problems) list += "\n  - " + p;
    throw invalid_input(fmt::format("draft {} cannot be issued yet:{}\nNothing was changed.", inv.id, list));
  }
  number(repo, config, inv, date);
  inv.due_date = add_days(date, client.payment_terms);
  freeze(inv, totals, config, client, facts);
  repo.update(inv);
  repo.lock_entries(inv.id, *inv.number);
  tx.commit();
  ctx.say(fmt::format("Issued {} to {}: {} {} including VAT, due {}.\nShow it: indie invoice show {}", *inv.number,
                      client.handle, amount_text(totals.gross, true), inv.currency, format_date(*inv.due_date), *inv.number));
  if (ctx.options.quiet) ctx.out << *inv.number << "\n";
}

// ---- credit notes -----------------------------------------------------------------------

struct CreditArgs {
  std::string invoice, amount, reason, date;
  std::vector<std::string> lines;
  bool release_time = false;
};

void credit(Context& ctx, const CreditArgs& a) {
  Store& store = ctx.store();
  const Config& config = ctx.config();
  WriteTransaction tx(store);
  InvoiceRepo repo(store);
  const Invoice orig = repo.get(a.invoice);
  if (orig.kind == InvoiceKind::credit_note) throw invalid_input(fmt::format("{} is a credit note; credit the invoice it corrects", orig.label()));
  if (!orig.issued)
    throw conflict(fmt::format("draft {} is not issued: change it with indie invoice line edit, or delete it with indie invoice rm {}",
                               orig.id, orig.id));
  if (trim(a.reason).empty()) throw usage_error("a credit note states why: add --reason \"…\"");
  if (!a.lines.empty() && !a.amount.empty()) throw usage_error("--line and --amount exclude each other");
  const Currency& cur = orig.cur();
  const auto orig_lines = repo.lines(orig.id);
  const InvoiceTotals orig_totals = compute_totals(orig_lines, cur);
  const auto earlier = repo.credit_notes(orig.id);

  // What is left to credit, per VAT rate and in total.
  std::map<Decimal, Money> left;
  for (const auto& v : orig_totals.by_rate) left.emplace(v.rate, v.base);
  Money left_total = orig_totals.gross;
  std::map<std::int64_t, std::string> credited_lines;  // original line id -> credit note number
  for (const auto& c : earlier) {
    left_total = left_total - money(c.gross_minor, c);
    for (const auto& l : repo.lines(c.id)) {
      auto it = left.find(l.vat_rate.normalized());
      if (it != left.end()) it->second = it->second - line_net(l, cur);
      if (l.credits_line_id) credited_lines[*l.credits_line_id] = *c.number;
    }
  }

  std::vector<InvoiceLine> lines;
  const std::string prefix = orig.language == Language::fr ? "Avoir sur la facture " : "Credit on invoice ";
  if (!a.lines.empty()) {
    for (const auto& text : a.lines) {
      int n = 0;
      const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      const auto it = std::find_if(orig_lines.begin(), orig_lines.end(), [&](const InvoiceLine& l) { return l.position == n; });
      if (ec != std::errc() || p != text.data() + text.size() || it == orig_lines.end())
        throw invalid_input(fmt::format("--line {}: {} has lines 1 to {}", text, *orig.number, orig_lines.size()));
      if (credited_lines.count(it->id))
        throw conflict(fmt::format("line {} of {} was already credited by {}", n, *orig.number, credited_lines[it->id]));
      InvoiceLine l = *it;
      l.credits_line_id = it->id;
      l.project_id.reset();
      lines.push_back(l);
    }
  } else if (!a.amount.empty()) {
    if (orig_totals.by_rate.size() != 1)
      throw invalid_input(fmt::format("{} has several VAT rates, so an amount cannot say which it reduces; credit whole lines "
                                      "with --line N", *orig.number));
    const Money amount = amount_arg(a.amount, cur, "--amount");
    if (amount.minor() <= 0) throw invalid_input("--amount must be more than 0 (the amount excluding VAT to credit)");
    InvoiceLine l;
    l.description = prefix + *orig.number;
    l.quantity = Decimal::from_int(1);
    l.unit = "u";
    l.unit_price = amount.amount();
    l.vat_rate = orig_totals.by_rate.front().rate;
    lines.push_back(l);
  } else if (earlier.empty()) {
    for (const auto& o : orig_lines) {
      InvoiceLine l = o;
      l.credits_line_id = o.id;
      l.project_id.reset();
      lines.push_back(l);
    }
  } else {
    // The rest of a partly credited invoice: one line per VAT rate for what is left of it.
    for (const auto& [rate, base] : left) {
      if (base.minor() <= 0) continue;
      InvoiceLine l;
      l.description = prefix + *orig.number + (orig.language == Language::fr ? " (solde)" : " (balance)");
      l.quantity = Decimal::from_int(1);
      l.unit = "u";
      l.unit_price = base.amount();
      l.vat_rate = rate;
      lines.push_back(l);
    }
    if (lines.empty()) throw conflict(fmt::format("{} is already fully credited", *orig.number));
  }
  int position = 0;
  for (auto& l : lines) l.position = ++position;
  const InvoiceTotals totals = compute_totals(lines, cur);
  for (const auto& v : totals.by_rate) {
    const auto it = left.find(v.rate);
    if (it == left.end() || v.base.minor() > it->second.minor() || totals.gross.minor() > left_total.minor())
      throw invalid_input(fmt::format("a credit of {} {} is more than the {} {} that remains of {}; credit at most that",
                                      amount_text(totals.gross, true), cur.code, amount_text(left_total, true), cur.code,
                                      *orig.number));
  }
  const bool full = totals.gross == left_total;
  if (a.release_time && !full)
    throw usage_error(fmt::format("--release-time gives time back only when {} is cancelled in full; leave out --line and --amount",
                                  *orig.number));

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
  if (date < *orig.issue_date)
    throw invalid_input(fmt::format("a credit note cannot be dated {}, before {} of {}", format_date(date), *orig.number,
                                    format_date(*orig.issue_date)));
  note.id = repo.insert(note);
  for (const auto& l : lines) repo.insert_line(note.id, l, line_net(l, cur).minor());
  const Client client = ClientRepo(store).get(std::to_string(orig.client_id));
  LegalFacts facts = facts_of(note, lines, totals, parse_category(orig.vat_category), client);
  facts.original_number = *orig.number;
  facts.original_date = format_date(*orig.issue_date);
  number(repo, config, note, date);
  note.due_date = date;
  freeze(note, totals, config, client, facts);
  note.buyer = orig.buyer;  // the same client as the invoice it corrects
  repo.update(note);
  std::int64_t released = 0;
  if (a.release_time) {
    for (const auto& l : orig_lines) released += l.entries;
    repo.release_entries(orig.id);
  }
  tx.commit();
  std::string after = full ? fmt::format(" {} is now cancelled.", *orig.number)
                           : fmt::format(" {} {} of {} remains.", amount_text(left_total - totals.gross, true), cur.code, *orig.number);
  if (released > 0) after += fmt::format(" Its {} time entr{} are unbilled again.", released, released == 1 ? "y" : "ies");
  ctx.say(fmt::format("Issued credit note {} for {}: {} {} including VAT.{}", *note.number, *orig.number,
                      amount_text(totals.gross, true), cur.code, after));
  if (ctx.options.quiet) ctx.out << *note.number << "\n";
}

}  // namespace

void setup_invoice_issue(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<IssueArgs>();
  auto* issue_cmd = group.add_subcommand("issue", "Check a draft, number it and freeze it for good");
  issue_cmd->add_option("id", a->invoice, "Draft id")->required();
  issue_cmd->add_option("--date", a->date, "Issue date (default: today); not before the series' last one");
  issue_cmd->add_option("--eur-rate", a->eur_rate, "Foreign currency: units of it for 1 EUR (ECB rate), e.g. 1.1225");
  issue_cmd->add_option("--rate-date", a->rate_date, "The date of that rate (default: the issue date)");
  issue_cmd->add_option("--rate-source", a->rate_source, "Where the rate comes from (default: BCE)");
  issue_cmd->footer(
      "Issuing checks the legal mentions (seller, client, VAT), gives the next number of the series\n"
      "(invoice.number_pattern, no gap), sets the due date from the client's terms, freezes the seller,\n"
      "client, lines, totals and mentions, and locks the billed time. Issued invoices never change:\n"
      "they are corrected by credit notes.\n\nExamples:\n  indie invoice issue 12\n"
      "  indie invoice issue 13 --date 2026-11-30 --eur-rate 1.0512");
  issue_cmd->callback([&ctx, a] { issue(ctx, *a); });

  auto c = std::make_shared<CreditArgs>();
  auto* credit_cmd = group.add_subcommand("credit", "Issue a credit note (avoir) for an invoice, in full or in part");
  credit_cmd->add_option("invoice", c->invoice, "Number of the invoice to credit")->required();
  credit_cmd->add_option("-r,--reason", c->reason, "Why, printed on the credit note")->required();
  credit_cmd->add_option("-l,--line", c->lines, "Credit this line in full (repeatable)");
  credit_cmd->add_option("--amount", c->amount, "Credit this amount excluding VAT (single-rate invoices)");
  credit_cmd->add_option("--date", c->date, "Issue date (default: today)");
  credit_cmd->add_flag("--release-time", c->release_time, "With a full credit: its time entries become billable again");
  credit_cmd->footer("Credit notes have their own series (invoice.credit_pattern, A{YYYY}-{SEQ:4} by default) and\n"
                     "cite the invoice's number and date. Without --line or --amount, all that remains is credited\n"
                     "and the invoice is cancelled.\n\nExamples:\n"
                     "  indie invoice credit F2026-0007 --reason \"Erreur de taux\" --release-time\n"
                     "  indie invoice credit F2026-0007 --line 2 --reason \"Prestation annulée\"\n"
                     "  indie invoice credit F2026-0007 --amount 100 --reason \"Geste commercial\"");
  credit_cmd->callback([&ctx, c] { credit(ctx, *c); });
}

}  // namespace indie::cli
