// indie time start|stop|status|cancel|resume|add|edit|rm; list, report and import are in
// cmd_time_report.cpp and cmd_time_import.cpp.
#include <fmt/format.h>

#include "commands.hpp"
#include "indie/core/duration.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "time_common.hpp"

namespace indie::cli {

void setup_time_listings(CLI::App& group, Context& ctx);
void setup_time_import(CLI::App& group, Context& ctx);

namespace {

struct TimeArgs {
  std::string project;
  std::vector<std::string> words;  // note words, or DATE RANGE NOTE for add
  std::vector<std::string> tags;
  std::string at;
  std::string date, start, end, duration, note;
  std::vector<std::string> ids;
  bool clear_tags = false;
  SpanRules rules;
};

std::string note_of(const std::vector<std::string>& words, std::size_t from = 0) {
  std::vector<std::string> rest(
      words.begin() + static_cast<std::ptrdiff_t>(std::min(from, words.size())), words.end());
  return std::string(trim(join(rest, " ")));
}

Instant moment(Context& ctx, const std::string& text) {
  if (text.empty()) return ctx.clock.now();
  try {
    return parse_moment(text, ctx.today());
  } catch (const Error& e) {
    throw invalid_input(fmt::format("--at: {}", e.what()));
  }
}

// Stops `running` at `at`, checking the span it would get; returns the message to print.
std::string stop_entry(TimeRepo& repo, TimeEntry running, Instant at, Context& ctx,
                       SpanRules rules) {
  if (at <= running.start)
    throw invalid_input(fmt::format("the timer started at {}; stop it at a later time",
                                    format_instant_local(running.start)));
  check_span(repo, running.start, at, ctx.clock.now(), running.id, rules);
  running.end = at;
  repo.update(running);
  return fmt::format("Stopped {} at {} after {}.", describe(running), format_time_of_day(at),
                     format_duration_hm(running.seconds(at)));
}

// A new entry on an active project, with its tags, recorded in the user's zone.
TimeEntry new_entry(Context& ctx, const TimeArgs& a) {
  Store& store = ctx.store();
  const Project p = resolve_project(store, a.project);
  require_active(store, p);
  TimeEntry e;
  e.project_id = p.id;
  e.project_path = p.path();
  e.zone = ctx.time_zone();
  e.tags = normalize_tags(a.tags);
  return e;
}

void start(Context& ctx, TimeArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  TimeRepo& repo = store.time_entries();
  TimeEntry e = new_entry(ctx, a);
  const Instant at = moment(ctx, a.at);
  e.start = at;
  e.note = note_of(a.words);
  check_note(e.note);
  std::string stopped;
  // One timer at a time: the running one stops at the instant the new one starts.
  if (auto running = repo.running()) stopped = stop_entry(repo, *running, at, ctx, a.rules) + "\n";
  if (!a.rules.allow_overlap) {
    if (const auto other = repo.overlapping(at, at + std::chrono::seconds(1), ctx.clock.now()))
      throw conflict(fmt::format("{} is inside entry {} ({}); start later, or add --allow-overlap",
                                 format_instant_local(at), other->id, describe(*other)));
  }
  const auto id = repo.insert(e);
  tx.commit();
  ctx.say(fmt::format("{}Started {} at {} (entry {}).", stopped, describe(e),
                      format_time_of_day(at), id));
}

void stop(Context& ctx, TimeArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  TimeRepo& repo = store.time_entries();
  auto running = repo.running();
  if (!running)
    throw conflict(
        "no timer is running. Start one with: indie time start CLIENT/PROJECT \"what you do\"");
  const std::string message = stop_entry(repo, *running, moment(ctx, a.at), ctx, a.rules);
  tx.commit();
  ctx.say(message);
}

void status(Context& ctx) {
  Store& store = ctx.store();
  TimeRepo& repo = store.time_entries();
  const Instant now = ctx.clock.now();
  TimeFilter today;
  today.from = local_to_instant(ctx.today(), 0);
  std::int64_t total = 0;
  repo.for_each_span(today, false, [&](std::int64_t, Instant s, Instant e, std::string_view) {
    total += (e - s).count();
  });
  const auto running = repo.running();
  if (running && running->start >= *today.from) total += running->seconds(now);
  if (ctx.format() != Format::table) {
    Table t;
    t.columns = {"running", "id",      "project",         "note",  "tags",
                 "start",   "elapsed", "elapsed_seconds", "today", "today_seconds"};
    const auto opt = [&](std::string s) {
      return running ? Cell::str(std::move(s)) : Cell::none();
    };
    t.rows.push_back(
        {Cell::boolean(running.has_value()), running ? Cell::integer(running->id) : Cell::none(),
         opt(running ? running->project_path : ""), opt(running ? running->note : ""),
         opt(running ? running->tags : ""), opt(running ? format_instant_iso(running->start) : ""),
         opt(running ? format_duration_hm(running->seconds(now)) : ""),
         running ? Cell::integer(running->seconds(now)) : Cell::none(),
         Cell::str(format_duration_hm(total)), Cell::integer(total)});
    print_record(ctx.out, t, ctx.format());
    return;
  }
  if (running) {
    ctx.out << fmt::format("Tracking {} since {} ({}){}.\n", describe(*running),
                           format_instant_local(running->start),
                           format_duration_hm(running->seconds(now)),
                           running->tags.empty() ? "" : ", tags " + running->tags);
  } else {
    ctx.out
        << "No timer is running. Start one with: indie time start CLIENT/PROJECT \"what you do\"\n";
  }
  ctx.out << fmt::format("Today: {}.\n", format_duration_hm(total));
}

void cancel(Context& ctx) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  TimeRepo& repo = store.time_entries();
  const auto running = repo.running();
  if (!running) throw conflict("no timer is running, so there is nothing to cancel");
  repo.remove(running->id);
  tx.commit();
  ctx.say(fmt::format("Cancelled {} (started {}); nothing was recorded.", describe(*running),
                      format_instant_local(running->start)));
}

void resume(Context& ctx, TimeArgs& a) {
  Store& store = ctx.store();
  TimeRepo& repo = store.time_entries();
  const auto last = repo.last();
  if (!last)
    throw not_found(
        "there is no entry to resume yet. Start one with: indie time start CLIENT/PROJECT");
  if (last->running())
    throw conflict(
        fmt::format("{} is still running; stop it first: indie time stop", describe(*last)));
  a.project = std::to_string(last->project_id);
  a.words = {last->note};
  a.tags = {last->tags};
  start(ctx, a);
}

std::int64_t positive_duration(const std::string& text) {
  const std::int64_t seconds = parse_duration(text);
  if (seconds <= 0)
    throw invalid_input(
        fmt::format("--duration {}: a time entry needs a duration above zero", text));
  return seconds;
}

void add(Context& ctx, TimeArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  TimeRepo& repo = store.time_entries();
  TimeEntry e = new_entry(ctx, a);
  const Date day = parse_date(a.date, ctx.today());
  if (!a.duration.empty()) {
    if (!a.words.empty() && looks_like_time_range(a.words.front()))
      throw usage_error(fmt::format("give either the range {} or --duration {}, not both",
                                    a.words.front(), a.duration));
    const std::int64_t seconds = positive_duration(a.duration);
    if (!a.at.empty()) {
      e.start = local_to_instant(day, parse_time_of_day(a.at));
    } else {
      TimeFilter that_day;
      that_day.from = local_to_instant(day, 0);
      that_day.to = local_to_instant(Date(std::chrono::sys_days(day) + std::chrono::days(1)), 0);
      std::optional<Instant> latest;
      repo.for_each_span(that_day, false,
                         [&](std::int64_t, Instant, Instant end, std::string_view) {
                           if (!latest || end > *latest) latest = end;
                         });
      e.start = duration_start(day, latest);
    }
    e.end = e.start + std::chrono::seconds(seconds);
    e.note = note_of(a.words);
  } else {
    if (a.words.empty())
      throw usage_error("give a time range or a duration, e.g. indie time add " + e.project_path +
                        " " + a.date + " 09:00-12:30 \"note\", or --duration 2h15m");
    std::tie(e.start, e.end) = parse_time_range(a.words.front(), day);
    e.note = note_of(a.words, 1);
  }
  check_note(e.note);
  check_span(repo, e.start, *e.end, ctx.clock.now(), 0, a.rules);
  const auto id = repo.insert(e);
  tx.commit();
  ctx.say(fmt::format("Added entry {}: {}, {} - {} ({}).", id, describe(e),
                      format_instant_local(e.start), format_time_of_day(*e.end),
                      format_duration_hm(e.seconds(*e.end))));
}

void edit(Context& ctx, TimeArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  TimeRepo& repo = store.time_entries();
  TimeEntry e = repo.get(a.ids.front());
  require_unbilled(e, "changed");
  const bool nothing = a.project.empty() && a.date.empty() && a.start.empty() && a.end.empty() &&
                       a.duration.empty() && a.note.empty() && a.tags.empty() && !a.clear_tags &&
                       a.words.empty();
  if (nothing)
    throw usage_error(fmt::format(
        "nothing to change: give at least one flag, e.g. indie time edit {} --end 12:30", e.id));
  if (!a.project.empty()) {
    const Project p = resolve_project(store, a.project);
    require_active(store, p);
    e.project_id = p.id;
    e.project_path = p.path();
  }
  // Times are read on the entry's own day unless --date moves it; a full date-time also works.
  const Date day = a.date.empty() ? local_date(e.start) : parse_date(a.date, ctx.today());
  const auto at = [&](const std::string& text) {
    return text.find(':') != std::string::npos && text.size() <= 8
               ? local_to_instant(day, parse_time_of_day(text))
               : parse_moment(text, day);
  };
  if (!a.date.empty() && a.start.empty()) {
    const auto length = e.end ? std::optional(*e.end - e.start) : std::nullopt;
    e.start = local_to_instant(day, (e.start - local_to_instant(local_date(e.start), 0)).count());
    if (length) e.end = e.start + *length;
  }
  if (!a.start.empty()) e.start = at(a.start);
  if (!a.end.empty()) {
    std::string end = a.end;
    const bool next_day = end.ends_with("+1");
    if (next_day) end.resize(end.size() - 2);
    e.end = at(end) + std::chrono::days(next_day ? 1 : 0);
  }
  if (!a.duration.empty()) e.end = e.start + std::chrono::seconds(positive_duration(a.duration));
  if (!a.note.empty() || !a.words.empty()) e.note = a.note.empty() ? note_of(a.words) : a.note;
  check_note(e.note);
  if (a.clear_tags) e.tags.clear();
  if (!a.tags.empty()) e.tags = normalize_tags(a.tags);
  if (e.end) check_span(repo, e.start, *e.end, ctx.clock.now(), e.id, a.rules);
  repo.update(e);
  tx.commit();
  ctx.say(fmt::format("Updated entry {}: {}, {} - {}.", e.id, describe(e),
                      format_instant_local(e.start),
                      e.end ? format_time_of_day(*e.end) : std::string("running")));
}

void remove(Context& ctx, TimeArgs& a) {
  Store& store = ctx.store();
  WriteTransaction tx(store);
  TimeRepo& repo = store.time_entries();
  std::vector<TimeEntry> entries;
  for (const auto& ref : a.ids) {
    entries.push_back(repo.get(ref));
    require_unbilled(entries.back(), "removed");
  }
  for (const auto& e : entries) repo.remove(e.id);
  tx.commit();
  for (const auto& e : entries)
    ctx.say(fmt::format("Removed entry {}: {}, {} ({}).", e.id, describe(e),
                        format_instant_local(e.start),
                        format_duration_hm(e.seconds(ctx.clock.now()))));
}

void add_rules(CLI::App* cmd, TimeArgs& a) {
  cmd->add_flag("--allow-overlap", a.rules.allow_overlap, "Accept an entry that overlaps another");
  cmd->add_flag("--force", a.rules.force, "Accept an entry longer than 24 hours");
}

}  // namespace

void setup_time(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<TimeArgs>();
  auto* group = app.add_subcommand("time", "Track time: timer, entries, reports and imports");
  group->footer(
      "Examples:\n"
      "  indie time start acme/website \"fix login\" --tag bug\n"
      "  indie time stop\n"
      "  indie time add acme/website 2026-11-20 09:00-12:30 \"workshop\"\n"
      "  indie time report --by month\n"
      "See also: man indie-time");

  auto* start_cmd = group->add_subcommand("start", "Start the timer (stops a running one)");
  start_cmd
      ->add_option("project", a->project, "CLIENT/PROJECT, or PROJECT when only one client has it")
      ->required();
  start_cmd->add_option("note", a->words, "What you are doing");
  start_cmd->add_option("-t,--tag", a->tags, "A tag (repeat for more, or bug,urgent)");
  start_cmd->add_option("--at", a->at,
                        "Start time instead of now: 09:10, yesterday 17:00, 2026-11-20T09:10");
  add_rules(start_cmd, *a);
  start_cmd->footer(
      "Starting while a timer runs stops that one at the same instant.\n\nExamples:\n"
      "  indie time start acme/website \"fix login\" --tag bug\n"
      "  indie time start website --at 09:10");
  start_cmd->callback([&ctx, a] { start(ctx, *a); });

  auto* stop_cmd = group->add_subcommand("stop", "Stop the running timer");
  stop_cmd->add_option("--at", a->at, "Stop time instead of now: 12:05");
  add_rules(stop_cmd, *a);
  stop_cmd->callback([&ctx, a] { stop(ctx, *a); });

  auto* status_cmd = group->add_subcommand("status", "Show the running timer and today's total");
  status_cmd->callback([&ctx] { status(ctx); });

  auto* cancel_cmd = group->add_subcommand("cancel", "Discard the running timer");
  cancel_cmd->callback([&ctx] { cancel(ctx); });

  auto* resume_cmd =
      group->add_subcommand("resume", "Start again on the last entry's project, note and tags");
  resume_cmd->add_option("--at", a->at, "Start time instead of now");
  add_rules(resume_cmd, *a);
  resume_cmd->callback([&ctx, a] { resume(ctx, *a); });

  auto* add_cmd = group->add_subcommand("add", "Add a past entry, by time range or duration");
  add_cmd->add_option("project", a->project, "CLIENT/PROJECT")->required();
  add_cmd->add_option("date", a->date, "Day: 2026-11-20, today or yesterday")->required();
  add_cmd->add_option("range_and_note", a->words,
                      "09:00-12:30 (22:00-01:30+1 past midnight), then the note");
  add_cmd->add_option("-d,--duration", a->duration,
                      "A duration instead of a range: 2h15m, 90m, 1.5h, 1:30");
  add_cmd->add_option(
      "--at", a->at,
      "With --duration: the start time (default: after the day's last entry, or 09:00)");
  add_cmd->add_option("-t,--tag", a->tags, "A tag (repeat for more)");
  add_rules(add_cmd, *a);
  add_cmd->footer(
      "Examples:\n"
      "  indie time add acme/website 2026-11-20 09:00-12:30 \"workshop\"\n"
      "  indie time add acme/website yesterday --duration 2h15m \"review\"\n"
      "  indie time add acme/ops 2026-11-20 22:00-01:30+1 \"night migration\"");
  add_cmd->callback([&ctx, a] { add(ctx, *a); });

  auto* edit_cmd = group->add_subcommand("edit", "Change an entry");
  edit_cmd->add_option("id", a->ids, "Entry id (see indie time list)")->required()->expected(1);
  edit_cmd->add_option("-p,--project", a->project, "Move it to this project");
  edit_cmd->add_option("--date", a->date, "Move it to this day, keeping its times");
  edit_cmd->add_option("--start", a->start, "New start: 09:00 (on its day) or 2026-11-20T09:00");
  edit_cmd->add_option("--end", a->end, "New end: 12:30, 01:30+1 or a date and time");
  edit_cmd->add_option("-d,--duration", a->duration, "New duration from its start");
  edit_cmd->add_option("-n,--note", a->note, "New note");
  auto* tag_opt = edit_cmd->add_option("-t,--tag", a->tags, "Replace the tags (repeat for more)");
  edit_cmd->add_flag("--no-tags", a->clear_tags, "Remove all tags")->excludes(tag_opt);
  add_rules(edit_cmd, *a);
  edit_cmd->footer(
      "Examples:\n  indie time edit 42 --end 12:30\n  indie time edit 42 --project acme/api --note "
      "\"API review\"");
  edit_cmd->callback([&ctx, a] { edit(ctx, *a); });

  auto* rm_cmd = group->add_subcommand("rm", "Remove entries");
  rm_cmd->add_option("ids", a->ids, "Entry ids")->required();
  rm_cmd->callback([&ctx, a] { remove(ctx, *a); });

  setup_time_listings(*group, ctx);
  setup_time_import(*group, ctx);
}

}  // namespace indie::cli
