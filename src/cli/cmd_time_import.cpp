// indie time import FILE|- --from indie|timewarrior|toggl|clockify
#include <fmt/format.h>
#include <unistd.h>

#include <map>
#include <tuple>

#include "commands.hpp"
#include "indie/core/duration.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"
#include "indie/core/time_import.hpp"
#include "indie/store/files.hpp"
#include "time_common.hpp"

namespace indie::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string from;
  std::string client;  // for rows that name no client
  TimeImportOptions options;
  bool create = false;
  bool dry_run = false;
  SpanRules rules;
};

// Finds the project a row names — by handle or display name, within its client when the row
// names one — creating what is missing with --create. Answers are cached per (client, project).
class ProjectMatcher {
 public:
  ProjectMatcher(Context& ctx, const ImportArgs& a) : ctx_(ctx), store_(ctx.store()), args_(a) {
    if (!a.client.empty()) default_client_ = store_.clients().get(a.client);
  }

  /// For rows whose tags hold the project (timewarrior): the first tag naming a project, else
  /// with --create the first client/project tag. Sets `tags` to the other tags.
  std::int64_t project_from_tags(const ImportedEntry& e, std::string& tags) {
    std::optional<std::size_t> chosen;
    std::int64_t id = 0;
    for (std::size_t i = 0; i < e.project_candidates.size() && !chosen; ++i) {
      ImportedEntry probe = as_project(e, e.project_candidates[i]);
      if (auto found = existing(probe)) {
        chosen = i;
        id = *found;
      }
    }
    for (std::size_t i = 0; i < e.project_candidates.size() && !chosen && args_.create; ++i) {
      if (e.project_candidates[i].find('/') == std::string::npos && args_.client.empty()) continue;
      chosen = i;
      id = project_id(as_project(e, e.project_candidates[i]));
    }
    if (!chosen)
      throw not_found(fmt::format(
          "no tag of this interval names a project (tags: {}); add the project with indie "
          "project add, tag the interval CLIENT/PROJECT, or import with --create --client "
          "HANDLE",
          join(e.project_candidates, ", ")));
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < e.project_candidates.size(); ++i)
      if (i != *chosen) rest.push_back(e.project_candidates[i]);
    tags = tags_from_other_tool(rest);
    return id;
  }

  std::int64_t project_id(const ImportedEntry& e) {
    const auto key = std::make_pair(to_lower(e.client), to_lower(e.project));
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    const std::int64_t id = match(e, args_.create);
    cache_.emplace(key, id);
    return id;
  }
  const std::vector<std::string>& created() const { return created_; }

 private:
  std::optional<Client> find_client(const std::string& name) {
    if (name.empty()) return default_client_;
    const std::vector<std::int64_t> ids = store_.clients().ids_named(name);
    if (ids.size() > 1)
      throw invalid_input(
          fmt::format("client '{}' matches {} clients; rename one", name, ids.size()));
    if (ids.empty()) return std::nullopt;
    return store_.clients().get(std::to_string(ids.front()));
  }

  static ImportedEntry as_project(const ImportedEntry& e, const std::string& tag) {
    ImportedEntry probe;
    probe.client = e.client;
    probe.project = tag;
    if (const auto slash = tag.find('/'); slash != std::string::npos) {
      probe.client = tag.substr(0, slash);
      probe.project = tag.substr(slash + 1);
    }
    return probe;
  }

  // The project `e` names, if it exists (no creation, no error).
  std::optional<std::int64_t> existing(const ImportedEntry& e) {
    const auto key = std::make_pair(to_lower(e.client), to_lower(e.project));
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    try {
      const std::int64_t id = match(e, false);
      cache_.emplace(key, id);
      return id;
    } catch (const Error& err) {
      if (err.kind() != ErrorKind::not_found) throw;  // an ambiguous name is an error, not a miss
      return std::nullopt;
    }
  }

  std::int64_t match(const ImportedEntry& e, bool create) {
    const auto client = find_client(e.client);
    const auto found =
        store_.projects().named(e.project, client ? std::optional(client->id) : std::nullopt);
    if (found.size() == 1) return found.front().id;
    if (found.size() > 1) {
      std::vector<std::string> paths;
      for (const auto& f : found) paths.push_back(f.path);
      throw invalid_input(
          fmt::format("project '{}' is ambiguous ({}); give --client, or rename one", e.project,
                      join(paths, ", ")));
    }
    if (!e.client.empty() && !client && !create)
      throw not_found(fmt::format(
          "no client '{}'; add it with indie client add, or import with --create", e.client));
    if (!create)
      throw not_found(
          fmt::format("no project '{}'{}; add it with indie project add, or import with --create",
                      e.project, client ? " for client " + client->handle : std::string()));
    return create_project(e, client);
  }

  std::int64_t create_project(const ImportedEntry& e, std::optional<Client> client) {
    const Config& config = ctx_.config();
    if (!client) {
      if (e.client.empty())
        throw invalid_input(fmt::format(
            "project '{}' names no client, so --create cannot place it; give --client HANDLE",
            e.project));
      Client c;
      set_client_field(c, "handle", handle_from_name(e.client));
      set_client_field(c, "name", e.client);
      complete_client(c, config, std::vector<std::string>{"handle", "name"});
      c.created_at = ctx_.now_iso();
      c.id = store_.clients().insert(c);
      created_.push_back("client " + c.handle);
      client = c;
    }
    Project p;
    p.client_id = client->id;
    p.client_handle = client->handle;
    set_project_field(p, "handle", handle_from_name(e.project));
    set_project_field(p, "name", e.project);
    p.currency = client->currency;
    complete_project(p);
    p.created_at = ctx_.now_iso();
    const auto id = store_.projects().insert(p);
    created_.push_back("project " + p.path() + " (no rate yet)");
    return id;
  }

  Context& ctx_;
  Store& store_;
  const ImportArgs& args_;
  std::optional<Client> default_client_;
  std::map<std::pair<std::string, std::string>, std::int64_t> cache_;
  std::vector<std::string> created_;
};

void import(Context& ctx, ImportArgs& a) {
  if (a.from.empty())
    throw usage_error(
        "say which tool wrote the file: --from indie, timewarrior, toggl or clockify");
  const TimeSource format = parse_time_source(a.from);
  const std::string source = a.file == "-" ? "<stdin>" : a.file;
  const std::string text = read_file(a.file);
  const std::string zone = ctx.time_zone();
  Store& store = ctx.store();
  WriteTransaction tx(store);
  TimeRepo& repo = store.time_entries();
  ProjectMatcher matcher(ctx, a);
  const bool progress = isatty(STDERR_FILENO) != 0 && &ctx.err == &std::cerr;
  const Instant now = ctx.clock.now();
  std::size_t added = 0, already = 0, empty = 0;
  // Entries that were there before this import and match a row by project, start, end and
  // note (typed by hand, or imported by an older indie under another key): each such entry
  // accounts for one row of the file, so a row twice in the file needs two.
  const std::int64_t before = repo.max_id();
  std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::string>, std::int64_t> matched;
  // A dry run lists what would be added.
  std::optional<TableWriter> preview;
  if (a.dry_run) preview.emplace(ctx.out, ctx.format(), entry_columns(), entry_table_columns());
  std::vector<Cell> cells;
  ImportSummary summary;
  try {
    summary = read_time_import(text, format, source, a.options, [&](const ImportedEntry& row) {
      try {
        TimeEntry e;
        e.tags = row.tags;
        e.project_id =
            row.project.empty() ? matcher.project_from_tags(row, e.tags) : matcher.project_id(row);
        if (repo.has_source_key(row.source_key)) {
          ++already;
          return;
        }
        if (const auto n = repo.count_same(e.project_id, row.start, row.end, row.note, before);
            n > 0) {
          auto& used = matched[{e.project_id, row.start.time_since_epoch().count(),
                                row.end.time_since_epoch().count(), row.note}];
          if (used < n) {
            ++used;
            ++already;
            return;
          }
        }
        if (row.end == row.start) {
          ++empty;  // zero-length rows (a timer started and stopped at once) bill nothing
          return;
        }
        e.start = row.start;
        e.end = row.end;
        e.zone = zone;
        e.note = row.note;
        e.source_key = row.source_key;
        check_span(repo, e.start, *e.end, now, 0, a.rules);
        e.id = repo.insert(e);
        ++added;
        if (preview) {
          e.project_path = repo.path_of(e.project_id);
          entry_cells(e, now, ctx.format() == Format::table, cells);
          preview->row(cells);
        }
        if (progress && added % 20000 == 0)
          ctx.err << fmt::format("\rImporting… {} entries", added) << std::flush;
      } catch (const Error& err) {
        throw Error(err.kind(), fmt::format("{}:{}: {}", source, row.line, err.what()));
      }
    });
  } catch (const Error& err) {
    // The transaction rolls back as this unwinds: nothing is kept.
    throw Error(err.kind(), fmt::format("{}. Nothing was imported.", err.what()));
  }
  if (progress && added >= 20000) ctx.err << "\r\033[K";
  if (preview) preview->finish();
  std::string details;
  if (already > 0) details += fmt::format(", {} already there", already);
  if (empty > 0) details += fmt::format(", {} of zero length skipped", empty);
  if (summary.open_skipped > 0)
    details += fmt::format(", {} still running skipped", summary.open_skipped);
  for (const auto& c : matcher.created()) details += ", created " + c;
  if (a.dry_run) {
    ctx.say(fmt::format("Would add {} entr{} from {}{} (dry run: nothing written).", added,
                        added == 1 ? "y" : "ies", source, details));
    return;
  }
  tx.commit();
  ctx.say(
      fmt::format("Added {} entr{} from {}{}.", added, added == 1 ? "y" : "ies", source, details));
}

}  // namespace

void setup_time_import(CLI::App& group, Context& ctx) {
  auto a = std::make_shared<ImportArgs>();
  auto* cmd =
      group.add_subcommand("import", "Import entries from indie, timewarrior, Toggl or Clockify");
  cmd->add_option("file", a->file, "The export file, or - for standard input")->required();
  cmd->add_option(
      "-f,--from", a->from,
      "Who wrote it: indie, timewarrior (timew export), toggl or clockify (detailed CSV)");
  cmd->add_option("-c,--client", a->client, "Client of rows that name none (timewarrior)");
  cmd->add_option("-p,--project", a->options.default_project,
                  "CLIENT/PROJECT for rows that name no project (a Toggl row without one, a "
                  "timewarrior interval without tags)");
  cmd->add_option("--date-format", a->options.date_format,
                  "How the CSV writes its dates, e.g. %d/%m/%Y (toggl, clockify); by default ISO, "
                  "or the day/month order the whole file shows");
  cmd->add_flag("--create", a->create, "Create the clients and projects that do not exist yet");
  cmd->add_flag("-n,--dry-run", a->dry_run, "Show what would be added, write nothing");
  cmd->add_flag("--allow-overlap", a->rules.allow_overlap, "Accept entries that overlap others");
  cmd->add_flag("--force", a->rules.force, "Accept entries longer than 24 hours");
  cmd->footer(
      "Projects are matched by handle or name (within the row's client when it names one).\n"
      "Every row of the file is kept, even two alike (two tasks logged in the same slot), and\n"
      "importing the same file again adds nothing: each row has a stable fingerprint (its\n"
      "fields, its user, its rank among identical rows). Slashed dates (03/11/2026) are read\n"
      "day-first or month-first as the whole file shows; a file where every date could be\n"
      "either is refused until --date-format says. The import is all-or-nothing and names the\n"
      "failing line.\n\nExamples:\n"
      "  timew export | indie time import - --from timewarrior --client acme\n"
      "  indie time import Toggl_time_entries.csv --from toggl --create --dry-run\n"
      "  indie time import Clockify_Detailed.csv --from clockify --date-format %d/%m/%Y\n"
      "  indie time list --format csv > all.csv && indie --db other.db time import all.csv --from "
      "indie");
  cmd->callback([&ctx, a] { import(ctx, *a); });
}

}  // namespace indie::cli
