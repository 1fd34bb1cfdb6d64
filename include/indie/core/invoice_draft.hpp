#pragma once
/// Turning tracked time into a draft's lines: one line per project (or per project and day, or
/// per entry), billed time rounded by each project's policy, at its rate, with the period the
/// line covers and the entries it bills. Raw entries are never changed: billed time is derived.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/invoice.hpp"
#include "indie/core/timesheet.hpp"

namespace indie {

enum class LineGrouping { project, day, entry };
/// project, day or entry; throws usage_error otherwise.
LineGrouping parse_grouping(std::string_view text);

/// A line of the draft and the time entries it bills.
struct DraftLine {
  InvoiceLine line;
  std::vector<std::int64_t> entries;
};

/// What finish() did besides the lines it handed over.
struct DraftSummary {
  std::int64_t lines = 0;    ///< lines handed to the sink
  std::int64_t entries = 0;  ///< time entries they bill
  /// "acme/us (USD)" -> entries left out because they are in another currency.
  std::map<std::string, std::int64_t> other_currency;
  /// Lines whose time rounds down to nothing: their entries stay unbilled.
  std::int64_t rounded_away = 0;
};

/// Collects finished, billable, unbilled entries (in start order) into the lines of a draft in
/// `currency`. `billing` and `names` describe every project the entries may belong to.
class DraftBuilder {
 public:
  DraftBuilder(const Currency& currency, LineGrouping grouping,
               const std::map<std::int64_t, ProjectBilling>& billing,
               const std::map<std::int64_t, std::string>& names, LocalCalendar calendar,
               std::int64_t seconds_per_day, Decimal vat_rate);
  void add(const TimeEntry& entry);
  /// Hands each line to `sink`, by project name then day, positioned 1, 2 … (one at a time, so
  /// ten thousand lines are never held twice). Throws invalid_input naming the projects that
  /// have time but no rate, before any line is handed over.
  DraftSummary finish(const std::function<void(const DraftLine&)>& sink);

 private:
  struct Pending {
    std::int64_t project_id = 0;
    std::string description;
    BilledTime billed;
    std::int32_t first_day, last_day;
    std::vector<std::int64_t> entries;
  };
  const Currency& currency_;
  LineGrouping grouping_;
  const std::map<std::int64_t, ProjectBilling>& billing_;
  const std::map<std::int64_t, std::string>& names_;
  LocalCalendar calendar_;
  std::int64_t seconds_per_day_;
  Decimal vat_rate_;
  std::vector<Pending> pending_;
  std::map<std::pair<std::int64_t, std::int64_t>, std::size_t>
      index_;  // (project, day or entry) -> line
  std::map<std::string, std::int64_t> other_currency_;
  std::vector<std::string> no_rate_;
};

}  // namespace indie
