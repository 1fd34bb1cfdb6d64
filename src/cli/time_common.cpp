#include "time_common.hpp"

#include <fmt/format.h>

#include "indie/core/duration.hpp"
#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"

namespace indie::cli {

Project resolve_project(Store& store, std::string_view ref) {
  ProjectRepo& projects = store.projects();
  const std::string_view r = trim(ref);
  if (r.find('/') != std::string_view::npos) return projects.get(r);
  if (!r.empty() && r.find_first_not_of("0123456789") == std::string_view::npos)
    return projects.get(r);  // an id
  // A bare handle: fine when exactly one client has a project by that handle.
  const std::vector<std::string> matches = projects.paths_with_handle(r);
  if (matches.size() == 1) return projects.get(matches.front());
  if (matches.size() > 1)
    throw invalid_input(fmt::format("'{}' is ambiguous: {}. Name the client too, e.g. {}", r,
                                    join(matches, ", "), matches.front()));
  std::vector<std::string> names = projects.paths();
  const auto paths = names;
  for (const auto& path : paths) names.push_back(path.substr(path.find('/') + 1));
  std::string hint = did_you_mean(r, names);
  throw not_found(fmt::format("no project '{}'.{} List them with: indie project list", r, hint));
}

void require_active(Store& store, const Project& p) {
  if (p.archived())
    throw conflict(
        fmt::format("project {} is archived; reactivate it first: indie project unarchive {}",
                    p.path(), p.path()));
  const Client c = store.clients().get(std::to_string(p.client_id));
  if (c.archived())
    throw conflict(
        fmt::format("client {} is archived; reactivate it first: indie client unarchive {}",
                    c.handle, c.handle));
}

void check_span(TimeRepo& repo, Instant start, Instant end, Instant now, std::int64_t except,
                SpanRules rules) {
  std::optional<TimeEntry> other;
  if (!rules.allow_overlap && end > start) other = repo.overlapping(start, end, now, except);
  indie::check_span(start, end, rules, other);
}

std::vector<std::string> entry_columns() {
  return {"id", "start", "end", "duration", "seconds", "project", "note", "tags", "status", "zone"};
}

std::vector<std::string> entry_table_columns() {
  return {"id", "start", "end", "duration", "project", "note", "tags", "status"};
}

void entry_cells(const TimeEntry& e, Instant now, bool for_people, std::vector<Cell>& cells) {
  cells.resize(10);
  const auto set = [&](std::size_t i, std::string text, CellKind kind = CellKind::text) {
    cells[i].text = std::move(text);
    cells[i].kind = kind;
    cells[i].null = false;
  };
  const std::int64_t seconds = e.seconds(now);
  set(0, std::to_string(e.id), CellKind::integer);
  set(1, for_people ? format_instant_local(e.start) : format_instant_iso(e.start));
  if (!e.end) {
    set(2, "");
    cells[2].null = true;
  } else if (for_people) {
    // The end's date only when it differs from the start's.
    const std::string end = format_instant_local(*e.end);
    set(2, local_date(*e.end) == local_date(e.start) ? end.substr(11) : end);
  } else {
    set(2, format_instant_iso(*e.end));
  }
  set(3, format_duration_hm(seconds), CellKind::amount);
  set(4, std::to_string(seconds), CellKind::integer);
  set(5, e.project_path);
  set(6, e.note);
  set(7, e.tags);
  set(8, e.running() ? "running" : e.billing_status());
  set(9, e.zone);
}

void set_date_range(TimeFilter& filter, const std::string& from, const std::string& to,
                    Date today) {
  if (!from.empty()) filter.from = local_to_instant(parse_date(from, today), 0);
  if (!to.empty())
    filter.to = local_to_instant(
        Date(std::chrono::sys_days(parse_date(to, today)) + std::chrono::days(1)), 0);
  if (filter.from && filter.to && *filter.to <= *filter.from)
    throw invalid_input(fmt::format("--to {} is before --from {}", to, from));
}

}  // namespace indie::cli
