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

InvoiceTotals refresh_totals(InvoiceRepo& repo, Invoice& draft) {
  const auto lines = repo.lines(draft.id);
  const InvoiceTotals t = compute_totals(lines, draft.cur());
  draft.period = span(service_period(lines), draft.given_period);
  draft.net_minor = t.net.minor();
  draft.vat_minor = t.vat.minor();
  draft.gross_minor = t.gross.minor();
  repo.update(draft);
  return t;
}

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

std::string amount_text(const Money& m, bool for_people) {
  return for_people ? m.amount().format(NumberLocale::en) : m.to_string();
}

const Currency& currency_arg(std::string_view code, std::string_view flag) {
  try {
    return currency(code);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

Money amount_arg(std::string_view text, const Currency& cur, std::string_view flag) {
  try {
    return Money::parse(trim(text), cur);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

Date date_or_today(Context& ctx, const std::string& text, std::string_view flag) {
  if (text.empty()) return ctx.today();
  try {
    return parse_date(text, ctx.today());
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

PaymentMethod method_arg(const std::string& text, std::string_view flag) {
  try {
    return parse_payment_method(text);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

std::optional<Account> account_arg(Store& store, const std::string& name,
                                   const std::string& currency, std::string_view flag,
                                   std::string_view amount_flag) {
  if (name.empty()) return std::nullopt;
  Account account;
  try {
    account = AccountRepo(store).get(name);
  } catch (const Error& e) {
    throw not_found(fmt::format("{}: {}", flag, e.what()));
  }
  if (account.currency != currency)
    throw invalid_input(fmt::format(
        "account {} is in {}, but the money is in {}: {}", account.name, account.currency, currency,
        amount_flag.empty()
            ? std::string("record it with indie invoice pay --received AMOUNT") + account.currency
            : fmt::format("say how much it was in {} with {} AMOUNT{}", account.currency,
                          amount_flag, account.currency)));
  return account;
}

void record_in_account(Store& store, const Account& account, const Invoice& inv, const Payment& p,
                       std::int64_t payment_id, std::string_view what) {
  AccountTx t;
  t.account_id = account.id;
  t.date = p.date;
  t.amount_minor = p.received_minor;
  t.payee = inv.client_handle;
  t.category = p.kind == PaymentKind::refund ? "refund" : "invoice";
  t.note = what.empty() ? *inv.number : fmt::format("{} ({})", *inv.number, what);
  t.origin = TxOrigin::payment;
  t.invoice_id = inv.id;
  t.payment_id = payment_id;
  t.created_at = p.created_at;
  AccountRepo(store).insert_tx(t);
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

void settle_activities(Store& store, const Config& config, std::vector<InvoiceLine>& lines,
                       const std::vector<InvoiceLine>& credited) {
  ProjectRepo projects(store);
  std::map<std::int64_t, std::optional<Activity>> known;  // a project read once
  indie::settle_activities(
      lines, credited,
      [&](std::int64_t id) {
        auto [it, added] = known.try_emplace(id);
        if (added) it->second = projects.get(std::to_string(id)).activity;
        return it->second;
      },
      config.business.activity);
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
