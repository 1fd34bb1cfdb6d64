#pragma once
/// Reading time entries exported by indie, timewarrior, Toggl Track and Clockify.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/clock.hpp"

namespace indie {

enum class TimeSource { indie, timewarrior, toggl, clockify };
/// Throws usage_error listing the formats.
TimeSource parse_time_source(std::string_view text);
std::string_view to_string(TimeSource s);

struct ImportedEntry {
  std::size_t line = 0;  ///< where the row starts in the file, for errors
  std::string client;    ///< as the source names it (a name or handle); may be empty
  std::string project;   ///< a path (acme/website), a handle or a name; empty: see below
  /// timewarrior: its tags (a sorted set in `timew export`, so the project is not always the
  /// first); the importer takes the first that names a project, the others become tags.
  std::vector<std::string> project_candidates;
  Instant start{};
  Instant end{};
  std::string note;
  std::string tags;             ///< normalized: "bug,urgent"
  std::int64_t source_key = 0;  ///< the same row always gives the same key
};

struct ImportSummary {
  std::size_t rows = 0;          ///< entries handed to the callback
  std::size_t open_skipped = 0;  ///< timewarrior intervals still running
};

/// Reads `text` and calls `fn` per entry, in file order. Local times (Toggl, Clockify) are read
/// in TZ. Throws invalid_input as "<source>:<line>: …" for a wrong header or a bad row; the
/// caller's transaction makes the import all-or-nothing.
///  - indie: the CSV `indie time list --format csv` writes (start, end, project, note, tags).
///  - timewarrior: `timew export` JSON; one of the tags names the project (project_candidates).
///  - toggl: Toggl Track's detailed CSV (Client, Project, Description, Start date, Start time,
///    End date, End time, Tags).
///  - clockify: Clockify's detailed CSV (Project, Client, Description, Tags, Start Date, Start
///    Time, End Date, End Time); dates MM/DD/YYYY or ISO, times 24-hour or with AM/PM.
ImportSummary read_time_import(std::string_view text, TimeSource format, std::string_view source,
                               const std::function<void(const ImportedEntry&)>& fn);

/// Tags as other tools write them ("fix login", " review") made into indie's single-word tags
/// ("fix-login,review").
std::string tags_from_other_tool(const std::vector<std::string>& raw);

/// A handle made from a display name: "Acme Corp." -> "acme-corp".
std::string handle_from_name(std::string_view name);

}  // namespace indie
