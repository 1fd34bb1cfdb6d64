#pragma once
/// Time entries and what is computed from them: local days and weeks, billed quantities and
/// the grouped report. Pure values: the store loads entries, this code counts them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indie/core/client.hpp"
#include "indie/core/clock.hpp"
#include "indie/core/money.hpp"
#include "indie/core/time_rounding.hpp"

namespace indie {

/// The longest entry accepted without --force.
inline constexpr std::int64_t kLongEntrySeconds = 24 * 3600;

struct TimeEntry {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string project_path;  ///< acme/website, for display
  Instant start{};
  std::optional<Instant> end;  ///< none while the timer runs
  std::string zone;            ///< the time zone it was recorded in (e.g. Europe/Paris)
  std::string note;
  std::string tags;                           ///< comma-separated, as stored: "bug,urgent"
  std::optional<std::int64_t> invoice_id;     ///< set once on an invoice (draft or issued)
  std::optional<std::string> invoice_number;  ///< set when that invoice is issued: then locked
  std::optional<std::int64_t> source_key;     ///< imported rows: a fingerprint of the source row

  bool running() const { return !end.has_value(); }
  /// Its duration; a running entry counts up to `now`.
  std::int64_t seconds(Instant now) const { return ((end ? *end : now) - start).count(); }
  bool locked() const { return invoice_number.has_value(); }
  std::string billing_status() const;  ///< unbilled, draft, billed F2026-0012
};

/// The longest tag, in bytes of UTF-8: room for the tags other tools allow (Toggl and Clockify
/// take long names, which imports turn into tags), short enough to stay a tag.
inline constexpr std::size_t kMaxTagBytes = 200;
/// Tags from `--tag bug --tag urgent` or "bug,urgent": trimmed, de-duplicated, each at most
/// kMaxTagBytes with no spaces or commas. Returns the stored form "bug,urgent".
std::string normalize_tags(const std::vector<std::string>& given);
/// "bug,urgent" -> {"bug", "urgent"}.
std::vector<std::string> split_tags(std::string_view stored);

/// Weekday numbers as in C: 0 Sunday .. 6 Saturday.
int parse_weekday(std::string_view text);
std::string_view weekday_name(int weekday);

/// Local calendar days for many instants, fast: the UTC offset is looked up once per UTC day
/// (from TZ through the C library) instead of once per entry.
class LocalCalendar {
 public:
  explicit LocalCalendar(int week_start = 1) : week_start_(week_start) {}
  /// Days since 1970-01-01 of the local date of `t`.
  std::int32_t day(Instant t);
  /// First day of the week holding `day`.
  std::int32_t week(std::int32_t day) const;
  static std::int32_t month(std::int32_t day);  ///< year * 12 + month - 1
  static Date date(std::int32_t day);
  static std::string month_label(std::int32_t month);  ///< 2026-11

 private:
  int week_start_;
  std::int64_t cached_utc_day_ = INT64_MIN;
  std::int64_t cached_offset_ = 0;
  bool cached_uniform_ = false;
};

/// Billed time as an invoice quantity in the rate's unit, with 2 decimals rounded half away
/// from zero: 5400 s -> 1.50 h; 3 h at 8 h a day -> 0.38 d. Amounts are quantity x rate, so
/// the printed quantity, rate and amount always agree.
Decimal billed_quantity(std::int64_t seconds, RateUnit unit, std::int64_t seconds_per_day);
/// quantity x rate, rounded once to the currency's minor units.
Money billed_amount(const Decimal& quantity, const Rate& rate, const Currency& currency);

enum class ReportGrouping { client, project, tag, day, week, month };
ReportGrouping parse_report_grouping(std::string_view text);
std::string_view to_string(ReportGrouping g);

/// What the report needs to know of a project.
struct ProjectBilling {
  std::int64_t client_id = 0;
  std::string client_handle;
  std::string path;
  const Currency* currency = nullptr;
  std::optional<Rate> rate;
  bool billable = true;
  TimeRounding rounding;  ///< the effective policy (project, else client, else config)
};

struct ReportRow {
  std::string group;     ///< 2026-11, acme, acme/website, bug, (no tag), 2026-11-16 …
  std::string currency;  ///< every row holds one currency; totals never mix them
  std::int64_t entries = 0;
  std::int64_t raw_seconds = 0;
  std::int64_t billed_seconds = 0;
  std::optional<Money> amount;  ///< none when no project in the row has a rate
  bool total = false;           ///< a per-currency total row
};

/// Groups entries and computes raw time, billed time and amounts. Each (group, project) is
/// rounded as one invoice line covering exactly those entries would be, so a row's billed time
/// and amount are what such an invoice bills. Entries must come in start order.
class TimeReport {
 public:
  TimeReport(ReportGrouping grouping, std::map<std::int64_t, ProjectBilling> projects,
             int week_start, std::int64_t seconds_per_day);
  void add(std::int64_t project_id, Instant start, Instant end, std::string_view tags);
  /// Rows ordered by group (then currency), followed by one total row per currency.
  std::vector<ReportRow> rows() const;

 private:
  struct Unit {
    std::int64_t group;
    std::int64_t project_id;
    BilledTime billed;
  };
  std::int64_t tag_index(std::string_view tag);
  std::int64_t month_of(std::int32_t day);
  std::int32_t month_day_ = INT32_MIN;
  std::int64_t month_ = 0;
  std::string label(std::int64_t group) const;
  void add_to(std::int64_t group, std::int64_t project_id, const ProjectBilling& p,
              std::int64_t seconds, std::int32_t day);

  ReportGrouping grouping_;
  std::map<std::int64_t, ProjectBilling> projects_;
  std::vector<const ProjectBilling*> by_id_;  // projects_ indexed by id, for the hot path
  // The unit an entry of project i went to last, and its group: entries come in start order,
  // so the next entry of the same project usually goes to the same unit.
  struct LastUnit {
    std::int64_t group = INT64_MIN;
    std::size_t index = 0;
  };
  std::vector<LastUnit> last_unit_;
  std::int64_t seconds_per_day_;
  LocalCalendar calendar_;
  std::vector<Unit> units_;
  struct PairHash {
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& k) const {
      return std::hash<std::int64_t>()(k.first * 1000003 ^ k.second);
    }
  };
  std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::size_t, PairHash> unit_index_;
  std::vector<std::string> tags_;
  std::unordered_map<std::string, std::int64_t> tag_ids_;
};

}  // namespace indie
