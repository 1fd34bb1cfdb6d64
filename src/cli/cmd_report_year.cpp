// indie report year: a year of the books month by month, with bars in the terminal and, with
// --to svg|png, as a chart drawn by the PDF module. The figures come from
// indie/core/year_summary.hpp and the thresholds from indie/core/thresholds.hpp.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <limits>
#include <nlohmann/json.hpp>

#include "books_common.hpp"
#include "commands.hpp"
#include "indie/core/error.hpp"
#include "indie/core/thresholds.hpp"
#include "indie/core/year_summary.hpp"
#include "indie/render/pdf.hpp"
#include "indie/render/templates.hpp"
#include "indie/store/books_repo.hpp"
#include "indie/store/files.hpp"
#include "invoice_common.hpp"

namespace indie::cli {
namespace {

struct YearArgs {
  std::string year, to, output;
};

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A bar of `width` cells for value/max, in eighths of a cell (U+2589..U+258F, U+2588).
std::string bar(std::int64_t value, std::int64_t max, int width) {
  if (value <= 0 || max <= 0) return "";
  static const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  const auto eighths = static_cast<std::int64_t>(static_cast<long double>(value) * width * 8 / max);
  std::string s;
  for (std::int64_t i = 0; i < eighths / 8; ++i) s += "█";
  s += kEighths[eighths % 8];
  if (s.empty()) s = "▏";  // something received shows
  return s;
}

// Colour on a terminal only, never with NO_COLOR (https://no-color.org).
bool colour(Context& ctx) {
  return &ctx.out == &std::cout && isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
}

void run(Context& ctx, const YearArgs& a) {
  const Config& config = ctx.config();
  const int year = year_arg(ctx, a.year, "");
  if (!a.to.empty() && a.to != "svg" && a.to != "png")
    throw usage_error(fmt::format("--to: '{}' is not a chart format; use svg or png", a.to));
  const Period p = year_of(year);
  const auto receipts = valued_receipts(ctx.session(), p.first, p.last);
  const auto months = year_summary(year, receipts, valued_expenses(ctx.session(), p.first, p.last));

  const ThresholdsInput in = thresholds_input(config, year, std::min(ctx.today(), p.last));
  std::vector<ThresholdLine> limits;
  if (in.franchise || in.micro)
    limits = check_thresholds(receipts, in, YearFigures(year, config.figures));

  if (!a.to.empty()) {
    nlohmann::ordered_json chart;
    chart["title"] = fmt::format("{}: receipts, expenses and the running total (EUR)", year);
    chart["labels"] = {{"receipts", "receipts"},
                       {"expenses", "expenses"},
                       {"cumulative", "running total excl. VAT"}};
    chart["months"] = nlohmann::ordered_json::array();
    for (const auto& m : months)
      chart["months"].push_back({{"label", kMonths[m.month - 1]},
                                 {"receipts", m.receipts},
                                 {"expenses", m.expenses},
                                 {"cumulative_net", m.cumulative_net}});
    chart["thresholds"] = nlohmann::ordered_json::array();
    // The limits near the figures, and at least the lowest one: a 203,100 ceiling drawn beside
    // 4,000 of receipts would flatten every bar.
    std::int64_t reach = 0, lowest = std::numeric_limits<std::int64_t>::max();
    for (const auto& m : months) reach = std::max({reach, m.receipts, m.cumulative_net});
    for (const auto& l : limits) {
      reach = std::max(reach, l.projected_cents);
      lowest = std::min(lowest, l.limit_cents);
    }
    for (const auto& l : limits)
      if (l.limit_cents == lowest || l.limit_cents <= reach * 3 / 2)
        chart["thresholds"].push_back(
            {{"label", fmt::format("{} {}", l.name, eur_text(l.limit_cents, true))},
             {"limit", l.limit_cents}});
    const std::string bytes = render_chart(chart, a.to);
    const std::string path = a.output.empty() ? fmt::format("indie-{}.{}", year, a.to) : a.output;
    if (path == "-") {
      ctx.out << bytes;
      return;
    }
    write_file_atomic(path, bytes);
    ctx.say(fmt::format("Wrote {} ({}, {} KB).", path, a.to, (bytes.size() + 1023) / 1024));
    return;
  }

  const bool people = ctx.format() == Format::table;
  if (!people) {
    TableWriter w(ctx.out, ctx.format(),
                  {"month", "receipts", "net", "expenses", "cumulative_net"});
    for (const auto& m : months)
      w.row({Cell::str(fmt::format("{}-{:02}", year, m.month)),
             Cell::amount(eur_text(m.receipts, false)), Cell::amount(eur_text(m.net, false)),
             Cell::amount(eur_text(m.expenses, false)),
             Cell::amount(eur_text(m.cumulative_net, false))});
    w.finish();
    return;
  }
  const bool paint = colour(ctx);
  const auto green = [&](const std::string& s) { return paint ? "\x1b[32m" + s + "\x1b[0m" : s; };
  const auto red = [&](const std::string& s) { return paint ? "\x1b[31m" + s + "\x1b[0m" : s; };
  std::int64_t top = 1;
  for (const auto& m : months) top = std::max({top, m.receipts, m.expenses});
  ctx.out << fmt::format("{:<4}  {:>12}  {:>12}  {:>14}\n", year, "receipts", "expenses",
                         "running total");
  for (const auto& m : months) {
    ctx.out << fmt::format("{:<4}  {:>12}  {:>12}  {:>14}  {}\n", kMonths[m.month - 1],
                           eur_text(m.receipts, true), eur_text(m.expenses, true),
                           eur_text(m.cumulative_net, true), green(bar(m.receipts, top, 30)));
    if (m.expenses > 0) ctx.out << fmt::format("{:50}{}\n", "", red(bar(m.expenses, top, 30)));
  }
  ctx.out << "(running total: receipts excluding VAT since 1 January)\n";
  if (limits.empty()) return;
  ctx.out << "\n";
  for (const auto& l : limits) {
    const std::int64_t shown = std::min(l.counted_cents, l.limit_cents);
    std::string gauge = bar(shown, l.limit_cents, 20);
    // Pad with light shade to 20 cells: full blocks and one partial cell count as cells.
    int cells = 0;
    for (std::size_t i = 0; i < gauge.size();) {
      ++cells;
      i += 3;  // every block character is 3 bytes of UTF-8
    }
    for (; cells < 20; ++cells) gauge += "░";
    const auto percent = l.limit_cents > 0 ? l.counted_cents * 100 / l.limit_cents : 0;
    ctx.out << fmt::format(
        "{:<30} {:>12}  {} {:>3} %{}\n", l.name, eur_text(l.limit_cents, true),
        l.crossed_on ? red(gauge) : gauge, percent,
        l.crossed_on ? fmt::format("  crossed on {}", format_date(*l.crossed_on))
                     : fmt::format("  (at this pace {})", eur_text(l.projected_cents, true)));
  }
}

}  // namespace

void setup_report_year(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<YearArgs>();
  auto* cmd = group.add_subcommand(
      "year", "A year month by month: receipts, expenses, the running total against the limits");
  cmd->add_option("year", a->year, "The year (default: this year)");
  cmd->add_option("--to", a->to, "Draw it as a chart: svg or png");
  cmd->add_option("-o,--output", a->output,
                  "With --to: the file (default: indie-YEAR.svg or .png here); - for standard "
                  "output");
  cmd->footer(
      "Each month's receipts (as the receipts journal values them, in EUR) and expenses, with\n"
      "bars, and the running total of receipts excluding VAT; then how far it has gone towards\n"
      "each threshold that applies (indie report thresholds). Colours only on a terminal, never\n"
      "with NO_COLOR. --format csv or json gives the twelve months as rows. --to svg or png\n"
      "draws the same as a chart (receipts and expenses bars, the running total as a line, the\n"
      "franchise thresholds dashed).\n\n"
      "Examples:\n  indie report year\n  indie report year 2025 --format csv\n"
      "  indie report year --to svg -o 2026.svg");
  cmd->callback([&ctx, a] { run(ctx, *a); });
}

}  // namespace indie::cli
