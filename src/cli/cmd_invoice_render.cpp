// indie invoice render: an invoice as a document (PDF, HTML, Markdown, text) or its model (JSON).
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "indie/core/error.hpp"
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
  bool with_timesheet = false;
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
  InvoiceRepo repo(store);
  Invoice inv = repo.get(a.invoice);
  if (!a.lang.empty()) {
    try {
      inv.language = parse_language(a.lang);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--lang: {}", e.what()));
    }
  }
  auto lines = repo.lines(inv.id);
  InvoiceTotals totals = compute_totals(lines, inv.cur());
  DocumentInput in{.invoice = inv, .lines = std::move(lines), .totals = std::move(totals)};
  if (inv.credited_id) in.original = repo.find(*inv.credited_id);
  if (inv.issued) {
    // An issued invoice prints what was frozen at issue, whatever changed since.
    in.seller = inv.seller.empty() ? ordered_json::object() : ordered_json::parse(inv.seller);
    in.client = inv.buyer.empty() ? ordered_json::object() : ordered_json::parse(inv.buyer);
    in.mentions = inv.mentions;
  } else {
    // A draft shows what issuing it today would print.
    const Client client = ClientRepo(store).get(std::to_string(inv.client_id));
    in.seller = ordered_json::parse(seller_snapshot(config.business));
    in.client = ordered_json::parse(buyer_snapshot(client));
    LegalFacts facts = facts_of(inv, in.lines, in.totals, category_for(config, client), client);
    if (in.original && in.original->number) {
      facts.original_number = *in.original->number;
      facts.original_date = in.original->issue_date ? format_date(*in.original->issue_date) : "";
    }
    in.mentions = legal_mentions(config.business, client, facts);
  }
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
  const ordered_json model = invoice_document(in);

  std::string bytes, what;
  if (format == DocFormat::json) {
    bytes = model.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else if (format == DocFormat::pdf) {
    PdfOptions options;
    options.logo = ctx.config_relative_path(config.business.logo);
    options.created_at = ctx.now_iso();
    options.creator = "indie " INDIE_VERSION;
    const PdfDocument pdf = render_pdf(model, options);
    bytes = pdf.bytes;
    what = fmt::format("{} page{}", pdf.pages, pdf.pages == 1 ? "" : "s");
  } else {
    const TemplateSource t =
        find_template(a.template_name.empty() ? config.invoice.template_name : a.template_name,
                      format, ctx.templates_dir());
    bytes = render_template(t, format, model);
    what = t.origin == "built-in" ? fmt::format("template {}", t.name)
                                  : fmt::format("template {}", t.origin);
  }

  const bool to_stdout = a.output == "-" || (a.output.empty() && format == DocFormat::json);
  if (to_stdout) {
    ctx.out << bytes << std::flush;
    return;
  }
  const std::string path = a.output.empty() ? default_output(in.invoice, format) : a.output;
  try {
    write_file_atomic(path, bytes, false);
  } catch (const Error& e) {
    throw invalid_input(
        fmt::format("{}. Choose another file with -o FILE, or -o - for standard output", e.what()));
  }
  ctx.say(
      fmt::format("Wrote {} ({}{}, {} KB){}", path, extension(format),
                  what.empty() ? "" : ", " + what, (bytes.size() + 1023) / 1024,
                  in.invoice.issued
                      ? "."
                      : fmt::format(": a draft, marked {}.",
                                    in.invoice.language == Language::fr ? "BROUILLON" : "DRAFT")));
}

}  // namespace

void setup_invoice_render(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<RenderArgs>();
  auto* cmd =
      group.add_subcommand("render", "Write an invoice as a PDF, HTML, Markdown or text document");
  cmd->add_option("invoice", a->invoice, "Number (F2026-0007) or draft id")->required();
  cmd->add_option("--to", a->to,
                  "pdf (default), html, md, txt, or json for the data templates see");
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
  cmd->footer(
      "An issued invoice prints what was frozen at issue; a draft prints what issuing it today "
      "would,\n"
      "with no number and a BROUILLON / DRAFT mark. Labels, dates and amounts follow the "
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
