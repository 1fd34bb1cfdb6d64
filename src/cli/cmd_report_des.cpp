// indie report des: the déclaration européenne de services of a month, as a table or as the XML
// file the customs' service imports. The rules are in indie/core/des.hpp.
#include <fmt/format.h>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/des.hpp"
#include "indie/core/error.hpp"
#include "indie/store/books_repo.hpp"
#include "indie/store/files.hpp"

namespace indie::cli {
namespace {

struct DesArgs {
  std::string month, to, output;
  int number = 0;
};

void run(Context& ctx, const DesArgs& a) {
  Period month = last_ended(Period::Kind::month, ctx.today());
  if (!a.month.empty()) {
    try {
      month = parse_period(a.month);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--month: {}", e.what()));
    }
    if (month.kind != Period::Kind::month)
      throw invalid_input(fmt::format(
          "--month: the DES is monthly; write the month like 2026-11, not '{}'", a.month));
  }
  if (!a.to.empty() && a.to != "xml")
    throw usage_error(fmt::format("--to: '{}' is not a DES format; the customs import xml", a.to));
  const DesDeclaration des =
      build_des(month, ctx.store().books().des_documents(month.first, month.last));
  if (a.to == "xml") {
    // The declaration's number: given, else year and month (202611), unique for each month.
    const int number = a.number != 0
                           ? a.number
                           : static_cast<int>(month.first.year()) % 100 * 100 +
                                 static_cast<int>(static_cast<unsigned>(month.first.month()));
    if (des.lines.empty())
      throw invalid_input(fmt::format(
          "nothing to declare for {}: no service billed under reverse charge to an EU business; "
          "a month without any needs no DES",
          month.label()));
    const std::string xml = des_xml(des, ctx.config().business.vat_number, number);
    if (a.output.empty() || a.output == "-") {
      ctx.out << xml;
    } else {
      write_file_atomic(a.output, xml);
      ctx.say(
          fmt::format("Wrote the DES of {} ({} line{}, {} EUR) to {}; import it on "
                      "pro.douane.gouv.fr by the 10th working day of the next month.",
                      month.label(), des.lines.size(), des.lines.size() == 1 ? "" : "s",
                      des.total_euros, a.output));
    }
    return;
  }
  const bool people = ctx.format() == Format::table;
  if (des.lines.empty() && des.left_out.empty() && people) {
    ctx.err << fmt::format(
        "Nothing to declare for {}: no service billed under reverse charge to an EU business.\n",
        month.label());
    return;
  }
  TableWriter w(ctx.out, ctx.format(),
                {"month", "line", "vat_number", "country", "client", "documents", "eur", "value"},
                {"line", "vat_number", "client", "documents", "eur", "value"});
  const auto emit = [&](const DesLine& l) {
    std::string docs;
    for (const auto& d : l.documents) docs += (docs.empty() ? "" : " ") + d;
    w.row({Cell::str(month.label()), l.position ? Cell::integer(l.position) : Cell::none(),
           Cell::str(l.vat_number), Cell::str(l.country), Cell::str(l.client), Cell::str(docs),
           Cell::amount(eur_text(l.cents, people)), Cell::integer(l.euros)});
  };
  for (const auto& l : des.lines) emit(l);
  for (const auto& l : des.left_out) emit(l);
  w.finish();
  if (people && !des.left_out.empty())
    ctx.err << "Lines without a number round to 0 EUR: the declaration takes none of them.\n";
}

}  // namespace

void setup_report_des(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<DesArgs>();
  auto* cmd = group.add_subcommand(
      "des", "The déclaration européenne de services: EU business clients under reverse charge");
  cmd->add_option("--month", a->month, "The month, e.g. 2026-11 (default: last month)");
  cmd->add_option("--to", a->to, "xml: the file the customs' DES service imports");
  cmd->add_option("-o,--output", a->output, "With --to xml: write it to this file");
  cmd->add_option("--number", a->number,
                  "With --to xml: the declaration's number, 1-999999 (default: YYMM, e.g. 2611)");
  cmd->footer(
      "Every invoice and credit note issued in the month under EU reverse charge (clients with\n"
      "--vat-treatment eu-business), with its services excluding VAT (lines other than\n"
      "bic-sales: goods go in another return), converted to EUR at the invoice's own rate; credit\n"
      "notes subtract. One line per client VAT number, in whole euros (rounded to the nearest);\n"
      "a line of 0 is left out. Due to customs by the 10th working day of the next month, under\n"
      "the franchise too (CGI art. 289 B-III). The XML follows the customs' DES schema\n"
      "(fichier_des, declaration_des, ligne_des).\n\n"
      "Examples:\n  indie report des --month 2026-11\n"
      "  indie report des --month 2026-11 --to xml -o des-2026-11.xml");
  cmd->callback([&ctx, a] { run(ctx, *a); });
}

}  // namespace indie::cli
