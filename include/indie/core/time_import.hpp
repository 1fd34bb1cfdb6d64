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
  std::string tags;  ///< normalized: "bug,urgent"
  std::string user;  ///< who logged it (team exports), part of the row's identity
  /// The same row always gives the same key; rows that differ in any field the source writes
  /// (description, user, task…) get different keys, and identical rows are told apart by
  /// their rank in the file, so a first import keeps every row and a re-import adds nothing.
  std::int64_t source_key = 0;
};

/// What the user tells the reader about a file.
struct TimeImportOptions {
  /// `--date-format` (%d %m %Y …): how the CSV's date columns are written. Empty: ISO dates as
  /// they are, dotted dates day-first, slashed dates in the order the whole file shows (a day
  /// above 12 settles it; a file where every date could be either is refused).
  std::string date_format;
  /// `--project CLIENT/PROJECT`: for rows that name no project (a Toggl row without one, a
  /// timewarrior interval without tags).
  std::string default_project;
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
///    Time, End Date, End Time); times 24-hour or with AM/PM.
/// Toggl's and Clockify's Task column goes into the note ("Task: description"); their User and
/// Email columns into the row's identity.
ImportSummary read_time_import(std::string_view text, TimeSource format, std::string_view source,
                               const TimeImportOptions& options,
                               const std::function<void(const ImportedEntry&)>& fn);

/// Tags as other tools write them ("fix login", " review") made into indie's single-word tags
/// ("fix-login,review").
std::string tags_from_other_tool(const std::vector<std::string>& raw);

/// A handle made from a display name: "Acme Corp." -> "acme-corp".
std::string handle_from_name(std::string_view name);

}  // namespace indie
