#pragma once
/// The rules every time entry obeys, whether typed, timed or edited: a span above zero and
/// under 24 hours (unless forced), no overlap (unless allowed), billed entries locked, one line
/// of note, and where an entry given only as a duration goes.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "indie/core/clock.hpp"
#include "indie/core/timesheet.hpp"

namespace indie {

struct SpanRules {
  bool force = false;          ///< allow more than 24 hours
  bool allow_overlap = false;  ///< allow overlapping another entry
};
/// Refuses an empty or negative span, one over 24 h without `force`, and one overlapping
/// `overlapping` (the first other entry it overlaps, if any) without `allow_overlap`.
void check_span(Instant start, Instant end, SpanRules rules,
                const std::optional<TimeEntry>& overlapping);

/// Refuses changing an entry that an invoice bills, naming the invoice and the way out.
void require_unbilled(const TimeEntry& entry, std::string_view action);
/// A note is one line of printable text.
void check_note(std::string_view note);
/// "fix login (acme/website)" for messages.
std::string describe(const TimeEntry& entry);

/// `09:00-12:30` on `day`, with `+1` on the end for the next day (`22:00-01:30+1`), read in the
/// local zone.
std::pair<Instant, Instant> parse_time_range(std::string_view range, Date day);
/// True for text shaped like a time range (`09:00-12:30`, `22:00-01:30+1`), so a range given
/// together with --duration is refused instead of becoming the note.
bool looks_like_time_range(std::string_view text);
/// Where an entry given only as a duration starts on `day`: where the day's last entry ended,
/// else at 09:00 local time.
Instant duration_start(Date day, std::optional<Instant> last_end_that_day);

}  // namespace indie
