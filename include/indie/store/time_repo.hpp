#pragma once
/// Loading and saving time entries.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "indie/core/timesheet.hpp"
#include "indie/store/store.hpp"

namespace indie {

class Statement;

/// Which entries a listing or report reads. Times are instants; an entry belongs to the range
/// its start is in.
struct TimeFilter {
  std::optional<Instant> from;  ///< start >= from
  std::optional<Instant> to;    ///< start < to
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> project_id;
  std::string tag;
  std::optional<bool> billable;  ///< the project's billable flag
  bool unbilled = false;         ///< not on any invoice yet
  bool include_running = true;
};

class TimeRepo {
 public:
  explicit TimeRepo(Store& store);
  ~TimeRepo();

  std::int64_t insert(const TimeEntry& entry);
  void update(const TimeEntry& entry);
  void remove(std::int64_t id);
  std::optional<TimeEntry> find(std::int64_t id);
  /// Like find, but throws not_found with what to do.
  TimeEntry get(std::string_view ref);
  std::optional<TimeEntry> running();
  /// The entry that started last, running or not.
  std::optional<TimeEntry> last();
  /// An entry other than `except` that overlaps [start, end); a running one lasts until `now`.
  std::optional<TimeEntry> overlapping(Instant start, Instant end, Instant now,
                                       std::int64_t except = 0);
  /// Whether an entry was imported from this source row before.
  bool has_source_key(std::int64_t source_key);
  /// How many entries with an id up to `up_to_id` have this project, start, end and note: rows
  /// entered by hand or imported by an older indie, which a re-import must not copy again.
  std::int64_t count_same(std::int64_t project_id, Instant start, Instant end,
                          std::string_view note, std::int64_t up_to_id);
  /// The largest entry id so far (0 when none).
  std::int64_t max_id();
  /// What the report needs of every project, with its effective rounding policy: the
  /// project's, else its client's, else `fallback` (the config's).
  std::map<std::int64_t, ProjectBilling> project_billing(const TimeRounding& fallback);
  /// Entries in start order. One TimeEntry is reused from row to row.
  void for_each(const TimeFilter& filter, const std::function<void(const TimeEntry&)>& fn);
  /// Only what reports need (project, start, end, and tags when `with_tags`), in start order;
  /// running entries are skipped.
  void for_each_span(
      const TimeFilter& filter, bool with_tags,
      const std::function<void(std::int64_t, Instant, Instant, std::string_view)>& fn);

  /// acme/website for a project id (all paths are read once per repository).
  const std::string& path_of(std::int64_t project_id);

 private:
  /// Keeps time_stats.max_span, the overlap check's look-back, at least as long as `e`.
  void note_span(const TimeEntry& e);
  std::int64_t max_span();

  Store& store_;
  std::unordered_map<std::int64_t, std::string> paths_;
  std::unique_ptr<Statement> insert_, keyed_, same_, overlap_;
  std::int64_t max_span_ = -1;  // time_stats.max_span once read
};

}  // namespace indie
