// indie client statement: a client's statement of account (relevé de compte). Issued invoices
// never change; what happened to them since (credit notes, payments, refunds) is told here,
// with the running balance, as a listing or as a document like an invoice's.
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/invoice_issue.hpp"
#include "indie/core/statement.hpp"
#include "indie/render/pdf.hpp"
#include "indie/render/statement_document.hpp"
#include "indie/render/templates.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

using nlohmann::ordered_json;

struct StatementArgs {
  std::string client, as_of, from, to, output, lang, template_name;
};

Table statement_table(const std::vector<CurrencyStatement>& statements) {
  Table t;
  t.columns = {"currency", "date",  "kind",   "document", "invoice",
               "due_date", "debit", "credit", "balance",  "payment_id"};
  t.table_columns = {"date",  "kind",   "document", "due_date",
                     "debit", "credit", "balance",  "currency"};
  for (const CurrencyStatement& s : statements) {
    const Currency& cur = currency(s.currency, true);
    const auto amount = [&](std::int64_t minor) {
      return minor == 0 ? Cell::none() : Cell::amount(Money(minor, cur).to_string());
    };
    for (const StatementLine& l : s.lines) {
      const StatementItem& i = l.item;
      t.rows.push_back({Cell::str(s.currency), Cell::str(format_date(i.date)),
                        Cell::str(std::string(to_string(i.kind))), Cell::str(i.document),
                        Cell::str(i.invoice),
                        i.due_date ? Cell::str(format_date(*i.due_date)) : Cell::none(),
                        amount(i.amount_minor > 0 ? i.amount_minor : 0),
                        amount(i.amount_minor < 0 ? -i.amount_minor : 0),
                        Cell::amount(Money(l.balance_minor, cur).to_string()),
                        i.payment_id != 0 ? Cell::integer(i.payment_id) : Cell::none()});
    }
  }
  return t;
}

void statement(Context& ctx, const StatementArgs& a) {
  const Client client = ctx.store().clients().get(a.client);
  const Date as_of = date_or_today(ctx, a.as_of, "--as-of");
  std::optional<Date> from;
  if (!a.from.empty()) {
    from = date_or_today(ctx, a.from, "--from");
    if (*from > as_of)
      throw invalid_input(
          fmt::format("--from {} is after --as-of {}", format_date(*from), format_date(as_of)));
  }
  InvoiceRepo& repo = ctx.store().invoices();
  const std::vector<CurrencyStatement> statements =
      build_statement(repo.statement_items(client.id, as_of), from, as_of);

  if (a.to.empty()) {
    if (statements.empty() && ctx.format() == Format::table) {
      ctx.out << fmt::format("Nothing recorded for {} up to {}.\n", client.handle,
                             format_date(as_of));
      return;
    }
    print_table(ctx.out, statement_table(statements), ctx.format());
    if (ctx.format() != Format::table) return;
    for (const CurrencyStatement& s : statements) {
      const Money closing(s.closing_minor, currency(s.currency, true));
      ctx.out << fmt::format(
          "\n{} on {}: {} {}{}", s.currency, format_date(as_of),
          amount_text(closing.is_negative() ? -closing : closing, true), s.currency,
          closing.is_negative() ? " owed back to the client (indie invoice refund)"
          : closing.is_zero()   ? " (nothing due)"
                                : " due");
      if (s.overdue_minor > 0)
        ctx.out << fmt::format(
            ", of which {} {} overdue",
            amount_text(Money(s.overdue_minor, currency(s.currency, true)), true), s.currency);
      ctx.out << ".\n";
    }
    return;
  }

  const DocFormat format = parse_doc_format(a.to);
  if (format == DocFormat::cii || format == DocFormat::facturx)
    throw usage_error("--to cii is an e-invoice: indie invoice render NUMBER --to cii");
  StatementInput in;
  in.currencies = statements;
  in.from = from;
  in.as_of = as_of;
  in.language = client.language;
  if (!a.lang.empty()) {
    try {
      in.language = parse_language(a.lang);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--lang: {}", e.what()));
    }
  }
  in.seller = ordered_json::parse(seller_snapshot(ctx.config().business));
  in.client = ordered_json::parse(buyer_snapshot(client));
  const ordered_json model = statement_document(in);
  const std::string bytes = render_model(ctx, model, format, a.template_name, "statement");
  const std::string path = write_document(
      ctx, bytes, a.output, format,
      fmt::format("statement-{}-{}.{}", client.handle, format_date(as_of), extension(format)));
  if (path.empty()) return;
  ctx.say(
      fmt::format("Wrote {} ({}, {} KB).", path, extension(format), (bytes.size() + 1023) / 1024));
}

}  // namespace

void setup_client_statement(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<StatementArgs>();
  auto* cmd = group.add_subcommand(
      "statement", "A client's statement of account: invoices, credit notes, payments, balance");
  cmd->add_option("client", a->client, "Client handle")->required();
  cmd->add_option("--as-of", a->as_of, "The day it stops at (default: today)");
  cmd->add_option("--from", a->from, "List from this day; what came before is the opening balance");
  cmd->add_option("--to", a->to,
                  "Write a document instead of a listing: pdf, html, md, txt, or json");
  cmd->add_option("-o,--output", a->output,
                  "File to write (default: statement-CLIENT-DATE.EXT here); - for standard output");
  cmd->add_option("--lang", a->lang, "fr or en (default: the client's language)");
  cmd->add_option("-t,--template", a->template_name,
                  "Template for html, md and txt (default: the built-in statement)");
  cmd->footer(
      "Every issued invoice and credit note of the client and every payment, refund and\n"
      "reversal recorded on them, in date order, with the running balance (debit: what adds to\n"
      "what the client owes; credit: what takes from it), by currency; then what is due and what\n"
      "of it is overdue. Issued invoices never change: this is where their payments and credits\n"
      "show. As a listing it prints as a table, CSV, TSV or JSON (--format); with --to it is a\n"
      "document laid out like an invoice, in the client's language.\n\n"
      "Examples:\n"
      "  indie client statement acme\n"
      "  indie client statement acme --as-of 2026-11-30 --to pdf\n"
      "  indie client statement acme --from 2026-01-01 --format csv > acme-2026.csv\n"
      "  indie client statement acme --format json | jq '.[-1].balance'");
  cmd->callback([&ctx, a] { statement(ctx, *a); });
}

}  // namespace indie::cli
