// indie invoice render: an invoice as a document (PDF, HTML, Markdown, text) or its model (JSON);
// indie invoice verify: whether a file is the document an invoice was issued as.
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "indie/app/invoice_documents.hpp"
#include "indie/core/digest.hpp"
#include "indie/core/error.hpp"
#include "indie/render/cii.hpp"
#include "indie/render/cii_check.hpp"
#include "indie/render/invoice_document.hpp"
#include "indie/render/pdf.hpp"
#include "indie/render/templates.hpp"
#include "indie/store/files.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

struct RenderArgs {
  std::string invoice, template_name, to, output, lang;
  bool with_timesheet = false, duplicate = false;
};

// The format: --to, else what -o or --template end with, else PDF.
DocFormat format_of(const RenderArgs& a) {
  if (!a.to.empty()) return parse_doc_format(a.to);
  for (const std::string* path : {&a.output, &a.template_name}) {
    const std::string ext = fs::path(*path).extension().string();
    if (ext.size() > 1 && *path != "-") {
      try {
        return parse_doc_format(ext.substr(1));
      } catch (const Error&) {
      }
    }
  }
  return DocFormat::pdf;
}

DocumentInput load(Context& ctx, const RenderArgs& a) {
  Store& store = ctx.store();
  const Config& config = ctx.config();
  InvoiceRepo& repo = store.invoices();
  Invoice inv = repo.get(a.invoice);
  if (!a.lang.empty()) {
    try {
      inv.language = parse_language(a.lang);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--lang: {}", e.what()));
    }
  }
  if (a.duplicate && !inv.issued)
    throw usage_error(
        fmt::format("draft {} is not issued: a duplicate is a copy of an issued invoice", inv.id));
  // An issued invoice prints what was frozen at issue, whatever changed since.
  if (inv.issued) {
    DocumentInput in = frozen_document_input(repo, inv, config);
    if (a.with_timesheet) in.timesheet = repo.billed_time(inv.id);
    in.duplicate = a.duplicate;
    return in;
  }
  auto lines = repo.lines(inv.id);
  InvoiceTotals totals = compute_totals(lines, inv.cur());
  DocumentInput in{.invoice = inv, .lines = std::move(lines), .totals = std::move(totals)};
  if (inv.credited_id) in.original = repo.find(*inv.credited_id);
  // A draft shows what issuing it today would print.
  const Client client = store.clients().get(std::to_string(inv.client_id));
  in.seller = ordered_json::parse(seller_snapshot(config.business));
  in.client = ordered_json::parse(buyer_snapshot(client));
  LegalFacts facts = facts_of(inv, in.lines, in.totals, category_for(config, client), client,
                              config.invoice, ctx.today());
  facts.vat_on_debits = config.business.vat_on_debits;
  if (in.original && in.original->number) {
    facts.original_number = *in.original->number;
    facts.original_date = in.original->issue_date ? format_date(*in.original->issue_date) : "";
  }
  in.mentions = legal_mentions(config.business, client, facts);
  if (a.with_timesheet) in.timesheet = repo.billed_time(inv.id);
  in.has_logo = !config.business.logo.empty();
  return in;
}

std::string default_output(const Invoice& inv, DocFormat format) {
  std::string base = inv.number ? *inv.number : fmt::format("draft-{}", inv.id);
  for (char& c : base)
    if (c == '/') c = '-';
  return fmt::format("{}.{}", base, extension(format));
}

void render(Context& ctx, const RenderArgs& a) {
  const DocFormat format = format_of(a);
  if (format == DocFormat::pdf && !a.template_name.empty())
    throw usage_error(
        "--template applies to html, md and txt; the PDF has its own layout (see man "
        "indie-template)");
  const Config& config = ctx.config();
  const DocumentInput in = load(ctx, a);
  const Invoice& inv = in.invoice;

  std::string bytes, what;
  // The PDF of an issued invoice is the document it was issued as, byte for byte; any other
  // rendering is made afresh from what was frozen at issue.
  std::optional<IssuedDocument> stored;
  if (inv.issued && (format == DocFormat::pdf || format == DocFormat::facturx) && !a.duplicate &&
      !a.with_timesheet && a.lang.empty()) {
    InvoiceRepo& repo = ctx.store().invoices();
    stored = repo.document(inv.id);
    // Asked for Factur-X, an invoice issued as a plain PDF is rendered afresh.
    if (stored && format == DocFormat::facturx && stored->format != "facturx") stored.reset();
  }
  ordered_json model = stored || format == DocFormat::cii ? ordered_json() : invoice_document(in);
  if (stored) {
    bytes = stored->bytes;
    what = fmt::format("{}the document issued on {}, SHA-256 {}",
                       stored->format == "facturx" ? "Factur-X EN 16931, PDF/A-3b, " : "",
                       format_date(*inv.issue_date), stored->sha256.substr(0, 12));
  } else if (format == DocFormat::json) {
    bytes = model.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else if (format == DocFormat::cii) {
    if (!a.template_name.empty()) throw usage_error("--template applies to html, md and txt");
    bytes = cii_invoice(in);
    what = "CII, EN 16931";
  } else if (format == DocFormat::facturx || format == DocFormat::pdf) {
    const bool facturx = format == DocFormat::facturx;
    if (facturx && !a.template_name.empty())
      throw usage_error("--template applies to html, md and txt");
    // Factur-X: the PDF of the invoice, made PDF/A-3b with its CII inside (the PDF module, qpdf).
    if (facturx) model["facturx"] = {{"xml", cii_invoice(in)}};
    const PdfDocument pdf = render_pdf(model, invoice_pdf_options(ctx.session()));
    bytes = pdf.bytes;
    what = fmt::format("{}{} page{}", facturx ? "Factur-X EN 16931, PDF/A-3b, " : "", pdf.pages,
                       pdf.pages == 1 ? "" : "s");
  } else {
    const TemplateSource t =
        find_template(a.template_name.empty() ? config.invoice.template_name : a.template_name,
                      format, ctx.templates_dir());
    bytes = render_template(t, format, model);
    what = t.origin == "built-in" ? fmt::format("template {}", t.name)
                                  : fmt::format("template {}", t.origin);
  }

  const std::string path =
      write_document(ctx, bytes, a.output, format, default_output(inv, format));
  if (path.empty()) return;
  std::string after = ".";
  if (!inv.issued)
    after =
        fmt::format(": a draft, marked {}.", inv.language == Language::fr ? "BROUILLON" : "DRAFT");
  else if (a.duplicate)
    after = fmt::format(": a copy, marked {}.",
                        inv.language == Language::fr ? "DUPLICATA" : "DUPLICATE");
  else if (format == DocFormat::pdf && !stored)
    after = a.with_timesheet || !a.lang.empty()
                ? fmt::format(
                      ": rendered afresh from what was frozen at issue; the document "
                      "issued is what indie invoice render {} writes.",
                      *inv.number)
                : ": rendered afresh from what was frozen at issue (issued before indie kept "
                  "the documents it issues).";
  ctx.say(fmt::format("Wrote {} ({}{}, {} KB){}", path, extension(format),
                      what.empty() ? "" : ", " + what, (bytes.size() + 1023) / 1024, after));
}

struct DocumentVerifyArgs {
  std::vector<std::string> operands;  // [NUMBER] FILE
};

void verify_document(Context& ctx, const DocumentVerifyArgs& a) {
  if (a.operands.empty() || a.operands.size() > 2)
    throw usage_error(
        "give the file, and the invoice number if you know it: indie invoice verify "
        "[NUMBER] FILE.pdf");
  const std::string bytes = read_file(a.operands.back());
  const std::string file = a.operands.back() == "-" ? "standard input" : a.operands.back();
  const std::string sha = sha256_hex(bytes);
  InvoiceRepo& repo = ctx.store().invoices();
  std::optional<Invoice> named;
  if (a.operands.size() == 2) named = repo.get(a.operands.front());
  const std::optional<std::int64_t> holder = repo.invoice_with_document(sha);
  const std::optional<Invoice> match = holder ? repo.find(*holder) : std::nullopt;
  const bool ok = match && (!named || named->id == match->id);
  if (named && !ok && !repo.document(named->id))
    throw not_found(fmt::format(
        "{} was {}: indie keeps the document of invoices issued since schema 10 only, so there is "
        "nothing to compare {} with",
        named->label(), named->issued ? "issued before indie kept its documents" : "never issued",
        file));

  if (ctx.format() == Format::table) {
    if (ok)
      ctx.out << fmt::format("{} is {} as issued on {}, byte for byte (SHA-256 {}).\n", file,
                             *match->number, format_date(*match->issue_date), sha);
  } else {
    Table t;
    t.columns = {"file", "sha256", "issued_as", "invoice", "issue_date"};
    t.rows.push_back({Cell::str(file), Cell::str(sha), Cell::boolean(ok),
                      match ? Cell::str(*match->number) : Cell::none(),
                      match ? Cell::str(format_date(*match->issue_date)) : Cell::none()});
    print_record(ctx.out, t, ctx.format());
  }
  if (ok) return;
  if (named && match)
    throw conflict(fmt::format("{} is not the document issued as {}: it is {}'s", file,
                               *named->number, *match->number));
  if (named)
    throw conflict(fmt::format(
        "{} is not the document issued as {}: its SHA-256 is {}, the document's is {}. It was "
        "changed, or made by another render (indie invoice render {} writes the original)",
        file, *named->number, sha, repo.document(named->id)->sha256, *named->number));
  throw conflict(fmt::format(
      "{} is not a document indie issued: no invoice or credit note was issued as a file with "
      "its SHA-256 ({})",
      file, sha));
}

// indie invoice check: the e-invoice rules indie checks natively, on the invoice as issued (a
// draft: as it would be issued today).
void check_einvoice_of(Context& ctx, const std::string& ref) {
  RenderArgs a;
  a.invoice = ref;
  const DocumentInput in = load(ctx, a);
  const auto failures = check_einvoice(in);
  const bool people = ctx.format() == Format::table;
  if (failures.empty()) {
    if (people)
      ctx.say(fmt::format("{}: its e-invoice passes the EN 16931 and BR-FR rules indie checks.",
                          in.invoice.label()));
    else
      TableWriter(ctx.out, ctx.format(), {"rule", "message"}).finish();
    return;
  }
  TableWriter w(ctx.out, ctx.format(), {"rule", "message"});
  for (const auto& f : failures) w.row({Cell::str(f.rule), Cell::str(f.message)});
  w.finish();
  throw invalid_input(fmt::format("{}: its e-invoice breaks {} rule{}; change what each says",
                                  in.invoice.label(), failures.size(),
                                  failures.size() == 1 ? "" : "s"));
}

}  // namespace

void setup_invoice_check(CLI::App& group, Context& ctx) {
  auto ref = std::make_shared<std::string>();
  auto* cmd = group.add_subcommand(
      "check", "Check an invoice against the e-invoice rules (EN 16931, French BR-FR)");
  cmd->add_option("invoice", *ref, "Number, or draft id")->required();
  cmd->footer(
      "The rules a receiving platform applies that concern the invoices indie makes, checked\n"
      "natively on the data its CII is written from (indie invoice render --to cii): the parties\n"
      "and their French identifiers (BR-06..11, BR-FR-10..12), VAT identifiers by category\n"
      "(BR-S-02, BR-AE-02), the rates France allows (BR-FR-16), the totals (BR-CO-10, -14,\n"
      "-15, -16), the VAT in EUR of a foreign-currency invoice (BR-FR-CO-12), a credit note's\n"
      "reference (BR-FR-CO-05). Exit status 1 when one is broken, with each rule and what to\n"
      "change. Issuing runs the same checks and refuses for a French business client\n"
      "(invoice.einvoice = auto, the default), or for every client (cii, facturx).\n\n"
      "Examples:\n  indie invoice check F2026-0007\n  indie invoice check 12 --format json");
  cmd->callback([&ctx, ref] { check_einvoice_of(ctx, *ref); });
}

void setup_invoice_verify(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<DocumentVerifyArgs>();
  auto* cmd = group.add_subcommand("verify",
                                   "Tell whether a file is the document an invoice was issued as");
  cmd->add_option("file", a->operands,
                  "The file (- reads standard input), after the invoice's number if you know it")
      ->required()
      ->expected(1, 2)
      ->type_name("[NUMBER] FILE");
  cmd->footer(
      "Issuing an invoice or a credit note keeps its PDF and the SHA-256 of its bytes. Exit\n"
      "status 0 when FILE is that document, byte for byte; 1 when it is not (another document,\n"
      "a changed one) or, without NUMBER, when no document issued has its SHA-256.\n\n"
      "Examples:\n"
      "  indie invoice verify F2026-0007 ~/Documents/F2026-0007.pdf\n"
      "  indie invoice verify facture-recue.pdf          # which invoice is it?\n"
      "  indie invoice verify F2026-0007 scan.pdf --format json | jq .issued_as");
  cmd->callback([&ctx, a] { verify_document(ctx, *a); });
}

void setup_invoice_render(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<RenderArgs>();
  auto* cmd = group.add_subcommand("render",
                                   "Write an invoice as a PDF, HTML, Markdown or text document, "
                                   "or as an e-invoice (CII, Factur-X)");
  cmd->add_option("invoice", a->invoice, "Number (F2026-0007) or draft id")->required();
  cmd->add_option("--to", a->to,
                  "pdf (default), html, md, txt, json for the data templates see; cii: the "
                  "e-invoice XML (EN 16931); facturx: the PDF/A-3 carrying it");
  cmd->add_option(
      "-o,--output", a->output,
      "File to write (default: NUMBER.EXT here; json: standard output); - for standard output");
  cmd->add_option("-t,--template", a->template_name,
                  "Template name (see indie template list) or file, for html, md and txt (default: "
                  "invoice.template)");
  cmd->add_flag("--with-timesheet", a->with_timesheet,
                "Append the billed time entries as an annex");
  cmd->add_option("--lang", a->lang,
                  "fr or en (default: the language frozen on the invoice, from the client)");
  cmd->add_flag("--duplicate", a->duplicate,
                "A copy of an issued invoice, marked DUPLICATA (DUPLICATE in English)");
  cmd->footer(
      "The PDF of an issued invoice is the document kept when it was issued, byte for byte\n"
      "(indie invoice verify tells whether a file is it); other formats, --lang and\n"
      "--with-timesheet print afresh what was frozen at issue, never later payments or credits.\n"
      "A draft prints what issuing it today would, with no number and a BROUILLON / DRAFT mark. "
      "Labels, dates and amounts follow the "
      "invoice's\n"
      "language; the legal mentions stay in French. The PDF is A4, laid out by indie itself (cairo "
      "and\n"
      "pango, fonts embedded): no browser needed. business.logo adds a PNG logo.\n\n"
      "Examples:\n"
      "  indie invoice render F2026-0007                         # writes F2026-0007.pdf\n"
      "  indie invoice render F2026-0007 --with-timesheet -o ~/Documents/F2026-0007.pdf\n"
      "  indie invoice render F2026-0007 --to html -o - > facture.html\n"
      "  indie invoice render 12 --to md -o -                    # preview a draft\n"
      "  indie invoice render F2026-0007 --to json | jq .totals.due\n"
      "  indie invoice render F2026-0007 --template ./mine.html");
  cmd->callback([&ctx, a] { render(ctx, *a); });
}

}  // namespace indie::cli
