// indie report receipts: the receipts journal (livre des recettes). The rules are in
// indie/core/receipts.hpp; this file picks the span, values the receipts and prints the rows.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/invoice_issue.hpp"
#include "indie/core/money.hpp"
#include "indie/render/journal_document.hpp"
#include "indie/render/pdf.hpp"
#include "indie/render/templates.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct ReceiptsArgs {
  std::string period, year, from, to, doc, output, lang, template_name;
  bool group_cash = false;
};

// --to pdf|html|md|txt|json: the journal as a document, printable for an inspection.
void write_journal(Context& ctx, const ReceiptsArgs& a, ReceiptsJournal journal, const Span& span) {
  const DocFormat format = parse_doc_format(a.doc);
  if (format == DocFormat::cii || format == DocFormat::facturx)
    throw usage_error("cii is an e-invoice: indie invoice render NUMBER --to cii");
  JournalInput in;
  in.journal = std::move(journal);
  in.from = span.from;
  in.to = span.to;
  in.period_label = span.label;
  in.language = ctx.config().invoice.language;
  if (!a.lang.empty()) {
    try {
      in.language = parse_language(a.lang);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--lang: {}", e.what()));
    }
  }
  in.seller = nlohmann::ordered_json::parse(seller_snapshot(ctx.config().business));
  const nlohmann::ordered_json model = journal_document(in);
  const std::string bytes = render_model(ctx, model, format, a.template_name, "journal");
  std::string name = span.label;
  std::replace(name.begin(), name.end(), ' ', '_');
  const std::string path =
      write_document(ctx, bytes, a.output, format,
                     fmt::format("livre-des-recettes-{}.{}", name, extension(format)));
  if (!path.empty())
    ctx.say(fmt::format("Wrote {} ({}, {} KB).", path, extension(format),
                        (bytes.size() + 1023) / 1024));
}

// "bnc: Site vitrine", "bnc+bic-sales: Boutique": what was sold, by the line of the declaration.
std::string nature(const Receipt& r) {
  std::string activities;
  for (std::size_t i = 0; i < 3; ++i)
    if (r.net_eur[i] != 0 || (r.eur_minor == 0 && i == 0)) {
      if (!activities.empty()) activities += "+";
      activities += to_string(activity_at(i));
    }
  if (r.source.object.empty()) return activities;
  return activities + ": " + r.source.object;
}

void run(Context& ctx, ReceiptsArgs a) {
  // --to is the last day, or a document format as in indie invoice render --to pdf.
  for (const char* f : {"pdf", "html", "md", "txt", "json"})
    if (a.to == f) {
      if (!a.doc.empty()) throw usage_error("give the document format once: --to or --doc");
      a.doc = std::exchange(a.to, "");
    }
  const Span span = span_args(ctx, a.period, a.year, a.from, a.to);
  ReceiptsJournal j = build_journal(valued_receipts(ctx.session(), span.from, span.to), span.from,
                                    span.to, a.group_cash);
  if (!a.doc.empty()) return write_journal(ctx, a, std::move(j), span);
  const bool people = ctx.format() == Format::table;
  if (j.rows.empty() && people) {
    ctx.err << fmt::format("No receipts in {}.\n", span.label);
    return;
  }
  TableWriter w(
      ctx.out, ctx.format(),
      {"kind", "date", "client", "nature", "invoice", "credit_notes", "method", "amount",
       "currency", "eur", "basis", "rate", "bnc", "bic_services", "bic_sales", "vat", "grouped"},
      {"date", "client", "nature", "invoice", "method", "amount", "currency", "eur", "basis"});
  const auto eur = [&](std::int64_t cents) { return Cell::amount(eur_text(cents, people)); };
  const auto total_row = [&](std::string kind, std::string date, std::string label,
                             std::int64_t cents, const std::array<std::int64_t, 3>& net,
                             std::int64_t vat) {
    w.row({Cell::str(std::move(kind)), Cell::str(std::move(date)), Cell::str(std::move(label)),
           Cell::none(), Cell::none(), Cell::none(), Cell::none(), Cell::none(), Cell::none(),
           eur(cents), Cell::none(), Cell::none(), eur(net[0]), eur(net[1]), eur(net[2]), eur(vat),
           Cell::none()});
  };
  std::size_t month = 0;
  const auto close_months = [&](std::optional<Date> before) {
    // A month's total follows its last receipt; months without any still get their line.
    for (; month < j.months.size(); ++month) {
      const auto& m = j.months[month];
      const Date last = end_of_month(
          Date{std::chrono::year(m.year), std::chrono::month(m.month), std::chrono::day(1)});
      if (before && *before <= last) return;
      std::int64_t vat = m.eur_minor - m.net_eur[0] - m.net_eur[1] - m.net_eur[2];
      total_row("month", format_date(last), fmt::format("total {}-{:02}", m.year, m.month),
                m.eur_minor, m.net_eur, vat);
    }
  };
  for (const auto& row : j.rows) {
    const Receipt& r = row.receipt;
    close_months(r.source.date);
    const bool grouped = row.grouped > 1;
    w.row({Cell::str(std::string(to_string(r.source.kind))), Cell::str(format_date(r.source.date)),
           Cell::str(r.source.client), Cell::str(nature(r)), Cell::str(r.source.invoice),
           Cell::str(r.source.credit_notes), Cell::str(r.source.method),
           grouped ? Cell::none()
                   : Cell::amount(amount_text(
                         Money(r.source.received_minor, currency(r.source.received_currency, true)),
                         people)),
           grouped ? Cell::str("EUR") : Cell::str(r.source.received_currency), eur(r.eur_minor),
           Cell::str(std::string(to_string(r.basis))), Cell::str(r.rate), eur(r.net_eur[0]),
           eur(r.net_eur[1]), eur(r.net_eur[2]), eur(r.vat_eur), Cell::integer(row.grouped)});
  }
  close_months(std::nullopt);
  total_row("total", format_date(span.to), "total " + span.label, j.total_eur, j.net_eur,
            j.vat_eur);
  w.finish();
}

}  // namespace

void setup_report_receipts(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ReceiptsArgs>();
  auto* cmd = group.add_subcommand(
      "receipts", "The receipts journal (livre des recettes): money received, day by day, in EUR");
  cmd->add_option("--period", a->period, "A month (2026-11), a quarter (2026-Q4) or a year");
  cmd->add_option("--year", a->year, "A year: 2026 (the default: the current year)");
  cmd->add_option("--from", a->from, "First day, with --to");
  cmd->add_option("--to", a->to,
                  "Last day; or a document format (pdf, html, md, txt, json), as --doc");
  cmd->add_flag("--group-cash", a->group_cash,
                "Total each day's cash sales under 76 EUR to private persons in one row");
  cmd->add_option("--doc", a->doc,
                  "Write the journal as a document, printable for an inspection: pdf, html, md, "
                  "txt or json");
  cmd->add_option("-o,--output", a->output,
                  "With --doc: the file (default: livre-des-recettes-PERIOD.EXT here); - for "
                  "standard output");
  cmd->add_option("--lang", a->lang, "With --doc: fr or en (default: invoice.language)");
  cmd->add_option("-t,--template", a->template_name,
                  "With --doc: a template for html, md and txt (default: the built-in journal)");
  cmd->footer(
      "One row per receipt, on the day the money arrived: payments on invoices, refunds "
      "(negative),\n"
      "reversals of either, and sales recorded in an account with indie account tx add --receipt.\n"
      "eur is what the receipt is worth in EUR; basis says how it was found:\n"
      "  received  it arrived in EUR: what the bank credited (indie invoice pay --received)\n"
      "  invoice   the EUR amount of the invoice it settled\n"
      "  ecb       the reference rate of the day it arrived (rate says which), from indie rate\n"
      "bnc, bic_services and bic_sales split eur excluding VAT by activity, vat is the rest: they\n"
      "add up to eur exactly. A total row (kind month) follows each month, and one (kind total)\n"
      "ends the period. The journal only reads payments and receipts, which never change.\n\n"
      "Examples:\n"
      "  indie report receipts --year 2026\n"
      "  indie report receipts --period 2026-Q4 --format csv > recettes-2026-Q4.csv\n"
      "  indie report receipts --from 2026-01-01 --to 2026-06-30 --group-cash\n"
      "  indie report receipts --year 2026 --to pdf     # livre-des-recettes-2026.pdf");
  cmd->callback([&ctx, a] { run(ctx, *a); });  // a copy: --to may be read as --doc
}

}  // namespace indie::cli
