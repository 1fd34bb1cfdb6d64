// indie time list and indie time report.
#include <fmt/format.h>

#include "commands.hpp"
#include "indie/core/duration.hpp"
#include "indie/core/error.hpp"
#include "time_common.hpp"

namespace indie::cli {
namespace {

struct ListingArgs {
  std::string from, to, client, project, tag, by = "project";
  bool billable = false, non_billable = false, unbilled = false;
};

TimeFilter filter_of(Context& ctx, const ListingArgs& a) {
  TimeFilter f;
  set_date_range(f, a.from, a.to, ctx.today());
  if (!a.client.empty()) f.client_id = ctx.store().clients().get(a.client).id;
  if (!a.project.empty()) f.project_id = resolve_project(ctx.store(), a.project).id;
  if (!a.tag.empty()) f.tag = normalize_tags({a.tag});
  if (a.billable && a.non_billable)
    throw usage_error("--billable and --non-billable exclude each other");
  if (a.billable) f.billable = true;
  if (a.non_billable) f.billable = false;
  f.unbilled = a.unbilled;
  return f;
}

void add_filters(CLI::App* cmd, ListingArgs& a) {
  cmd->add_option("--from", a.from, "First day: 2026-11-01, today, yesterday");
  cmd->add_option("--to", a.to, "Last day, included");
  cmd->add_option("-c,--client", a.client, "Only this client's entries");
  cmd->add_option("-p,--project", a.project, "Only this project's entries");
  cmd->add_option("-t,--tag", a.tag, "Only entries with this tag");
  cmd->add_flag("--billable", a.billable, "Only entries of billable projects");
  cmd->add_flag("--non-billable", a.non_billable, "Only entries of non-billable projects");
  cmd->add_flag("--unbilled", a.unbilled, "Only entries not on any invoice yet");
}

void list(Context& ctx, const ListingArgs& a) {
  const TimeFilter f = filter_of(ctx, a);
  const Instant now = ctx.clock.now();
  const bool people = ctx.format() == Format::table;
  TableWriter writer(ctx.out, ctx.format(), entry_columns(), entry_table_columns());
  std::vector<Cell> cells;
  std::int64_t total = 0;
  ctx.store().time_entries().for_each(f, [&](const TimeEntry& e) {
    entry_cells(e, now, people, cells);
    total += e.seconds(now);
    writer.row(cells);
  });
  if (writer.rows() == 0 && people) {
    ctx.err << "No time entries match. Add one with: indie time start CLIENT/PROJECT, or indie "
               "time add\n";
    return;
  }
  writer.finish();
  if (people)
    ctx.out << fmt::format("{} entr{}, {}\n", writer.rows(), writer.rows() == 1 ? "y" : "ies",
                           format_duration_hm(total));
}

void report(Context& ctx, const ListingArgs& a) {
  const ReportGrouping by = parse_report_grouping(a.by);
  const TimeFilter f = filter_of(ctx, a);
  const Config& config = ctx.config();
  TimeRepo& repo = ctx.store().time_entries();
  TimeReport report(by, repo.project_billing(config.time.rounding), config.time.week_start,
                    config.time.seconds_per_day);
  repo.for_each_span(f, by == ReportGrouping::tag,
                     [&](std::int64_t project, Instant s, Instant e, std::string_view tags) {
                       report.add(project, s, e, tags);
                     });
  const auto rows = report.rows();
  const bool people = ctx.format() == Format::table;
  if (rows.empty() && people) {
    ctx.err << "No finished time entries match.\n";
    return;
  }
  const std::string group(by == ReportGrouping::week ? "week_of" : to_string(by));
  TableWriter writer(
      ctx.out, ctx.format(),
      {group, "currency", "entries", "raw", "billed", "raw_hours", "billed_hours", "amount"},
      {group, "entries", "raw", "billed", "amount", "currency"});
  for (const auto& r : rows) {
    // For people, the total rows are set apart; machines get them as rows named "total".
    writer.row({Cell::str(r.group), Cell::str(r.currency), Cell::integer(r.entries),
                Cell::amount(format_duration_hm(r.raw_seconds)),
                Cell::amount(format_duration_hm(r.billed_seconds)),
                Cell::amount(format_duration_hours(r.raw_seconds)),
                Cell::amount(format_duration_hours(r.billed_seconds)),
                r.amount ? Cell::amount(people ? r.amount->amount().format(NumberLocale::en)
                                               : r.amount->to_string())
                         : Cell::none()});
  }
  writer.finish();
}

}  // namespace

void setup_time_listings(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ListingArgs>();
  auto* list_cmd = group.add_subcommand("list", "List entries, oldest first");
  add_filters(list_cmd, *a);
  list_cmd->footer(
      "Examples:\n  indie time list --from 2026-11-01 --client acme\n"
      "  indie time list --unbilled --billable --format csv > time.csv");
  list_cmd->callback([&ctx, a] { list(ctx, *a); });

  auto* report_cmd =
      group.add_subcommand("report", "Raw time, billed time and amount per group and currency");
  report_cmd->add_option("-b,--by", a->by, "client, project (default), tag, day, week or month");
  add_filters(report_cmd, *a);
  report_cmd->footer(
      "Billed time follows each project's rounding policy; amounts are billed time x rate, per\n"
      "currency. A row bills what one invoice line per project covering it would.\n\nExamples:\n"
      "  indie time report --by month\n  indie time report --by project --from 2026-11-01 --to "
      "2026-11-30");
  report_cmd->callback([&ctx, a] { report(ctx, *a); });
}

}  // namespace indie::cli
