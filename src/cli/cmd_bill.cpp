// indie bill: supplier invoices received as e-invoices (Factur-X PDF, CII or UBL): read in,
// checked, kept as received, listed, paid from an account. The rules are in indie/core/bill.hpp;
// reading the files in indie/render/einvoice_reader.hpp.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/app/bill_payments.hpp"
#include "indie/core/bill.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/digest.hpp"
#include "indie/core/error.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/identifiers.hpp"
#include "indie/render/einvoice_reader.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/bill_repo.hpp"
#include "indie/store/files.hpp"
#include "invoice_common.hpp"
#include "output.hpp"

namespace indie::cli {
namespace {

struct BillArgs {
  std::vector<std::string> files;
  std::string id, category, note, account, date, amount, tx, from, to, output;
  bool check_only = false, any_buyer = false, unpaid = false;
};

std::int64_t bill_id(const std::string& text) {
  const auto id = record_id(text);
  if (!id)
    throw usage_error(
        fmt::format("'{}' is not a bill id; indie bill list shows them (the first column)", text));
  return *id;
}

std::string kind_text(const Bill& b) { return b.credit_note ? "credit-note" : "invoice"; }

std::string status_of(const BillRecord& r) {
  if (r.paid_minor == 0) return r.bill.payable == 0 ? "paid" : "unpaid";
  return r.paid_minor >= r.bill.payable ? "paid" : "partly paid";
}

// --- import --------------------------------------------------------------------------------

struct Imported {
  std::string source;
  Bill bill;
  BillFileInfo file;
  std::vector<BillFinding> warnings;
};

// Reads and checks one file; throws, naming the file, what is wrong with it.
Imported read_one(Context& ctx, const std::string& path, bool any_buyer) {
  Imported in;
  in.source = path == "-" ? "standard input" : path;
  in.file.bytes = read_file(path);
  const EinvoiceFile file = read_einvoice(in.file.bytes, in.source);
  in.bill = read_bill(file.fields, in.source);
  in.file.name = path == "-" ? std::string("stdin.") + (file.from_pdf ? "pdf" : "xml")
                             : std::filesystem::path(path).filename().string();
  in.file.sha256 = sha256_hex(in.file.bytes);
  in.file.from_pdf = file.from_pdf;
  std::string errors;
  for (auto& f : check_bill(in.bill)) {
    if (f.error)
      errors += fmt::format("\n  {}: {}", f.rule, f.message);
    else
      in.warnings.push_back(std::move(f));
  }
  if (!errors.empty())
    throw invalid_input(fmt::format(
        "{}: {} {} from {} does not add up, as EN 16931 requires:{}\nNothing was recorded; ask "
        "the supplier for a corrected invoice.",
        in.source, kind_text(in.bill), shown(in.bill.number), shown(in.bill.seller.name), errors));
  const auto& business = ctx.config().business;
  if (!any_buyer) {
    const std::string elsewhere = addressed_elsewhere(in.bill, business.siren, business.vat_number);
    if (!elsewhere.empty())
      throw invalid_input(fmt::format(
          "{}: {} {} from {} is not yours: {}. Nothing was recorded; add --any-buyer to "
          "record it all the same.",
          in.source, kind_text(in.bill), shown(in.bill.number), shown(in.bill.seller.name),
          elsewhere));
  }
  return in;
}

void import(Context& ctx, const BillArgs& a) {
  // Every file is read and checked before anything is recorded: one bad file, nothing recorded.
  std::vector<Imported> files;
  for (const auto& path : a.files) files.push_back(read_one(ctx, path, a.any_buyer));
  Store& store = ctx.store();
  WriteTransaction tx(store);
  BillRepo& repo = store.bills();
  std::size_t added = 0;
  for (const auto& in : files) {
    const Bill& b = in.bill;
    for (const auto& w : in.warnings)
      ctx.warn(
          fmt::format("{}: {}: {} (the official rules accept it; indie records the "
                      "supplier's figure)",
                      in.source, w.rule, w.message));
    if (const auto existing = repo.find(b.supplier_key(), b.credit_note, b.number)) {
      const BillRecord r = repo.get(*existing);
      if (r.file_sha256 != in.file.sha256 && r.bill.payable != b.payable)
        throw conflict(fmt::format(
            "{}: {}'s {} {} is already bill {}, read from another file with other figures "
            "({} {}, now {} {}). Nothing was recorded: a supplier corrects an invoice with a "
            "credit note, under a new number.",
            in.source, shown(b.seller.name), kind_text(b), shown(b.number), *existing,
            amount_text_of(r.bill.payable, r.bill.currency, true), r.bill.currency,
            amount_text_of(b.payable, b.currency, true), b.currency));
      ctx.say(
          fmt::format("{}: already imported as bill {}; nothing to add.", in.source, *existing));
      continue;
    }
    if (a.check_only) {
      ctx.say(fmt::format("{}: {} {} from {}, {} {} due; it adds up (--check: nothing recorded).",
                          in.source, kind_text(b), shown(b.number), shown(b.seller.name),
                          amount_text_of(b.payable, b.currency, true), b.currency));
      continue;
    }
    const std::int64_t id = repo.insert(b, in.file, a.category, a.note, ctx.now_iso());
    ++added;
    ctx.say(fmt::format("Imported bill {}: {} {} from {}, {} {} (VAT {}){}.", id, kind_text(b),
                        shown(b.number), shown(b.seller.name),
                        amount_text_of(b.payable, b.currency, true), b.currency,
                        amount_text_of(b.tax_total, b.currency, true),
                        b.due_date ? ", due " + format_date(*b.due_date) : ""));
  }
  tx.commit();
  if (files.size() > 1 && !a.check_only)
    ctx.say(fmt::format("{} bill{} imported, {} already there.", added, added == 1 ? "" : "s",
                        files.size() - added));
}

// --- list, show, file ------------------------------------------------------------------------

void list(Context& ctx, const BillArgs& a) {
  const Date from = a.from.empty()
                        ? Date{std::chrono::year(1), std::chrono::January, std::chrono::day(1)}
                        : date_or_today(ctx, a.from, "--from");
  const Date to = a.to.empty()
                      ? Date{std::chrono::year(9999), std::chrono::December, std::chrono::day(31)}
                      : date_or_today(ctx, a.to, "--to");
  const bool people = ctx.format() == Format::table;
  TableWriter w(ctx.out, ctx.format(),
                {"id", "issue_date", "supplier", "number", "kind", "currency", "net", "vat",
                 "total", "due", "due_date", "paid", "status", "category", "file"},
                {"id", "issue_date", "supplier", "number", "currency", "total", "due_date",
                 "status", "category"});
  for (const auto& r : ctx.store().bills().list(from, to)) {
    if (a.unpaid && status_of(r) == "paid") continue;
    const Bill& b = r.bill;
    const auto amount = [&](std::int64_t v) {
      return Cell::amount(amount_text_of(b.credit_note ? -v : v, b.currency, people));
    };
    w.row({Cell::integer(r.id), Cell::str(format_date(b.issue_date)), Cell::str(b.seller.name),
           Cell::str(b.number), Cell::str(kind_text(b)), Cell::str(b.currency), amount(b.tax_basis),
           amount(b.tax_total), amount(b.grand_total), amount(b.payable),
           b.due_date ? Cell::str(format_date(*b.due_date)) : Cell::none(), amount(r.paid_minor),
           Cell::str(status_of(r)), Cell::str(r.category), Cell::str(r.file_name)});
  }
  w.finish();
  if (people && w.rows() == 0)
    ctx.say(a.unpaid || !a.from.empty() || !a.to.empty()
                ? "No bill matches."
                : "No bill yet: import a supplier's e-invoice with indie bill import "
                  "FILE.pdf|FILE.xml");
}

nlohmann::ordered_json bill_json(const BillRecord& r, const std::vector<BillPayment>& payments) {
  const Bill& b = r.bill;
  const auto amount = [&](std::int64_t v) { return amount_text_of(v, b.currency, false); };
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["kind"] = kind_text(b);
  j["type_code"] = b.type_code;
  j["number"] = b.number;
  j["issue_date"] = format_date(b.issue_date);
  j["due_date"] = b.due_date ? nlohmann::ordered_json(format_date(*b.due_date)) : nullptr;
  j["preceding"] = b.preceding;
  j["supplier"] = {{"name", b.seller.name},
                   {"siren", b.seller.siren()},
                   {"vat_number", b.seller.vat_id},
                   {"country", b.seller.country}};
  j["buyer"] = {{"name", b.buyer.name}, {"siren", b.buyer.siren()}, {"vat_number", b.buyer.vat_id}};
  j["currency"] = b.currency;
  j["net"] = amount(b.tax_basis);
  j["vat"] = amount(b.tax_total);
  j["total"] = amount(b.grand_total);
  j["prepaid"] = amount(b.prepaid);
  j["due"] = amount(b.payable);
  if (b.tax_total_accounting) {
    j["vat_currency"] = b.tax_currency;
    j["vat_in_vat_currency"] = amount_text_of(*b.tax_total_accounting, b.tax_currency, false);
  }
  j["paid"] = amount(r.paid_minor);
  j["status"] = status_of(r);
  j["category"] = r.category;
  j["note"] = r.note;
  auto lines = nlohmann::ordered_json::array();
  for (const auto& l : b.lines)
    lines.push_back({{"id", l.id},
                     {"name", l.name},
                     {"quantity", l.quantity.to_string()},
                     {"unit", l.unit},
                     {"net", amount(l.net_minor)},
                     {"vat_category", l.category},
                     {"vat_rate", l.rate.normalized().to_string()}});
  j["lines"] = lines;
  auto vat = nlohmann::ordered_json::array();
  for (const auto& v : b.vat)
    vat.push_back({{"category", v.category},
                   {"rate", v.rate.normalized().to_string()},
                   {"basis", amount(v.basis_minor)},
                   {"vat", amount(v.vat_minor)},
                   {"exemption", v.exemption}});
  j["vat_breakdown"] = vat;
  auto paid = nlohmann::ordered_json::array();
  for (const auto& p : payments)
    paid.push_back({{"transaction", p.tx_id},
                    {"account", p.account},
                    {"date", format_date(p.date)},
                    {"amount", amount(p.amount_minor)}});
  j["payments"] = paid;
  j["file"] = {{"name", r.file_name},
               {"sha256", r.file_sha256},
               {"syntax", b.syntax},
               {"from_pdf", r.from_pdf}};
  j["imported_at"] = r.imported_at;
  return j;
}

void show(Context& ctx, const BillArgs& a) {
  BillRepo& repo = ctx.store().bills();
  const BillRecord r = repo.get(bill_id(a.id));
  const auto payments = repo.payments(r.id);
  if (ctx.format() == Format::json) {
    ctx.out << bill_json(r, payments).dump(2) << '\n';
    return;
  }
  const Bill& b = r.bill;
  if (ctx.format() != Format::table) {
    TableWriter w(ctx.out, ctx.format(),
                  {"line", "name", "quantity", "unit", "net", "vat_category", "vat_rate"});
    for (const auto& l : b.lines)
      w.row({Cell::str(l.id), Cell::str(l.name), Cell::amount(l.quantity.to_string()),
             Cell::str(l.unit), Cell::amount(amount_text_of(l.net_minor, b.currency, false)),
             Cell::str(l.category), Cell::amount(l.rate.normalized().to_string())});
    w.finish();
    return;
  }
  const auto m = [&](std::int64_t v) {
    return fmt::format("{} {}", amount_text_of(v, b.currency, true), b.currency);
  };
  auto& out = ctx.out;
  // Everything read from the supplier's file is shown through shown(): it may carry control
  // characters (issue 35.13).
  out << fmt::format("Bill {}: {} {} from {}\n", r.id, kind_text(b), shown(b.number),
                     shown(b.seller.name));
  std::string ids;
  if (!b.seller.siren().empty()) ids += "  SIREN " + shown(b.seller.siren());
  if (!b.seller.vat_id.empty()) ids += "  VAT " + shown(b.seller.vat_id);
  if (!b.seller.country.empty()) ids += "  " + shown(b.seller.country);
  if (!ids.empty()) out << "  Supplier   " << ids.substr(2) << '\n';
  out << fmt::format("  Issued     {}{}\n", format_date(b.issue_date),
                     b.due_date ? ", due " + format_date(*b.due_date) : "");
  if (!b.preceding.empty()) out << fmt::format("  Corrects   {}\n", shown(b.preceding));
  out << fmt::format("  To         {}\n", shown(b.buyer.name));
  out << '\n';
  TableWriter lines(out, Format::table, {"line", "name", "quantity", "net", "vat"});
  for (const auto& l : b.lines)
    lines.row({Cell::str(l.id), Cell::str(l.name), Cell::amount(l.quantity.to_string()),
               Cell::amount(amount_text_of(l.net_minor, b.currency, true)),
               Cell::str(fmt::format("{} {} %", l.category, l.rate.normalized().to_string()))});
  lines.finish();
  out << '\n';
  for (const auto& v : b.vat)
    out << fmt::format("  VAT {} {:>5} %  on {:>14}  {:>14}{}\n", v.category,
                       v.rate.normalized().to_string(), m(v.basis_minor), m(v.vat_minor),
                       v.exemption.empty() ? "" : "  (" + shown(v.exemption) + ")");
  out << fmt::format("  Total without VAT {:>20}\n", m(b.tax_basis));
  out << fmt::format("  VAT               {:>20}\n", m(b.tax_total));
  if (b.tax_total_accounting)
    out << fmt::format(
        "  VAT in {}        {:>20}\n", b.tax_currency,
        fmt::format("{} {}", amount_text_of(*b.tax_total_accounting, b.tax_currency, true),
                    b.tax_currency));
  out << fmt::format("  Total             {:>20}\n", m(b.grand_total));
  if (b.prepaid != 0) out << fmt::format("  Already paid      {:>20}\n", m(b.prepaid));
  out << fmt::format("  Due               {:>20}\n", m(b.payable));
  out << '\n';
  for (const auto& p : payments)
    out << fmt::format("  Paid {} from {} (transaction {}): {}\n", format_date(p.date),
                       shown(p.account), p.tx_id, m(p.amount_minor));
  out << fmt::format("  Status: {}{}\n", status_of(r),
                     r.category.empty() ? "" : ", category " + shown(r.category));
  out << fmt::format("  File: {} ({}, {}{}), imported {}\n", shown(r.file_name), b.syntax,
                     r.from_pdf ? "Factur-X PDF, " : "", r.file_sha256.substr(0, 12),
                     r.imported_at);
}

void file(Context& ctx, const BillArgs& a) {
  BillRepo& repo = ctx.store().bills();
  const std::int64_t id = bill_id(a.id);
  const BillRecord r = repo.get(id);
  const std::string bytes = repo.file(id);
  // A PDF or XML file poured onto a terminal is noise at best and escape sequences at worst
  // (issue 35.13): without -o, it goes only into a pipe or a file.
  if (a.output.empty() && &ctx.out == &std::cout && isatty(STDOUT_FILENO) != 0)
    throw usage_error(fmt::format(
        "bill {} is the file {} ({} bytes), not text for a terminal: write it with -o FILE, "
        "pipe it (| sha256sum), or give -o - to print it here anyway",
        id, shown(r.file_name), bytes.size()));
  if (a.output.empty() || a.output == "-") {
    ctx.out << bytes;
    return;
  }
  write_file_atomic(a.output, bytes);
  ctx.say(fmt::format("Wrote bill {} as received ({}) to {}.", id, r.file_name, a.output));
}

// --- pay, edit, rm ---------------------------------------------------------------------------

void pay(Context& ctx, const BillArgs& a) {
  PayBill request{.bill_id = bill_id(a.id), .account = a.account, .amount = a.amount};
  if (!a.tx.empty()) {
    request.tx_id = record_id(a.tx);
    if (!request.tx_id) throw usage_error(fmt::format("--tx: '{}' is not a transaction id", a.tx));
  }
  if (!a.date.empty()) request.date = date_or_today(ctx, a.date, "--date");
  const BillPaid r = pay_bill(ctx.session(), request);
  ctx.say(fmt::format(
      "Bill {} ({} {}): {} {} {} by transaction {}{}.", r.bill_id, r.supplier, r.number,
      r.credit_note ? "refunded" : "paid", amount_text_of(r.settled_minor, r.currency, true),
      r.currency, r.tx_id,
      r.left_minor == 0 ? "; nothing left to pay"
                        : fmt::format("; {} {} left",
                                      amount_text_of(r.left_minor, r.currency, true), r.currency)));
}

void edit(Context& ctx, const BillArgs& a, const CLI::App& cmd) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  BillRepo& repo = store.bills();
  const BillRecord r = repo.get(bill_id(a.id));
  repo.set_category(r.id, cmd.count("--category") ? a.category : r.category,
                    cmd.count("--note") ? a.note : r.note);
  tx.commit();
  ctx.say(fmt::format("Bill {} changed.", r.id));
}

void rm(Context& ctx, const BillArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  BillRepo& repo = store.bills();
  const BillRecord r = repo.get(bill_id(a.id));
  repo.remove(r.id);
  tx.commit();
  ctx.say(fmt::format("Removed bill {} ({} {}).", r.id, shown(r.bill.seller.name),
                      shown(r.bill.number)));
}

}  // namespace

void setup_bill(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<BillArgs>();
  auto* group = app.add_subcommand(
      "bill", "Supplier invoices received as e-invoices: import, list, show, pay");
  group->require_subcommand(1);
  group->footer(
      "Examples:\n  indie bill import facture-ovh.pdf --category hosting\n  indie bill list "
      "--unpaid\n"
      "  indie bill pay 3 --account Qonto\nSee: man indie-bill");

  auto* imp = group->add_subcommand(
      "import", "Read supplier e-invoices (Factur-X PDF, CII or UBL XML) and record them");
  imp->add_option("files", a->files, "Files to read; - reads standard input")->required();
  imp->add_option("--category", a->category, "Category of the expense, e.g. hosting");
  imp->add_option("--note", a->note, "Free note");
  imp->add_flag("--check", a->check_only, "Read and check only; record nothing");
  imp->add_flag("--any-buyer", a->any_buyer,
                "Record a bill addressed to another SIREN or VAT number than yours");
  imp->footer(
      "Each file is read, its figures checked as EN 16931 requires (lines, VAT per rate,\n"
      "totals), and kept as received. One file that cannot be read or does not add up:\n"
      "nothing is recorded. A file imported again adds nothing.\n\n"
      "Examples:\n  indie bill import ~/Downloads/facture-ovh-2026-11.pdf --category hosting\n"
      "  indie bill import invoices/*.xml --check");
  imp->callback([&ctx, a] { import(ctx, *a); });

  auto* ls = group->add_subcommand("list", "The bills imported, by issue date");
  ls->add_option("--from", a->from, "First issue day");
  ls->add_option("--to", a->to, "Last issue day");
  ls->add_flag("--unpaid", a->unpaid, "Only what is left to pay");
  ls->footer("Examples:\n  indie bill list --unpaid\n  indie bill list --format csv > bills.csv");
  ls->callback([&ctx, a] { list(ctx, *a); });

  auto* sh = group->add_subcommand("show", "One bill: supplier, lines, VAT, totals, payments");
  sh->add_option("id", a->id, "Bill id (indie bill list)")->required();
  sh->footer(
      "With --format json, the whole bill; with csv or tsv, its lines.\n\nExamples:\n"
      "  indie bill show 3\n  indie bill show 3 --format json | jq .lines");
  sh->callback([&ctx, a] { show(ctx, *a); });

  auto* fl = group->add_subcommand("file", "Write the file as the supplier sent it");
  fl->add_option("id", a->id, "Bill id")->required();
  fl->add_option("-o,--output", a->output, "File to write (default: standard output)");
  fl->footer("Examples:\n  indie bill file 3 -o facture-ovh.pdf\n  indie bill file 3 | sha256sum");
  fl->callback([&ctx, a] { file(ctx, *a); });

  auto* py = group->add_subcommand("pay", "Record the payment of a bill from an account");
  py->add_option("id", a->id, "Bill id")->required();
  py->add_option("--account", a->account, "Account it was paid from: records the transaction");
  py->add_option("--tx", a->tx, "Or: the transaction already there that paid it (bank import)");
  py->add_option("--date", a->date, "Day it was paid (default: today)");
  py->add_option("--amount", a->amount,
                 "What was paid, in the account's currency (default: all that is left)");
  py->footer(
      "The transaction carries the supplier, the category and, for a business that charges\n"
      "VAT, the share of the bill's VAT it pays: indie report expenses and indie report vat\n"
      "count it. A credit note is paid back: the money comes in.\n\n"
      "Examples:\n  indie bill pay 3 --account Qonto --date 2026-11-28\n"
      "  indie bill pay 3 --tx 1842");
  py->callback([&ctx, a] { pay(ctx, *a); });

  auto* ed = group->add_subcommand("edit", "Change a bill's category or note (nothing else)");
  ed->add_option("id", a->id, "Bill id")->required();
  ed->add_option("--category", a->category, "Category");
  ed->add_option("--note", a->note, "Note");
  ed->footer(
      "What the supplier sent stays as received; only your own category and note change.\n\n"
      "Examples:\n  indie bill edit 3 --category hosting\n  indie bill edit 3 --note \"Serveur "
      "2027\"");
  ed->callback([&ctx, a, ed] { edit(ctx, *a, *ed); });

  auto* rmc = group->add_subcommand("rm", "Remove a bill imported by mistake (not once paid)");
  rmc->add_option("id", a->id, "Bill id")->required();
  rmc->footer("Example:\n  indie bill rm 3");
  rmc->callback([&ctx, a] { rm(ctx, *a); });
}

}  // namespace indie::cli
