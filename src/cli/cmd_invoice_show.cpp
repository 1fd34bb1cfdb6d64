// indie invoice show and indie invoice list.
#include <fmt/format.h>

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

using nlohmann::ordered_json;

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
  if (!a.client.empty()) f.client_id = store.clients().get(a.client).id;
  if (!a.from.empty()) f.from = date_or_today(ctx, a.from, "--from");
  if (!a.to.empty()) f.to = date_or_today(ctx, a.to, "--to");
  std::optional<InvoiceStatus> wanted;
  if (!a.status.empty()) wanted = parse_invoice_status(a.status);
  if (a.overdue) {
    if (wanted && *wanted != InvoiceStatus::overdue)
      throw usage_error("--overdue and --status exclude each other");
    wanted = InvoiceStatus::overdue;
  }
  const Date today = ctx.today();
  const bool people = ctx.format() == Format::table;
  TableWriter writer(
      ctx.out, ctx.format(),
      {"id", "number", "kind", "client", "issue_date", "due_date", "days_late", "currency", "net",
       "vat", "total", "credited", "paid", "due", "status", "credits_id"},
      {"id", "number", "client", "issue_date", "due_date", "total", "due", "currency", "status"});
  // One row of cells borrowing from the database row and from reused buffers: 10,000
  // invoices list in about 20 ms.
  std::array<CellView, 16> cells;
  std::array<std::string, 6> amounts;  // net, vat, total, credited, paid, due
  std::array<char, 24> id_text{}, late_text{}, credits_text{};
  const auto integer = [](std::array<char, 24>& buf, std::int64_t v) {
    const auto end = std::to_chars(buf.data(), buf.data() + buf.size(), v).ptr;
    return CellView{std::string_view(buf.data(), static_cast<std::size_t>(end - buf.data())),
                    CellKind::integer};
  };
  const auto text = [](std::string_view v) {
    return v.empty() ? CellView{{}, CellKind::text, true} : CellView{v};
  };
  const Currency* cur = nullptr;
  store.invoices().for_each_listing(f, [&](const InvoiceListing& r) {
    if (cur == nullptr || cur->code != r.currency) cur = &currency(r.currency, true);
    const bool credit = r.kind == InvoiceKind::credit_note;
    std::optional<Date> due_date;
    if (!r.due_date.empty()) due_date = parse_date(r.due_date, today);
    const InvoiceStatus s = document_status(
        r.issued, r.kind,
        {Money(r.gross_minor, *cur), Money(r.credited_minor, *cur), Money(r.paid_minor, *cur)},
        due_date, today);
    if (wanted && s != *wanted) return;
    const std::int64_t due =
        amount_due(r.issued, r.kind, r.gross_minor, r.credited_minor, r.paid_minor);
    const std::array<std::int64_t, 6> minor = {r.net_minor,      r.vat_minor,  r.gross_minor,
                                               r.credited_minor, r.paid_minor, due};
    for (std::size_t k = 0; k < minor.size(); ++k) {
      amounts[k].clear();
      if (people && k != 2 && k != 5) continue;  // the table shows only total and due
      append_scaled(amounts[k], minor[k], cur->minor_units,
                    people ? NumberLocale::en : NumberLocale::canonical);
      cells[8 + k] = {amounts[k], CellKind::amount};
    }
    cells[0] = integer(id_text, r.id);
    cells[1] = text(r.number);
    cells[2] = {to_string(r.kind)};
    cells[3] = {r.client_handle};
    cells[4] = text(r.issue_date);
    cells[5] = text(credit ? std::string_view() : r.due_date);
    cells[6] =
        s == InvoiceStatus::overdue ? integer(late_text, days_between(*due_date, today)) : text({});
    cells[7] = {r.currency};
    cells[14] = {to_string(s)};
    cells[15] = credit && r.credited_id ? integer(credits_text, *r.credited_id) : text({});
    writer.row(cells);
  });
  if (writer.rows() == 0 && people) {
    ctx.err << (wanted || f.client_id || f.from || f.to
                    ? "No invoices match.\n"
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
  InvoiceRepo& repo = ctx.store().invoices();
  Invoice inv = repo.get(ref);
  const Currency& cur = inv.cur();
  auto lines = repo.lines(inv.id);
  InvoiceTotals totals = compute_totals(lines, cur);
  ShowData d{inv,
             std::move(lines),
             std::move(totals),
             {},
             {},
             {},
             InvoiceStatus::draft,
             Money::zero(cur),
             Money::zero(cur),
             Money::zero(cur)};
  if (inv.kind == InvoiceKind::invoice) {
    d.credits = repo.credit_notes(inv.id);
    d.payments = repo.payments(inv.id);
    for (const auto& c : d.credits) d.credited += money(c.gross_minor, c);
    for (const auto& p : d.payments) d.paid += money(p.amount_minor, inv);
  } else if (inv.credited_id) {
    d.original = repo.find(*inv.credited_id);
  }
  d.due = Money(
      amount_due(inv.issued, inv.kind, d.totals.gross.minor(), d.credited.minor(), d.paid.minor()),
      cur);
  d.status = document_status(inv.issued, inv.kind, {d.totals.gross, d.credited, d.paid},
                             inv.due_date, ctx.today());
  return d;
}

std::string party_name(const Invoice& inv, const std::string& snapshot, std::string_view part) {
  if (snapshot.empty()) return "";
  const auto j = frozen_party(inv, snapshot, part);
  return j.contains("name") && j["name"].is_string() ? j["name"].get<std::string>() : "";
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
    j["lines"].push_back(
        {{"position", l.position},
         {"description", l.description},
         {"quantity", l.quantity.to_string()},
         {"unit", l.unit},
         {"unit_price", l.unit_price.to_string()},
         {"vat_rate", l.vat_rate.to_string()},
         {"discount", l.discount.to_string()},
         {"discount_amount", amount(gross - net)},
         {"net", amount(net)},
         {"period", l.period.empty() ? ordered_json(nullptr) : ordered_json(l.period.to_string())},
         {"time_entries", l.entries}});
  }
  j["vat"] = ordered_json::array();
  for (const auto& v : d.totals.by_rate)
    j["vat"].push_back(
        {{"rate", v.rate.to_string()}, {"base", amount(v.base)}, {"vat", amount(v.vat)}});
  j["net"] = amount(d.totals.net);
  j["vat_total"] = amount(d.totals.vat);
  j["total"] = amount(d.totals.gross);
  if (i.kind == InvoiceKind::invoice) {
    j["credited"] = amount(d.credited);
    j["paid"] = amount(d.paid);
    j["due"] = amount(d.due);
  }
  if (!i.eur_rate.empty()) {
    j["eur_rate"] = {
        {"rate", i.eur_rate}, {"date", i.eur_rate_date}, {"source", i.eur_rate_source}};
    j["vat_eur"] = i.vat_eur_minor
                       ? ordered_json(Money(*i.vat_eur_minor, currency("EUR")).to_string())
                       : ordered_json(nullptr);
  }
  j["seller"] = i.seller.empty() ? ordered_json(nullptr) : frozen_party(i, i.seller, "its seller");
  j["buyer"] = i.buyer.empty() ? ordered_json(nullptr) : frozen_party(i, i.buyer, "its client");
  j["mentions"] = i.mentions;
  j["credit_notes"] = ordered_json::array();
  for (const auto& c : d.credits)
    j["credit_notes"].push_back({{"number", *c.number},
                                 {"issue_date", format_date(*c.issue_date)},
                                 {"total", amount(money(c.gross_minor, c))},
                                 {"reason", c.reason}});
  j["payments"] = ordered_json::array();
  for (const auto& p : d.payments) {
    ordered_json pj = {
        {"id", p.id},
        {"kind", to_string(p.kind)},
        {"reverses", p.reverses ? ordered_json(*p.reverses) : ordered_json(nullptr)},
        {"date", format_date(p.date)},
        {"amount", amount(money(p.amount_minor, i))},
        {"method", to_string(p.method)},
        {"account", p.account.empty() ? ordered_json(nullptr) : ordered_json(p.account)},
        {"received", Money(p.received_minor, currency(p.received_currency, true)).to_string()},
        {"received_currency", p.received_currency},
        {"note", p.note}};
    if (p.fx_gain_minor)
      pj["fx_gain"] = Money(*p.fx_gain_minor, currency(p.fx_currency, true)).to_string(),
      pj["fx_currency"] = p.fx_currency;
    j["payments"].push_back(pj);
  }
  ctx.out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void show_table(Context& ctx, const ShowData& d) {
  const Invoice& i = d.inv;
  const Currency& cur = i.cur();
  const auto amt = [&](const Money& m) { return amount_text(m, true); };
  std::string title = i.kind == InvoiceKind::credit_note ? "Credit note (avoir)" : "Invoice";
  if (i.issued)
    title += " " + *i.number;
  else
    title = "Draft " + std::to_string(i.id) + " (" +
            (i.kind == InvoiceKind::credit_note ? "credit note" : "invoice") +
            ", not issued: no number yet)";
  ctx.out << title << "  [" << to_string(d.status) << "]\n";
  const auto field = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) ctx.out << fmt::format("  {:<10} {}\n", name, value);
  };
  if (i.issued) field("seller", party_name(i, i.seller, "its seller"));
  field("client", i.client_handle + (i.issued ? " – " + party_name(i, i.buyer, "its client") : ""));
  if (d.original)
    field("credits", fmt::format("{} of {}", d.original->number.value_or("?"),
                                 date_or_empty(d.original->issue_date)));
  if (!i.reason.empty()) field("reason", i.reason);
  field("issued", date_or_empty(i.issue_date));
  if (i.kind == InvoiceKind::invoice) field("due", date_or_empty(i.due_date));
  field("period", i.period.to_string());
  field("currency", i.currency);
  field("vat",
        fmt::format("{} {}", i.vat_category, exemption_code(parse_category(i.vat_category))));
  field("po", i.po_number);
  field("notes", i.notes);
  ctx.out << "\n";
  if (d.lines.empty()) {
    ctx.out << fmt::format(
        "  No lines yet. Add one: indie invoice line add {} \"Audit\" --qty 2 --unit d --price "
        "650\n",
        i.id);
  } else {
    TableWriter w(ctx.out, Format::table,
                  {"#", "description", "period", "qty", "unit", "price", "vat%", "disc%", "total"});
    for (const auto& l : d.lines) {
      w.row({Cell::integer(l.position), Cell::str(l.description), Cell::str(l.period.to_string()),
             Cell::amount(l.quantity.to_string()), Cell::str(l.unit),
             Cell::amount(price_text(l.unit_price, cur)), Cell::amount(l.vat_rate.to_string()),
             Cell::amount(l.discount.is_zero() ? "" : l.discount.to_string()),
             Cell::amount(amt(line_net(l, cur)))});
    }
    w.finish();
  }
  ctx.out << "\n";
  for (const auto& v : d.totals.by_rate)
    ctx.out << fmt::format("  VAT {:>5}% on {:>14}  {:>12}\n", v.rate.to_string(), amt(v.base),
                           amt(v.vat));
  ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Total excl. VAT", amt(d.totals.net), i.currency);
  ctx.out << fmt::format("  {:<18} {:>14} {}\n", "VAT", amt(d.totals.vat), i.currency);
  ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Total incl. VAT", amt(d.totals.gross),
                         i.currency);
  if (i.vat_eur_minor && *i.vat_eur_minor != 0)
    ctx.out << fmt::format("  {:<18} {:>14} EUR\n", "VAT in EUR",
                           amt(Money(*i.vat_eur_minor, currency("EUR"))));
  if (i.kind == InvoiceKind::invoice && i.issued) {
    if (!d.credited.is_zero())
      ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Credited", amt(d.credited), i.currency);
    if (!d.paid.is_zero())
      ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Paid", amt(d.paid), i.currency);
    ctx.out << fmt::format("  {:<18} {:>14} {}\n", "Due", amt(d.due), i.currency);
  }
  for (const auto& c : d.credits)
    ctx.out << fmt::format("\n  Credit note {} of {}: {} {} ({})", *c.number,
                           format_date(*c.issue_date), amt(money(c.gross_minor, c)), c.currency,
                           c.reason);
  if (!d.credits.empty()) ctx.out << "\n";
  for (const auto& p : d.payments) {
    std::string extra;
    if (p.received_currency != i.currency || p.received_minor != p.amount_minor)
      extra = fmt::format(", received {} {}",
                          amt(Money(p.received_minor, currency(p.received_currency, true))),
                          p.received_currency);
    if (p.fx_gain_minor)
      extra += fmt::format(", exchange {} {}",
                           (*p.fx_gain_minor > 0 ? "+" : "") +
                               amt(Money(*p.fx_gain_minor, currency(p.fx_currency, true))),
                           p.fx_currency);
    const Money m = money(p.amount_minor, i);
    switch (p.kind) {
      case PaymentKind::payment:
        ctx.out << fmt::format("\n  Payment {}: {} {} on {} by {}{}{}", p.id, amt(m), i.currency,
                               format_date(p.date), to_string(p.method),
                               p.account.empty() ? "" : " into " + p.account, extra);
        break;
      case PaymentKind::refund:
        ctx.out << fmt::format("\n  Refund {}: {} {} on {} by {}{}{}", p.id, amt(-m), i.currency,
                               format_date(p.date), to_string(p.method),
                               p.account.empty() ? "" : " from " + p.account, extra);
        break;
      case PaymentKind::reversal:
        ctx.out << fmt::format("\n  Reversal {} of {}: {} {} on {}{}", p.id, *p.reverses, amt(m),
                               i.currency, format_date(p.date), extra);
        break;
    }
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
                {"invoice", "position", "description", "period", "quantity", "unit", "unit_price",
                 "vat_rate", "discount", "net", "currency", "time_entries"});
  for (const auto& l : d.lines) {
    w.row({Cell::str(i.label()), Cell::integer(l.position), Cell::str(l.description),
           Cell::str(l.period.to_string()), Cell::amount(l.quantity.to_string()), Cell::str(l.unit),
           Cell::amount(l.unit_price.to_string()), Cell::amount(l.vat_rate.to_string()),
           Cell::amount(l.discount.to_string()), Cell::amount(line_net(l, i.cur()).to_string()),
           Cell::str(i.currency), Cell::integer(l.entries)});
  }
  w.finish();
}

void show(Context& ctx, const std::string& ref) {
  const ShowData d = load(ctx, ref);
  switch (ctx.format()) {
    case Format::json:
      return show_json(ctx, d);
    case Format::table:
      return show_table(ctx, d);
    default:
      return show_lines(ctx, d);
  }
}

}  // namespace

void setup_invoice_show(CLI::App& group, Context& ctx) {
  auto ref = std::make_shared<std::string>();
  auto* show_cmd = group.add_subcommand(
      "show", "Show one invoice with its lines, totals, credit notes and payments");
  show_cmd->add_option("invoice", *ref, "Number (F2026-0007) or draft id")->required();
  show_cmd->footer(
      "--format json prints the whole invoice; csv and tsv print its lines.\n\nExamples:\n"
      "  indie invoice show F2026-0007\n  indie invoice show 12 --format json | jq .total");
  show_cmd->callback([&ctx, ref] { show(ctx, *ref); });

  auto a = std::make_shared<ListArgs>();
  auto* list_cmd =
      group.add_subcommand("list", "List invoices and credit notes with what is still due");
  list_cmd->add_option("-s,--status", a->status,
                       "draft, issued, partly-paid, paid, overdue or cancelled");
  list_cmd->add_flag("--overdue", a->overdue,
                     "Only invoices past their due date with money still due");
  list_cmd->add_option("-c,--client", a->client, "Only this client's");
  list_cmd->add_option("--from", a->from, "Issued on or after this day (drafts: created)");
  list_cmd->add_option("--to", a->to, "Issued on or before this day");
  list_cmd->footer(
      "Examples:\n  indie invoice list --status draft\n"
      "  indie invoice list --overdue --format csv    # for a cron job that sends reminders");
  list_cmd->callback([&ctx, a] { list(ctx, *a); });
}

}  // namespace indie::cli
