#pragma once
// What the invoice (and other money) commands share: a draft's totals saved, and amounts,
// currencies and dates as typed on the command line.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "indie/app/accounts.hpp"
#include "indie/app/inputs.hpp"
#include "indie/app/invoice_documents.hpp"
#include "indie/core/invoice_issue.hpp"
#include "indie/render/templates.hpp"
#include "indie/store/account_repo.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/invoice_repo.hpp"

namespace CLI {
class App;
}

namespace indie::cli {

/// --service-date D and --period A..B, as given (at most one): the invoice's own service period,
/// or nothing when neither is.
std::optional<ServicePeriod> given_period_arg(Context& ctx, const std::string& service_date,
                                              const std::string& period);
/// Adds --service-date and --period to a command.
void add_period_options(CLI::App& cmd, std::string& service_date, std::string& period);
/// The invoice's amounts as Money.
Money money(std::int64_t minor, const Invoice& invoice);
/// Writes a rendered document: to standard output for `-o -` (and for JSON without -o), else
/// whole or not at all to `output`, or `default_path` when none is given. Returns the path
/// written; empty when it went to standard output.
/// A document model (a statement, the receipts journal) as `format`: its JSON, the PDF module's
/// layout, or a template (`template_name`, else the built-in one named `builtin`).
std::string render_model(Context& ctx, const nlohmann::ordered_json& model, DocFormat format,
                         const std::string& template_name, std::string_view builtin);
std::string write_document(Context& ctx, const std::string& bytes, const std::string& output,
                           DocFormat format, const std::string& default_path);
/// A date given on the command line, or today.
Date date_or_today(Context& ctx, const std::string& text, std::string_view flag);

}  // namespace indie::cli
