#include "indie/core/time_entry.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "indie/core/duration.hpp"
#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {

void check_span(Instant start, Instant end, SpanRules rules,
                const std::optional<TimeEntry>& other) {
  const auto seconds = (end - start).count();
  if (seconds < 0)
    throw invalid_input(
        fmt::format("the end ({}) is before the start ({}); to run past midnight write the end "
                    "as 01:30+1, or give --duration",
                    format_instant_local(end), format_instant_local(start)));
  if (seconds == 0)
    throw invalid_input("the entry would last 0 minutes; a time entry needs a duration above zero");
  if (seconds > kLongEntrySeconds && !rules.force)
    throw invalid_input(
        fmt::format("the entry would last {} (over 24 hours); check the times, or add --force "
                    "if it is right",
                    format_duration_hm(seconds)));
  if (rules.allow_overlap || !other) return;
  throw conflict(
      fmt::format("it overlaps entry {} ({}, {} - {}); change the times, or add --allow-overlap",
                  other->id, describe(*other), format_instant_local(other->start),
                  other->end ? format_time_of_day(*other->end) : std::string("running")));
}

void require_unbilled(const TimeEntry& e, std::string_view action) {
  if (e.invoice_number)
    throw conflict(fmt::format(
        "time entry {} is billed on invoice {} and cannot be {}; correct the invoice with "
        "a credit note",
        e.id, *e.invoice_number, action));
  if (e.invoice_id)
    throw conflict(
        fmt::format("time entry {} is on draft invoice {} and cannot be {}; take it off the draft "
                    "first (indie invoice rm {})",
                    e.id, *e.invoice_id, action, *e.invoice_id));
}

void check_note(std::string_view note) {
  if (!is_printable_utf8(note))
    throw invalid_input("the note has control characters; keep it to one line of text");
}

std::string describe(const TimeEntry& e) {
  return e.note.empty() ? e.project_path : fmt::format("{} \"{}\"", e.project_path, e.note);
}

std::pair<Instant, Instant> parse_time_range(std::string_view range, Date day) {
  const auto dash = range.find('-');
  if (dash == std::string_view::npos)
    throw invalid_input(fmt::format(
        "'{}' is not a time range; write it as 09:00-12:30, or give --duration 2h15m", range));
  std::string_view end = range.substr(dash + 1);
  int next_days = 0;
  if (end.ends_with("+1")) {
    next_days = 1;
    end.remove_suffix(2);
  }
  const Instant start = typed_local_to_instant(day, parse_time_of_day(range.substr(0, dash)));
  const Date end_day(std::chrono::sys_days(day) + std::chrono::days(next_days));
  return {start, typed_local_to_instant(end_day, parse_time_of_day(end))};
}

bool looks_like_time_range(std::string_view t) {
  if (t.ends_with("+1")) t.remove_suffix(2);
  const auto dash = t.find('-');
  if (dash == std::string_view::npos) return false;
  const auto clock = [](std::string_view part) {
    const auto colon = part.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || part.size() - colon - 1 != 2)
      return false;
    return std::all_of(part.begin(), part.end(),
                       [](char c) { return c == ':' || (c >= '0' && c <= '9'); });
  };
  return clock(t.substr(0, dash)) && clock(t.substr(dash + 1));
}

Instant duration_start(Date day, std::optional<Instant> last_end) {
  return last_end ? *last_end : local_to_instant(day, 9 * 3600);
}

}  // namespace indie
