#include "invoice_common.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <map>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "indie/render/pdf.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/files.hpp"

namespace indie::cli {

std::optional<ServicePeriod> given_period_arg(Context& ctx, const std::string& service_date,
                                              const std::string& period) {
  if (!service_date.empty() && !period.empty())
    throw usage_error("give --service-date (one day) or --period (from..to), not both");
  const std::string& text = service_date.empty() ? period : service_date;
  if (text.empty()) return std::nullopt;
  const std::string_view flag = service_date.empty() ? "--period" : "--service-date";
  try {
    const ServicePeriod p = ServicePeriod::parse(text, ctx.today());
    if (!service_date.empty() && p.from != p.to)
      throw invalid_input("one day, such as 2026-11-30 (use --period for a span)");
    return p;
  } catch (const Error& e) {
    throw Error(e.kind(), fmt::format("{}: {}", flag, e.what()));
  }
}

void add_period_options(CLI::App& cmd, std::string& service_date, std::string& period) {
  cmd.add_option("--service-date", service_date,
                 "The day the service was done, for lines without a period of their own");
  cmd.add_option("--period", period,
                 "The service period (2026-11-01..2026-11-30), for lines without one of their own");
}

Money money(std::int64_t minor, const Invoice& invoice) { return Money(minor, invoice.cur()); }

Date date_or_today(Context& ctx, const std::string& text, std::string_view flag) {
  if (text.empty()) return ctx.today();
  try {
    return parse_date(text, ctx.today());
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

std::string write_document(Context& ctx, const std::string& bytes, const std::string& output,
                           DocFormat format, const std::string& default_path) {
  if (output == "-" || (output.empty() && format == DocFormat::json)) {
    ctx.out << bytes << std::flush;
    return "";
  }
  const std::string path = output.empty() ? default_path : output;
  try {
    write_file_atomic(path, bytes, false);
  } catch (const Error& e) {
    throw invalid_input(
        fmt::format("{}. Choose another file with -o FILE, or -o - for standard output", e.what()));
  }
  return path;
}

std::string render_model(Context& ctx, const nlohmann::ordered_json& model, DocFormat format,
                         const std::string& template_name, std::string_view builtin) {
  if (format == DocFormat::json)
    return model.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (format == DocFormat::pdf) {
    if (!template_name.empty())
      throw usage_error("--template applies to html, md and txt; the PDF has its own layout");
    PdfOptions options;
    options.created_at = ctx.now_iso();
    options.creator = "indie " INDIE_VERSION;
    return render_pdf(model, options).bytes;
  }
  const TemplateSource t = find_template(
      template_name.empty() ? std::string(builtin) : template_name, format, ctx.templates_dir());
  return render_template(t, format, model);
}

}  // namespace indie::cli
