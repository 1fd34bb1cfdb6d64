#pragma once
// What the time commands share: finding a project as users name it, the rules every entry
// obeys, and how an entry is shown.
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "indie/core/time_entry.hpp"
#include "indie/store/client_repo.hpp"
#include "indie/store/time_repo.hpp"
#include "output.hpp"

namespace indie::cli {

/// A project by path (acme/website), id, or handle alone when only one client has it.
/// Unknown: suggests names; ambiguous: lists the candidates.
Project resolve_project(Store& store, std::string_view ref);
/// Refuses tracking time on an archived project or client, saying how to reactivate it.
void require_active(Store& store, const Project& project);

/// indie::check_span against the entries stored in `repo` (other than `except`).
void check_span(TimeRepo& repo, Instant start, Instant end, Instant now, std::int64_t except,
                SpanRules rules);

std::vector<std::string> entry_columns();
std::vector<std::string> entry_table_columns();
/// One listing row. People get local "2026-11-20 09:00"; machines ISO 8601 with the offset.
void entry_cells(const TimeEntry& e, Instant now, bool for_people, std::vector<Cell>& cells);

/// --from/--to dates (the --to day included), read in the user's zone.
void set_date_range(TimeFilter& filter, const std::string& from, const std::string& to, Date today);

}  // namespace indie::cli
