// indie invoice line add|edit|rm: manual lines on a draft.
#include <fmt/format.h>

#include <charconv>

#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct LineArgs {
  std::string invoice, position, description, qty, unit, price, vat, discount, period, activity;
};

Decimal decimal_flag(const std::string& text, std::string_view flag) {
  try {
    return Decimal::parse(text);
  } catch (const Error& e) {
    throw invalid_input(fmt::format("{}: {}", flag, e.what()));
  }
}

// Applies the flags that were given to `l`, checking each; errors name the flag.
void apply(Context& ctx, const LineArgs& a, InvoiceLine& l, VatCategory category) {
  if (!a.description.empty()) l.description = std::string(trim(a.description));
  if (!a.qty.empty()) l.quantity = decimal_flag(a.qty, "--qty");
  if (!a.unit.empty()) {
    try {
      l.unit = normalize_unit(a.unit);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--unit: {}", e.what()));
    }
  }
  if (!a.price.empty()) l.unit_price = decimal_flag(a.price, "--price");
  if (!a.discount.empty()) l.discount = decimal_flag(a.discount, "--discount");
  if (!a.activity.empty()) {
    try {
      l.activity =
          trim(a.activity) == "-" ? std::nullopt : std::optional(parse_activity(a.activity));
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--activity: {}", e.what()));
    }
    if (l.activity == Activity::mixed)
      throw invalid_input("--activity: a line is one activity: bnc, bic-services or bic-sales");
  }
  if (!a.period.empty()) {
    try {
      l.period = ServicePeriod::parse(a.period, ctx.today());
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--period: {}", e.what()));
    }
  }
  if (!a.vat.empty()) {
    l.vat_rate = decimal_flag(a.vat, "--vat");
    try {
      check_vat_rate(category, l.vat_rate);
    } catch (const Error& e) {
      throw invalid_input(fmt::format("--vat: {}", e.what()));
    }
  }
  try {
    check_line(l);
  } catch (const Error& e) {
    // Name the flag that carried the value (the core names the field).
    const std::string what = e.what();
    const std::string flag = what.starts_with("quantity")   ? "--qty: "
                             : what.starts_with("price")    ? "--price: "
                             : what.starts_with("discount") ? "--discount: "
                             : what.starts_with("VAT")      ? "--vat: "
                                                            : "";
    throw Error(e.kind(), flag + what);
  }
}

struct Draft {
  Invoice inv;
  std::vector<InvoiceLine> lines;
};

Draft draft(InvoiceRepo& repo, const std::string& ref, std::string_view action) {
  Draft d{repo.get(ref), {}};
  require_draft(d.inv, action);
  d.lines = repo.lines(d.inv.id);
  return d;
}

InvoiceLine& line_at(Draft& d, const std::string& text) {
  int n = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || p != text.data() + text.size() || n < 1)
    throw invalid_input(fmt::format(
        "'{}' is not a line number; lines are numbered 1, 2, 3 as indie invoice show {} lists them",
        text, d.inv.id));
  for (auto& l : d.lines)
    if (l.position == n) return l;
  throw not_found(
      fmt::format("draft {} has no line {}{}", d.inv.id, n,
                  d.lines.empty() ? "" : fmt::format(": it has lines 1 to {}", d.lines.size())));
}

void add(Context& ctx, const LineArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  Draft d = draft(repo, a.invoice, "change");
  if (a.qty.empty() || a.price.empty())
    throw usage_error("a line needs --qty and --price, e.g. --qty 2.5 --unit d --price 650");
  const Client client = store.clients().get(std::to_string(d.inv.client_id));
  const VatCategory category = category_for(ctx.config(), client);
  InvoiceLine l;
  l.position = static_cast<int>(d.lines.size()) + 1;
  l.vat_rate = default_rate(ctx.config(), category);
  apply(ctx, a, l, category);
  const Money net = line_net(l, d.inv.cur());
  repo.insert_line(d.inv.id, l, net.minor());
  const InvoiceTotals t = refresh_totals(repo, d.inv);
  tx.commit();
  ctx.say(fmt::format(
      "Added line {} to draft {}: {} {} x {} = {} {}. Draft total: {} {} excluding VAT.",
      l.position, d.inv.id, l.quantity.to_string(), l.unit, l.unit_price.to_string(),
      amount_text(net, true), d.inv.currency, amount_text(t.net, true), d.inv.currency));
}

void edit(Context& ctx, const LineArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  Draft d = draft(repo, a.invoice, "change");
  InvoiceLine& l = line_at(d, a.position);
  if (a.description.empty() && a.qty.empty() && a.unit.empty() && a.price.empty() &&
      a.vat.empty() && a.discount.empty() && a.period.empty() && a.activity.empty())
    throw usage_error(
        "nothing to change: give --description, --qty, --unit, --price, --vat, --discount, "
        "--period or --activity");
  const Client client = store.clients().get(std::to_string(d.inv.client_id));
  apply(ctx, a, l, category_for(ctx.config(), client));
  const Money net = line_net(l, d.inv.cur());
  repo.update_line(l, net.minor());
  const InvoiceTotals t = refresh_totals(repo, d.inv);
  tx.commit();
  ctx.say(fmt::format("Changed line {} of draft {}: {} {}. Draft total: {} {} excluding VAT.",
                      l.position, d.inv.id, amount_text(net, true), d.inv.currency,
                      amount_text(t.net, true), d.inv.currency));
}

void remove(Context& ctx, const LineArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  InvoiceRepo& repo = store.invoices();
  Draft d = draft(repo, a.invoice, "change");
  const InvoiceLine l = line_at(d, a.position);
  repo.remove_line(d.inv.id, l);
  refresh_totals(repo, d.inv);
  tx.commit();
  ctx.say(fmt::format("Removed line {} of draft {}{}.", l.position, d.inv.id,
                      l.entries == 0 ? ""
                                     : fmt::format("; its {} time entr{} are unbilled again",
                                                   l.entries, l.entries == 1 ? "y" : "ies")));
}

void add_value_flags(CLI::App* cmd, LineArgs& a) {
  cmd->add_option("--qty", a.qty, "Quantity, a decimal: 2.5");
  cmd->add_option("--unit", a.unit,
                  "h, d, u (unit or flat fee, default), month, week, km, page or word");
  cmd->add_option("--price", a.price, "Unit price excluding VAT, in the invoice's currency: 650");
  cmd->add_option(
      "--vat", a.vat,
      "VAT rate in percent: 20, 10, 5.5, 2.1; 0 when no VAT is charged (the default then)");
  cmd->add_option("--discount", a.discount, "Discount in percent, applied before VAT: 10");
  cmd->add_option("--activity", a.activity,
                  "What the line sells, for the URSSAF and VAT split: bnc, bic-services or "
                  "bic-sales (- for the project's or business.activity)");
  cmd->add_option("--period,--date", a.period,
                  "Service date (2026-11-03) or period (2026-11-01..2026-11-15)");
}

}  // namespace

void setup_invoice_line(CLI::App& group, Context& ctx) {
  auto* line = group.add_subcommand("line", "Add, change or remove a draft's lines");
  line->require_subcommand(0, 1);
  line->footer(
      "Examples:\n  indie invoice line add 1 \"Audit\" --qty 2 --unit day --price 450\n"
      "  indie invoice line edit 1 2 --price 500\n  indie invoice line rm 1 2");
  auto a = std::make_shared<LineArgs>();

  auto* add_cmd = line->add_subcommand("add", "Add a line to a draft");
  add_cmd->add_option("invoice", a->invoice, "Draft id")->required();
  add_cmd->add_option("description", a->description, "What is billed")->required();
  add_value_flags(add_cmd, *a);
  add_cmd->footer(
      "The line total is quantity x price less the discount, rounded once to the "
      "cent.\n\nExamples:\n"
      "  indie invoice line add 12 \"Audit technique\" --qty 2.5 --unit d --price 650 --period "
      "2026-11-01..2026-11-15\n"
      "  indie invoice line add 12 \"Hébergement annuel\" --qty 1 --price 120 --vat 20 --discount "
      "10");
  add_cmd->callback([&ctx, a] { add(ctx, *a); });

  auto* edit_cmd = line->add_subcommand("edit", "Change a draft's line");
  edit_cmd->add_option("invoice", a->invoice, "Draft id")->required();
  edit_cmd->add_option("line", a->position, "Line number, as indie invoice show lists it")
      ->required();
  edit_cmd->add_option("--description", a->description, "What is billed");
  add_value_flags(edit_cmd, *a);
  edit_cmd->footer("Example:\n  indie invoice line edit 12 2 --price 700 --discount 5");
  edit_cmd->callback([&ctx, a] { edit(ctx, *a); });

  auto* rm_cmd =
      line->add_subcommand("rm", "Remove a draft's line; the time it billed becomes unbilled");
  rm_cmd->add_option("invoice", a->invoice, "Draft id")->required();
  rm_cmd->add_option("line", a->position, "Line number")->required();
  rm_cmd->footer("Example:\n  indie invoice line rm 12 3");
  rm_cmd->callback([&ctx, a] { remove(ctx, *a); });
}

}  // namespace indie::cli
