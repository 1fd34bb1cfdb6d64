#include "indie/store/time_repo.hpp"

#include <fmt/format.h>

#include <charconv>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "statement.hpp"

namespace indie {
namespace {

constexpr std::string_view kColumns =
    "e.id, e.project_id, e.start_utc, e.end_utc, e.zone, e.note, e.tags, e.source_key, "
    "e.invoice_id, "
    "e.invoice_number";

Instant instant(std::int64_t seconds) { return Instant(std::chrono::seconds(seconds)); }
std::int64_t seconds(Instant t) { return t.time_since_epoch().count(); }

void read_entry(const Statement& q, TimeEntry& e) {
  e.id = q.integer(0);
  e.project_id = q.integer(1);
  e.start = instant(q.integer(2));
  if (q.is_null(3))
    e.end.reset();
  else
    e.end = instant(q.integer(3));
  e.zone.assign(q.text(4));
  e.note.assign(q.text(5));
  e.tags.assign(q.text(6));
  if (q.is_null(7))
    e.source_key.reset();
  else
    e.source_key = q.integer(7);
  if (q.is_null(8))
    e.invoice_id.reset();
  else
    e.invoice_id = q.integer(8);
  if (q.is_null(9))
    e.invoice_number.reset();
  else
    e.invoice_number = std::string(q.text(9));
}

void bind_entry(Statement& q, const TimeEntry& e) {
  q.bind(1, e.project_id).bind(2, seconds(e.start));
  if (e.end)
    q.bind(3, seconds(*e.end));
  else
    q.bind(3, std::optional<std::int64_t>());
  q.bind(4, e.zone).bind(5, e.note).bind(6, e.tags).bind(7, e.source_key).bind(8, e.invoice_id);
  q.bind(9, e.invoice_number);
}

// The WHERE clause of a filter; parameters are numbered ?1..?6 in a fixed order.
std::string where(const TimeFilter& f) {
  std::string sql = " WHERE 1 = 1";
  if (f.from) sql += " AND e.start_utc >= ?1";
  if (f.to) sql += " AND e.start_utc < ?2";
  if (f.project_id) sql += " AND e.project_id = ?3";
  if (f.client_id) sql += " AND e.project_id IN (SELECT id FROM project WHERE client_id = ?4)";
  if (!f.tag.empty()) sql += " AND instr(',' || e.tags || ',', ?5) > 0";
  if (f.billable) sql += " AND e.project_id IN (SELECT id FROM project WHERE billable = ?6)";
  if (f.unbilled) sql += " AND e.invoice_id IS NULL";
  if (!f.include_running) sql += " AND e.end_utc IS NOT NULL";
  return sql;
}

void bind_filter(Statement& q, const TimeFilter& f) {
  if (f.from) q.bind(1, seconds(*f.from));
  if (f.to) q.bind(2, seconds(*f.to));
  if (f.project_id) q.bind(3, *f.project_id);
  if (f.client_id) q.bind(4, *f.client_id);
  if (!f.tag.empty()) q.bind(5, "," + f.tag + ",");
  if (f.billable) q.bind(6, std::int64_t{*f.billable ? 1 : 0});
}

}  // namespace

TimeRepo::TimeRepo(Store& store) : store_(store) {}
TimeRepo::~TimeRepo() = default;

const std::string& TimeRepo::path_of(std::int64_t project_id) {
  if (paths_.empty()) {
    Statement q(handle(store_),
                "SELECT p.id, c.handle || '/' || p.handle FROM project p JOIN client c ON c.id = "
                "p.client_id");
    while (q.step()) paths_.emplace(q.integer(0), std::string(q.text(1)));
  }
  static const std::string unknown = "?";
  const auto it = paths_.find(project_id);
  return it == paths_.end() ? unknown : it->second;
}

std::int64_t TimeRepo::max_span() {
  if (max_span_ < 0) {
    Statement q(handle(store_), "SELECT max_span FROM time_stats");
    max_span_ = q.step() ? q.integer(0) : 0;
  }
  return max_span_;
}

void TimeRepo::note_span(const TimeEntry& e) {
  if (!e.end) return;
  const std::int64_t span = seconds(*e.end) - seconds(e.start);
  if (span > kLongEntrySeconds) return;  // found through the partial index instead
  if (span <= max_span()) return;
  Statement q(handle(store_), "UPDATE time_stats SET max_span = ?1 WHERE max_span < ?1");
  q.bind(1, span);
  q.run();
  max_span_ = span;
}

std::int64_t TimeRepo::insert(const TimeEntry& e) {
  note_span(e);
  Statement& q = reused(
      insert_, handle(store_),
      "INSERT INTO time_entry (project_id, start_utc, end_utc, zone, note, tags, source_key, "
      "invoice_id, invoice_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  bind_entry(q, e);
  q.run();
  return last_insert_id(store_);
}

void TimeRepo::update(const TimeEntry& e) {
  note_span(e);
  Statement q(
      handle(store_),
      "UPDATE time_entry SET project_id = ?1, start_utc = ?2, end_utc = ?3, zone = ?4, note = ?5, "
      "tags = ?6, source_key = ?7, invoice_id = ?8, invoice_number = ?9 WHERE id = ?10");
  bind_entry(q, e);
  q.bind(10, e.id);
  q.run();
}

void TimeRepo::remove(std::int64_t id) {
  Statement q(handle(store_), "DELETE FROM time_entry WHERE id = ?1");
  q.bind(1, id);
  q.run();
}

std::optional<TimeEntry> TimeRepo::find(std::int64_t id) {
  Statement q(handle(store_), fmt::format("SELECT {} FROM time_entry e WHERE e.id = ?1", kColumns));
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  TimeEntry e;
  read_entry(q, e);
  e.project_path = path_of(e.project_id);
  return e;
}

TimeEntry TimeRepo::get(std::string_view ref) {
  std::int64_t id = 0;
  const auto [p, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), id);
  if (ec != std::errc() || p != ref.data() + ref.size() || id <= 0)
    throw invalid_input(fmt::format(
        "'{}' is not a time entry id; ids are the numbers `indie time list` shows", ref));
  if (auto e = find(id)) return *e;
  throw not_found(fmt::format("no time entry {}. List them with: indie time list", id));
}

std::optional<TimeEntry> TimeRepo::running() {
  Statement q(handle(store_),
              fmt::format("SELECT {} FROM time_entry e WHERE e.end_utc IS NULL", kColumns));
  if (!q.step()) return std::nullopt;
  TimeEntry e;
  read_entry(q, e);
  e.project_path = path_of(e.project_id);
  return e;
}

std::optional<TimeEntry> TimeRepo::last() {
  Statement q(
      handle(store_),
      fmt::format("SELECT {} FROM time_entry e ORDER BY e.start_utc DESC, e.id DESC LIMIT 1",
                  kColumns));
  if (!q.step()) return std::nullopt;
  TimeEntry e;
  read_entry(q, e);
  e.project_path = path_of(e.project_id);
  return e;
}

// Three index-backed branches, so a check costs microseconds with a million entries: entries
// of at most a day start at most the longest such entry (time_stats) before `start`; longer
// ones are in a small partial index; a running timer lasts until `now`. INDEXED BY pins the partial
// indexes: left alone, the planner scans the covering start index instead, which made a 1M-row
// import quadratic.
std::optional<TimeEntry> TimeRepo::overlapping(Instant start, Instant end, Instant now,
                                               std::int64_t except) {
  Statement& q =
      reused(overlap_, handle(store_),
             "SELECT id FROM time_entry WHERE start_utc > ?1 - ?5 AND start_utc < ?2 "
             "  AND coalesce(end_utc, ?3) > ?1 AND id <> ?4 "
             "UNION ALL SELECT id FROM time_entry INDEXED BY time_entry_long "
             "  WHERE end_utc - start_utc > 86400 AND start_utc < ?2 AND end_utc > ?1 AND id <> ?4 "
             "UNION ALL SELECT id FROM time_entry INDEXED BY time_entry_one_timer "
             "  WHERE end_utc IS NULL AND start_utc < ?2 "
             "  AND ?3 > ?1 AND id <> ?4 LIMIT 1");
  q.bind(1, seconds(start))
      .bind(2, seconds(end))
      .bind(3, seconds(now))
      .bind(4, except)
      .bind(5, max_span());
  if (!q.step()) return std::nullopt;
  const std::int64_t id = q.integer(0);
  q.reset();
  return find(id);
}

bool TimeRepo::has_source_key(std::int64_t source_key) {
  Statement& q =
      reused(keyed_, handle(store_), "SELECT 1 FROM time_entry WHERE source_key = ?1 LIMIT 1");
  q.bind(1, source_key);
  const bool found = q.step();
  q.reset();
  return found;
}

std::int64_t TimeRepo::count_same(std::int64_t project_id, Instant start, Instant end,
                                  std::string_view note, std::int64_t up_to_id) {
  // The covering start index finds the few entries of that start; the note is read from them.
  Statement& q = reused(same_, handle(store_),
                        "SELECT count(*) FROM time_entry WHERE start_utc = ?1 AND end_utc = ?2 "
                        "AND project_id = ?3 AND note = ?4 AND id <= ?5");
  q.bind(1, seconds(start))
      .bind(2, seconds(end))
      .bind(3, project_id)
      .bind(4, note)
      .bind(5, up_to_id);
  q.step();
  const std::int64_t n = q.integer(0);
  q.reset();
  return n;
}

std::int64_t TimeRepo::max_id() {
  Statement q(handle(store_), "SELECT coalesce(max(id), 0) FROM time_entry");
  q.step();
  return q.integer(0);
}

std::map<std::int64_t, ProjectBilling> TimeRepo::project_billing(const TimeRounding& fallback) {
  Statement q(
      handle(store_),
      "SELECT p.id, p.client_id, c.handle, c.handle || '/' || p.handle, p.currency, p.rate_minor, "
      "p.rate_unit, p.billable, p.rounding, c.rounding FROM project p JOIN client c ON c.id = "
      "p.client_id");
  std::map<std::int64_t, ProjectBilling> out;
  while (q.step()) {
    ProjectBilling b;
    b.client_id = q.integer(1);
    b.client_handle = q.text(2);
    b.path = q.text(3);
    b.currency = &currency(q.text(4), true);
    if (!q.is_null(5))
      b.rate = Rate{Decimal(q.integer(5), b.currency->minor_units),
                    q.text(6) == "d" ? RateUnit::day : RateUnit::hour};
    b.billable = q.integer(7) != 0;
    b.rounding = !q.is_null(8)   ? TimeRounding::parse(q.text(8))
                 : !q.is_null(9) ? TimeRounding::parse(q.text(9))
                                 : fallback;
    out.emplace(q.integer(0), std::move(b));
  }
  return out;
}

void TimeRepo::for_each(const TimeFilter& filter, const std::function<void(const TimeEntry&)>& fn) {
  Statement q(handle(store_),
              fmt::format("SELECT {} FROM time_entry e{} ORDER BY e.start_utc, e.id", kColumns,
                          where(filter)));
  bind_filter(q, filter);
  TimeEntry e;
  while (q.step()) {
    read_entry(q, e);
    e.project_path = path_of(e.project_id);
    fn(e);
  }
}

void TimeRepo::for_each_span(
    const TimeFilter& filter, bool with_tags,
    const std::function<void(std::int64_t, Instant, Instant, std::string_view)>& fn) {
  TimeFilter f = filter;
  f.include_running = false;
  // Without tags the (start, end, project) index covers the query: the table is not read.
  const bool tags = with_tags || !f.tag.empty();
  Statement q(
      handle(store_),
      fmt::format(
          "SELECT e.project_id, e.start_utc, e.end_utc{} FROM time_entry e{} ORDER BY e.start_utc",
          tags ? ", e.tags" : "", where(f)));
  bind_filter(q, f);
  while (q.step())
    fn(q.integer(0), instant(q.integer(1)), instant(q.integer(2)),
       tags ? q.text(3) : std::string_view());
}

}  // namespace indie
