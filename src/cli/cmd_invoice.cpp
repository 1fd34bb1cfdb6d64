// indie invoice new|rm; show and list are in cmd_invoice_show.cpp, lines in
// cmd_invoice_line.cpp, issue and credit in cmd_invoice_issue.cpp, pay in cmd_invoice_pay.cpp.
#include <fmt/format.h>

#include <map>

#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/invoice_draft.hpp"
#include "indie/core/text.hpp"
#include "invoice_common.hpp"
#include "time_common.hpp"

namespace indie::cli {

void setup_invoice_show(CLI::App& group, Context& ctx);
void setup_invoice_line(CLI::App& group, Context& ctx);
void setup_invoice_issue(CLI::App& group, Context& ctx);
void setup_invoice_pay(CLI::App& group, Context& ctx);
void setup_invoice_verify(CLI::App& group, Context& ctx);
void setup_invoice_check(CLI::App& group, Context& ctx);
void setup_invoice_render(CLI::App& group, Context& ctx);

namespace {

struct NewArgs {
  std::string client, from, to, group_by = "project", currency, po, notes, service_date, period;
  bool empty = false;
};

struct EditArgs {
  std::string invoice, po, notes, service_date, period;
  bool no_period = false;
};

const Currency& currency_flag(const std::string& code, const Client& client) {
  if (code.empty()) return currency(client.currency);
  try {
    return currency(code);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("--currency: {}", e.what()));
  }
}

void new_invoice(Context& ctx, const NewArgs& a) {
  Store& store = ctx.store();
  const Config& config = ctx.config();
  WriteTransaction tx(store);
  const Client client = store.clients().get(a.client);
  const Currency& cur = currency_flag(a.currency, client);
  const VatCategory category = category_for(config, client);

  Invoice inv;
  inv.kind = InvoiceKind::invoice;
  inv.client_id = client.id;
  inv.client_handle = client.handle;
  inv.currency = cur.code;
  inv.language = client.language;
  inv.vat_category = category_code(category);
  inv.po_number = a.po;
  inv.notes = a.notes;
  inv.created_at = ctx.now_iso();
  if (const auto given = given_period_arg(ctx, a.service_date, a.period)) {
    inv.given_period = *given;
    inv.period = *given;
  }
  InvoiceRepo& repo = store.invoices();

  if (a.empty) {
    if (!a.from.empty() || !a.to.empty())
      throw usage_error("--empty makes a draft without time; leave out --from and --to");
    inv.id = repo.insert(inv);
    tx.commit();
    ctx.say(
        fmt::format("Created draft {} for {} ({}), with no lines yet.\nAdd one: indie invoice line "
                    "add {} \"Audit\" --qty 2 --unit d --price 650",
                    inv.id, client.handle, cur.code, inv.id));
    if (ctx.options.quiet) ctx.out << inv.id << "\n";
    return;
  }

  const LineGrouping grouping = parse_grouping(a.group_by);
  TimeFilter f;
  set_date_range(f, a.from, a.to, ctx.today());
  f.client_id = client.id;
  f.billable = true;
  f.unbilled = true;
  f.include_running = false;
  TimeRepo& time = store.time_entries();
  const auto billing = time.project_billing(config.time.rounding);
  std::map<std::int64_t, std::string> names;
  for (const auto& p : store.projects().list(client.id, true)) names[p.id] = p.name;

  DraftBuilder builder(cur, grouping, billing, names, LocalCalendar(config.time.week_start),
                       config.time.seconds_per_day, default_rate(config, category));
  time.for_each(f, [&](const TimeEntry& e) { builder.add(e); });
  // The draft is written line by line as the builder hands them over; an empty result throws
  // below and the transaction takes the draft back.
  inv.id = repo.insert(inv);
  const DraftSummary plan = builder.finish([&](const DraftLine& d) {
    const std::int64_t id = repo.insert_line(inv.id, d.line, line_net(d.line, cur).minor());
    repo.bill_entries(inv.id, id, d.entries);
  });
  if (plan.lines == 0 && plan.rounded_away > 0)
    throw not_found(fmt::format(
        "{}'s unbilled time rounds down to nothing under its rounding policy; nothing to bill yet",
        client.handle));
  if (plan.lines == 0) {
    std::string more;
    if (!plan.other_currency.empty())
      more =
          fmt::format(" There is unbilled time in another currency: {}; bill it with --currency.",
                      plan.other_currency.begin()->first);
    throw not_found(fmt::format(
        "{} has no unbilled, billable, finished time{}.{} See it with: indie time list --client {} "
        "--unbilled; or make an empty draft: indie invoice new {} --empty",
        client.handle, a.from.empty() && a.to.empty() ? "" : " in that period", more, client.handle,
        client.handle));
  }
  const std::int64_t position = plan.lines, entries = plan.entries;
  const InvoiceTotals totals = refresh_totals(repo, inv);
  tx.commit();
  for (const auto& [path, n] : plan.other_currency)
    ctx.warn(
        fmt::format("{} unbilled entr{} of {} left out: another currency. Bill {} with --currency.",
                    n, n == 1 ? "y" : "ies", path, n == 1 ? "it" : "them"));
  ctx.say(fmt::format(
      "Created draft {} for {}: {} line{} billing {} time entr{} ({}), {} {} excluding VAT.\n"
      "Review it: indie invoice show {}\nIssue it:  indie invoice issue {}",
      inv.id, client.handle, position, position == 1 ? "" : "s", entries,
      entries == 1 ? "y" : "ies", inv.period.to_string(), amount_text(totals.net, true), cur.code,
      inv.id, inv.id));
  if (ctx.options.quiet) ctx.out << inv.id << "\n";
}

void edit(Context& ctx, const EditArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  Invoice inv = repo.get(a.invoice);
  require_draft(inv, "change");
  const auto given = given_period_arg(ctx, a.service_date, a.period);
  if (!given && !a.no_period && a.po.empty() && a.notes.empty())
    throw usage_error(
        "nothing to change: give --service-date, --period, --no-period, --po or --notes");
  if (given && a.no_period) throw usage_error("--no-period removes the period; give one or other");
  if (given) inv.given_period = *given;
  if (a.no_period) inv.given_period = {};
  if (!a.po.empty()) inv.po_number = a.po;
  if (!a.notes.empty()) inv.notes = a.notes;
  refresh_totals(repo, inv);
  tx.commit();
  ctx.say(fmt::format("Changed draft {}{}.", inv.id,
                      inv.period.empty() ? "" : ": service " + inv.period.to_string()));
}

void remove_draft(Context& ctx, const std::string& ref) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  const Invoice inv = repo.get(ref);
  require_draft(inv, "be removed");
  std::int64_t entries = 0;
  for (const auto& l : repo.lines(inv.id)) entries += l.entries;
  repo.remove_draft(inv.id);
  tx.commit();
  ctx.say(fmt::format("Removed draft {} of {}{}.", inv.id, inv.client_handle,
                      entries == 0 ? ""
                                   : fmt::format("; its {} time entr{} are unbilled again", entries,
                                                 entries == 1 ? "y" : "ies")));
}

}  // namespace

void setup_invoice(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand(
      "invoice", "Invoices: drafts from time, lines, issue, credit notes, payments");
  group->footer(
      "Start with: indie invoice new CLIENT, then show, issue, pay.\n\nExamples:\n"
      "  indie invoice new acme\n  indie invoice issue 1\n"
      "  indie invoice pay F2026-0007 --amount 1200 --account Qonto\nSee: man indie-invoice");

  auto a = std::make_shared<NewArgs>();
  auto* new_cmd =
      group->add_subcommand("new", "Make a draft from a client's unbilled time, or an empty one");
  new_cmd->add_option("client", a->client, "Client handle or id")->required();
  new_cmd->add_option("--from", a->from, "First day of time to bill (default: all unbilled time)");
  new_cmd->add_option("--to", a->to, "Last day of time to bill, included");
  new_cmd->add_option("-g,--group-by", a->group_by,
                      "One line per project (default), day (per project) or entry");
  new_cmd->add_option("--currency", a->currency,
                      "Invoice currency (default: the client's); bills time of projects in it");
  new_cmd->add_option("--po", a->po, "The client's purchase order number, printed on the invoice");
  new_cmd->add_option("--notes", a->notes, "A note printed on the invoice");
  new_cmd->add_flag("--empty", a->empty, "An empty draft, for manual lines");
  add_period_options(*new_cmd, a->service_date, a->period);
  new_cmd->footer(
      "Time is billed as the rounding policy says (see man indie-time), at each project's rate;\n"
      "each line states its service period and knows the entries it bills.\n\nExamples:\n"
      "  indie invoice new acme --from 2026-11-01 --to 2026-11-30\n"
      "  indie invoice new acme --group-by day\n"
      "  indie invoice new acme --empty --po PO-4471 --period 2026-11-01..2026-11-30");
  new_cmd->callback([&ctx, a] { new_invoice(ctx, *a); });

  auto e = std::make_shared<EditArgs>();
  auto* edit_cmd =
      group->add_subcommand("edit", "Change a draft's service date or period, PO, notes");
  edit_cmd->add_option("id", e->invoice, "Draft id")->required();
  add_period_options(*edit_cmd, e->service_date, e->period);
  edit_cmd->add_flag("--no-period", e->no_period, "Remove the invoice's own service period");
  edit_cmd->add_option("--po", e->po, "The client's purchase order number");
  edit_cmd->add_option("--notes", e->notes, "A note printed on the invoice");
  edit_cmd->footer(
      "Every invoice states when the service was done: each line's period (lines from time have\n"
      "one), or the invoice's, for the lines without. Lines: indie invoice line edit.\n\n"
      "Examples:\n  indie invoice edit 12 --period 2026-11-01..2026-11-30\n"
      "  indie invoice edit 12 --service-date 2026-11-28 --po PO-4471");
  edit_cmd->callback([&ctx, e] { edit(ctx, *e); });

  auto rm_ref = std::make_shared<std::string>();
  auto* rm_cmd =
      group->add_subcommand("rm", "Delete a draft; its time entries become unbilled again");
  rm_cmd->add_option("id", *rm_ref, "Draft id")->required();
  rm_cmd->footer(
      "Issued invoices are never deleted: cancel one with indie invoice credit "
      "NUMBER.\n\nExample:\n"
      "  indie invoice rm 12");
  rm_cmd->callback([&ctx, rm_ref] { remove_draft(ctx, *rm_ref); });

  setup_invoice_show(*group, ctx);
  setup_invoice_line(*group, ctx);
  setup_invoice_issue(*group, ctx);
  setup_invoice_pay(*group, ctx);
  setup_invoice_render(*group, ctx);
  setup_invoice_verify(*group, ctx);
  setup_invoice_check(*group, ctx);
}

}  // namespace indie::cli
