// indie invoice show and indie invoice list.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "indie/error.hpp"
#include "indie/text.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

using nlohmann::ordered_json;

// A draft is a draft and a credit note is simply issued; an invoice's status follows its money.
InvoiceStatus status_of(const InvoiceRow& r, const Currency& cur, Date today) {
  const Invoice& i = r.invoice;
  if (!i.issued) return InvoiceStatus::draft;
  if (i.kind == InvoiceKind::credit_note) return InvoiceStatus::issued;
  return invoice_status({Money(i.gross_minor, cur), Money(r.credited_minor, cur), Money(r.paid_minor, cur)}, *i.due_date,
                        today);
}

// A unit price with at least the currency's decimals: 80 -> 80.00, 12.3456 stays.
std::string price_text(const Decimal& price, const Currency& cur) {
  const Decimal p = price.normalized();
  return p.with_scale(std::max(p.scale(), cur.minor_units)).format(NumberLocale::en);
}

std::string date_or_empty(const std::optional<Date>& d) { return d ? format_date(*d) : ""; }

// ---- list -------------------------------------------------------------------------------

struct ListArgs {
  std::string status, client, from, to;
  bool overdue = false;
};

void list(Context& ctx, const ListArgs& a) {
  Store& store = ctx.store();
  InvoiceFilter f;
  if (!a.client.empty()) f.client_id = ClientRepo(store).get(a.client).id;
  if (!a.from.empty()) f.from = date_or_today(ctx, a.from, "--from");
  if (!a.to.empty()) f.to = date_or_today(ctx, a.to, "--to");
  std::optional<InvoiceStatus> wanted;
  if (!a.status.empty()) wanted = parse_invoice_status(a.status);
  if (a.overdue) {
    if (wanted && *wanted != InvoiceStatus::overdue) throw usage_error("--overdue and --status exclude each other");
    wanted = InvoiceStatus::overdue;
  }
  const Date today = ctx.today();
  const bool people = ctx.format() == Format::table;
  TableWriter writer(ctx.out, ctx.format(),
                     {"id", "number", "kind", "client", "issue_date", "due_date", "days_late", "currency", "net", "vat",
                      "total", "credited", "paid", "due", "status", "credits_id"},
                     {"id", "number", "client", "issue_date", "due_date", "total", "due", "currency", "status"});
  // One row of cells reused for every invoice: 10,000 invoices list in a few tens of ms.
  std::vector<Cell> cells(16);
  const auto text = [&](std::size_t k, std::string_view v) {
    cells[k] = {std::string(v), CellKind::text, false};
  };
  const auto none = [&](std::size_t k) { cells[k] = Cell::none(); };
  InvoiceRepo(store).for_each_row(f, [&](const InvoiceRow& r) {
    const Invoice& i = r.invoice;
    const Currency& cur = i.cur();
    const bool credit = i.kind == InvoiceKind::credit_note;
    const InvoiceStatus s = status_of(r, cur, today);
    if (wanted && s != *wanted) return;
    const std::int64_t due = !i.issued || credit ? 0 : i.gross_minor - r.credited_minor - r.paid_minor;
    const auto amount = [&](std::size_t k, std::int64_t minor) {
      cells[k] = {amount_text(Money(minor, cur), people), CellKind::amount, false};
    };
    cells[0] = Cell::integer(i.id);
    if (i.number) text(1, *i.number);
    else none(1);
    text(2, to_string(i.kind));
    text(3, i.client_handle);
    if (i.issue_date) text(4, format_date(*i.issue_date));
    else none(4);
    if (i.due_date && !credit) text(5, format_date(*i.due_date));
    else none(5);
    if (s == InvoiceStatus::overdue) cells[6] = Cell::integer(days_between(*i.due_date, today));
    else none(6);
    text(7, i.currency);
    amount(8, i.net_minor);
    amount(9, i.vat_minor);
    amount(10, i.gross_minor);
    amount(11, r.credited_minor);
    amount(12, r.paid_minor);
    amount(13, due);
    text(14, to_string(s));
    if (credit && i.credited_id) cells[15] = Cell::integer(*i.credited_id);
    else none(15);
    writer.row(cells);
  });
  if (writer.rows() == 0 && people) {
    ctx.err << (wanted || f.client_id || f.from || f.to ? "No invoices match.\n"
                                                         : "No invoices yet. Make one with: indie invoice new CLIENT\n");
    return;
  }
  writer.finish();
}

// ---- show -------------------------------------------------------------------------------

struct ShowData {
  Invoice inv;
  std::vector<InvoiceLine> lines;
  InvoiceTotals totals;
  std::vector<Invoice> credits;
  std::vector<Payment> payments;
  std::optional<Invoice> original;
  InvoiceStatus status = InvoiceStatus::draft;
  Money credited, paid, due;
};

ShowData load(Context& ctx, const std::string& ref) {
  InvoiceRepo repo(ctx.store());
  Invoice inv = repo.get(ref);
  const Currency& cur = inv.cur();
  auto lines = repo.lines(inv.id);
  InvoiceTotals totals = compute_totals(lines, cur);
  ShowData d{inv, std::move(lines), std::move(totals), {}, {}, {}, InvoiceStatus::draft, Money::zero(cur), Money::zero(cur), Money::zero(cur)};
  if (inv.kind == InvoiceKind::invoice) {
    d.credits = repo.credit_notes(inv.id);
    d.payments = repo.payments(inv.id);
    for (const auto& c : d.credits) d.credited += money(c.gross_minor, c);
    for (const auto& p : d.payments) d.paid += money(p.amount_minor, inv);
  } else if (inv.credited_id) {
    d.original = repo.find(*inv.credited_id);
  }
  d.due = inv.issued && inv.kind == InvoiceKind::invoice ? d.totals.gross - d.credited - d.paid : Money::zero(cur);
  d.status = status_of({inv, d.credited.minor(), d.paid.minor()}, cur, ctx.today());
  return d;
}

std::string party_name(const std::string& snapshot, const std::string& fallback) {
  if (snapshot.empty()) return fallback;
  const auto j = nlohmann::json::parse(snapshot);
  return j.value("name", fallback);
}

void show_json(Context& ctx, const ShowData& d) {
  const Invoice& i = d.inv;
  const auto amount = [&](const Money& m) { return m.to_string(); };
  ordered_json j;
  j["id"] = i.id;
  j["number"] = i.number ? ordered_json(*i.number) : ordered_json(nullptr);
  j["kind"] = to_string(i.kind);
  j["type_code"] = type_code(i.kind);
  j["status"] = to_string(d.status);
  j["client"] = i.client_handle;
  j["currency"] = i.currency;
  j["language"] = to_string(i.language);
  j["issue_date"] = i.issue_date ? ordered_json(format_date(*i.issue_date)) : ordered_json(nullptr);
  j["due_date"] = i.due_date ? ordered_json(format_date(*i.due_date)) : ordered_json(nullptr);
  j["period"] = i.period.empty() ? ordered_json(nullptr) : ordered_json(i.period.to_string());
  j["po_number"] = i.po_number;
  j["notes"] = i.notes;
  j["vat_category"] = i.vat_category;
  j["vat_exemption_code"] = exemption_code(parse_category(i.vat_category));
  if (d.original) {
    j["credits"] = {{"number", d.original->number ? *d.original->number : ""},
                    {"issue_date", date_or_empty(d.original->issue_date)}};
    j["reason"] = i.reason;
  }
  j["lines"] = ordered_json::array();
  for (const auto& l : d.lines) {
    const Money gross = line_gross(l, i.cur()), net = line_net(l, i.cur());
    j["lines"].push_back({{"position", l.position}, {"description", l.description},
                          {"quantity", l.quantity.to_string()}, {"unit", l.unit},
                          {"unit_price", l.unit_price.to_string()}, {"vat_rate", l.vat_rate.to_string()},
                          {"discount", l.discount.to_string()}, {"discount_amount", amount(gross - net)},
                          {"net", amount(net)},
                          {"period", l.period.empty() ? ordered_json(nullptr) : ordered_json(l.period.to_string())},
                          {"time_entries", l.entries}});
  }
  j["vat"] = ordered_json::array();
  for (const auto& v : d.totals.by_rate)
    j["vat"].push_back({{"rate", v.rate.to_string()}, {"base", amount(v.base)}, {"vat", amount(v.vat)}});
  j["net"] = amount(d.totals.net);
  j["vat_total"] = amount(d.totals.vat);
  j["total"] = amount(d.totals.gross);
  if (i.kind == InvoiceKind::invoice) {
    j["credited"] = amount(d.credited);
    j["paid"] = amount(d.paid);
    j["due"] = amount(d.due);
  }
  if (!i.eur_rate.empty()) {
    j["eur_rate"] = {{"rate", i.eur_rate}, {"date", i.eur_rate_date}, {"source", i.eur_rate_source}};
    j["vat_eur"] = i.vat_eur_minor ? ordered_json(Money(*i.vat_eur_minor, currency("EUR")).to_string()) : ordered_json(nullptr);
  }
  j["seller"] = i.seller.empty() ? ordered_json(nullptr) : ordered_json::parse(i.seller);
  j["buyer"] = i.buyer.empty() ? ordered_json(nullptr) : ordered_json::parse(i.buyer);
  j["mentions"] = i.mentions;
  j["credit_notes"] = ordered_json::array();
  for (const auto& c : d.credits)
    j["credit_notes"].push_back({{"number", *c.number}, {"issue_date", format_date(*c.issue_date)},
                                 {"total", amount(money(c.gross_minor, c))}, {"reason", c.reason}});
  j["payments"] = ordered_json::array();
  for (const auto& p : d.payments) {
    ordered_json pj = {{"date", format_date(p.date)}, {"amount", amount(money(p.amount_minor, i))},
                       {"method", to_string(p.method)},
                       {"account", p.account.empty() ? ordered_json(nullptr) : ordered_json(p.account)},
                       {"received", Money(p.received_minor, currency(p.received_currency, true)).to_string()},
                       {"received_currency", p.received_currency}};
    if (p.fx_gain_minor)
      pj["fx_gain"] = Money(*p.fx_gain_minor, currency(p.fx_currency, true)).to_string(), pj["fx_currency"] = p.fx_currency;
    j["payments"].push_back(pj);
  }
  ctx.out << j.dump(2) << "\n";
}

void show_table(Context& ctx, const ShowData& d) {
  const Invoice& i = d.inv;
  const Currency& cur = i.cur();
  const auto amt = [&](const Money& m) { return amount_text(m, true); };
  std::string title = i.kind == InvoiceKind::credit_note ? "Credit note (avoir)" : "Invoice";
  if (i.issued) title += " " + *i.number;
  else title = "Draft " + std::to_string(i.id) + " (" + (i.kind == InvoiceKind::credit_note ? "credit note" : "invoice") +
               ", not issued: no number yet)";
  ctx.out << title << "  [" << to_string(d.status) << "]\n";
  const auto field = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) ctx.out << fmt::format("  {:<10} {}\n", name, value);
  };
  if (i.issued) field("seller", party_name(i.seller, ""));
  field("client", i.client_handle + (i.issued ? " – " + party_name(i.buyer, "") : ""));
  if (d.original) field("credits", fmt::format("{} of {}", d.original->number.value_or("?"), date_or_empty(d.original->issue_date)));
  if (!i.reason.empty()) field("reason", i.reason);
  field("issued", date_or_empty(i.issue_date));
  if (i.kind == InvoiceKind::invoice) field("due", date_or_empty(i.due_date));
  field("period", i.period.to_string());
  field("currency", i.currency);
  field("vat", fmt::format("{} {}", i.vat_category, exemption_code(parse_category(i.vat_category))));
  field("po", i.po_number);
  field("notes", i.notes);
  ctx.out << "\n";
  if (d.lines.empty()) {
    ctx.out << fmt::format("  No lines yet. Add one: indie invoice line add {} \"Audit\" --qty 2 --unit d --price 650\n", i.id);
  } else {
    TableWriter w(ctx.out, Format::table, {"#", "description", "period", "qty", "unit", "price", "vat%", "disc%", "total"});
    for (const auto& l : d.lines) {
      w.row({Cell::integer(l.position), Cell::str(l.description), Cell::str(l.period.to_string()),
             Cell::amount(l.quantity.to_string()), Cell::str(l.unit), Cell::amount(price_text(l.unit_price, cur)),
             Cell::amount(l.vat_rate.to_string()), Cell::amount(l.discount.is_zero() ? "" : l.discount.to_string()),
             Cell::amount(amt(line_net(l, cur)))});
    }
    w.finish();
  }
  ctx.out << "\n";
  for (const auto& v : d.totals.by_rate)
    ctx.out << fmt::format("  VAT {:>5}% on {:>14}  {:>12}\n", v.rate.to_string(), amt(v.base), amt(v.vat));
  ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Total excl. VAT", amt(d.totals.net), i.currency);
  ctx.out << fmt::format("  {:<18} {:>14} {}\n", "VAT", amt(d.totals.vat), i.currency);
  ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Total incl. VAT", amt(d.totals.gross), i.currency);
  if (i.vat_eur_minor && *i.vat_eur_minor != 0)
    ctx.out << fmt::format("  {:<18} {:>14} EUR\n", "VAT in EUR", amt(Money(*i.vat_eur_minor, currency("EUR"))));
  if (i.kind == InvoiceKind::invoice && i.issued) {
    if (!d.credited.is_zero()) ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Credited", amt(d.credited), i.currency);
    if (!d.paid.is_zero()) ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Paid", amt(d.paid), i.currency);
    ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Due", amt(d.due), i.currency);
  }
  for (const auto& c : d.credits)
    ctx.out << fmt::format("\n  Credit note {} of {}: {} {} ({})", *c.number, format_date(*c.issue_date),
                           amt(money(c.gross_minor, c)), c.currency, c.reason);
  if (!d.credits.empty()) ctx.out << "\n";
  for (const auto& p : d.payments) {
    std::string extra;
    if (p.received_currency != i.currency || p.received_minor != p.amount_minor)
      extra = fmt::format(", received {} {}", amt(Money(p.received_minor, currency(p.received_currency, true))), p.received_currency);
    if (p.fx_gain_minor)
      extra += fmt::format(", exchange {} {}", (*p.fx_gain_minor > 0 ? "+" : "") + amt(Money(*p.fx_gain_minor, currency(p.fx_currency, true))),
                           p.fx_currency);
    ctx.out << fmt::format("\n  Paid {} {} on {} by {}{}{}", amt(money(p.amount_minor, i)), i.currency, format_date(p.date),
                           to_string(p.method), p.account.empty() ? "" : " into " + p.account, extra);
  }
  if (!d.payments.empty()) ctx.out << "\n";
  if (!i.mentions.empty()) {
    ctx.out << "\n";
    for (const auto& m : i.mentions) ctx.out << "  " << m << "\n";
  }
  if (!i.issued) ctx.out << fmt::format("\nIssue it with: indie invoice issue {}\n", i.id);
}

void show_lines(Context& ctx, const ShowData& d) {
  const Invoice& i = d.inv;
  TableWriter w(ctx.out, ctx.format(),
                {"invoice", "position", "description", "period", "quantity", "unit", "unit_price", "vat_rate", "discount",
                 "net", "currency", "time_entries"});
  for (const auto& l : d.lines) {
    w.row({Cell::str(i.label()), Cell::integer(l.position), Cell::str(l.description), Cell::str(l.period.to_string()),
           Cell::amount(l.quantity.to_string()), Cell::str(l.unit), Cell::amount(l.unit_price.to_string()),
           Cell::amount(l.vat_rate.to_string()), Cell::amount(l.discount.to_string()),
           Cell::amount(line_net(l, i.cur()).to_string()), Cell::str(i.currency), Cell::integer(l.entries)});
  }
  w.finish();
}

void show(Context& ctx, const std::string& ref) {
  const ShowData d = load(ctx, ref);
  switch (ctx.format()) {
    case Format::json: return show_json(ctx, d);
    case Format::table: return show_table(ctx, d);
    default: return show_lines(ctx, d);
  }
}

}  // namespace

void setup_invoice_show(CLI::App& group, Context& ctx) {
  auto ref = std::make_shared<std::string>();
  auto* show_cmd = group.add_subcommand("show", "Show one invoice with its lines, totals, credit notes and payments");
  show_cmd->add_option("invoice", *ref, "Number (F2026-0007) or draft id")->required();
  show_cmd->footer("--format json prints the whole invoice; csv and tsv print its lines.\n\nExamples:\n"
                   "  indie invoice show F2026-0007\n  indie invoice show 12 --format json | jq .total");
  show_cmd->callback([&ctx, ref] { show(ctx, *ref); });

  auto a = std::make_shared<ListArgs>();
  auto* list_cmd = group.add_subcommand("list", "List invoices and credit notes with what is still due");
  list_cmd->add_option("-s,--status", a->status, "draft, issued, partly-paid, paid, overdue or cancelled");
  list_cmd->add_flag("--overdue", a->overdue, "Only invoices past their due date with money still due");
  list_cmd->add_option("-c,--client", a->client, "Only this client's");
  list_cmd->add_option("--from", a->from, "Issued on or after this day (drafts: created)");
  list_cmd->add_option("--to", a->to, "Issued on or before this day");
  list_cmd->footer("Examples:\n  indie invoice list --status draft\n"
                   "  indie invoice list --overdue --format csv    # for a cron job that sends reminders");
  list_cmd->callback([&ctx, a] { list(ctx, *a); });
}

}  // namespace indie::cli
