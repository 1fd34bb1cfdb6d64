#include "indie/core/time_import.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "indie/core/csv.hpp"
#include "indie/core/date_format.hpp"
#include "indie/core/error.hpp"
#include "indie/core/suggest.hpp"
#include "indie/core/text.hpp"
#include "indie/core/timesheet.hpp"

namespace indie {
namespace {

// FNV-1a, 64 bits: stable across runs and machines (std::hash is neither), and plenty to
// tell a million rows apart.
class Fingerprint {
 public:
  Fingerprint& add(std::string_view s) {
    for (const char c : s) {
      h_ ^= static_cast<unsigned char>(c);
      h_ *= 1099511628211ULL;
    }
    h_ ^= 0x1f;  // a separator, so ("ab","c") differs from ("a","bc")
    h_ *= 1099511628211ULL;
    return *this;
  }
  Fingerprint& add(std::int64_t v) { return add(std::to_string(v)); }
  std::int64_t value() const { return static_cast<std::int64_t>(h_ & 0x7fffffffffffffffULL); }

 private:
  std::uint64_t h_ = 14695981039346656037ULL;
};

std::int64_t seconds(Instant t) { return t.time_since_epoch().count(); }

// Gives each row its key. The fields are those of the first versions (so a file imported then
// gives the same keys now), then the user when the export names one, then the row's rank among
// identical rows of the file: the second "09:00-10:00 acme/site Meeting" of a file is a row of
// its own, not a copy of the first.
class RowKeys {
 public:
  void finish(ImportedEntry& e, TimeSource format) {
    Fingerprint f;
    for (const auto& c : e.project_candidates) f.add(c);
    f.add(to_string(format))
        .add(e.client)
        .add(e.project)
        .add(seconds(e.start))
        .add(seconds(e.end))
        .add(e.note);
    if (!e.user.empty()) f.add(e.user);
    std::int64_t key = f.value();
    if (!first_time(key)) key = f.add("#").add(++repeats_[key] + 1).value();
    e.source_key = key;
  }

 private:
  // Keys seen, in an open-addressing table (8 bytes a row: a million-row import holds 16 MB,
  // where a node-based set held 40), and how often a repeated key came back.
  bool first_time(std::int64_t key) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const auto stored = static_cast<std::uint64_t>(key) + 1;  // keys are >= 0: never 0
    for (std::size_t i = slot_of(stored);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == stored) return false;
      if (slots_[i] == 0) {
        slots_[i] = stored;
        ++used_;
        return true;
      }
    }
  }
  std::size_t slot_of(std::uint64_t stored) const {
    return static_cast<std::size_t>((stored * 0x9E3779B97F4A7C15ULL) >> 20) & (slots_.size() - 1);
  }
  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    for (const auto stored : old)
      if (stored != 0) {
        std::size_t i = slot_of(stored);
        while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = stored;
      }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t used_ = 0;
  std::unordered_map<std::int64_t, std::uint32_t> repeats_;
};

// The project a row names by `--project CLIENT/PROJECT`.
void use_default_project(ImportedEntry& e, std::string_view path) {
  e.project = std::string(path);
  e.client.clear();
  if (const auto slash = e.project.find('/'); slash != std::string::npos) {
    e.client = e.project.substr(0, slash);
    e.project = e.project.substr(slash + 1);
  }
}

// ---- timewarrior ---------------------------------------------------------------------------

// 20261120T080000Z
Instant parse_timew_instant(std::string_view s) {
  if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z')
    throw invalid_input(fmt::format("'{}' is not a timewarrior time such as 20261120T080000Z", s));
  const std::string iso =
      fmt::format("{}-{}-{}T{}:{}:{}Z", s.substr(0, 4), s.substr(4, 2), s.substr(6, 2),
                  s.substr(9, 2), s.substr(11, 2), s.substr(13, 2));
  return parse_instant(iso);
}

// The line on which each top-level object of a JSON array starts, for error messages.
std::vector<std::size_t> object_lines(std::string_view text) {
  std::vector<std::size_t> lines;
  std::size_t line = 1;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (depth == 1 && c == '{') lines.push_back(line);
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return lines;
}

// nlohmann's parse errors ("[json.exception.parse_error.101] parse error at line 3, column 1:
// syntax error while parsing array - unexpected '{'; expected ']'; last read: '{'") in the words
// of someone who opened the file in an editor.
std::string plain_json_error(std::string_view what) {
  std::string s(what);
  if (const auto colon = s.find(": "); colon != std::string::npos) s.erase(0, colon + 2);
  if (const auto last = s.find("; last read"); last != std::string::npos) s.erase(last);
  if (const auto dash = s.find(" - "); dash != std::string::npos) s.erase(0, dash + 3);
  if (s.find("unexpected end of input") != std::string::npos)
    return "the file ends too early (a [ or { is not closed, or the file was cut short)";
  if (s.find("forbidden character after backslash") != std::string::npos)
    return "a backslash in a string is followed by a character JSON does not allow (a "
           "backslash itself is written \\\\)";
  if (s.find("control character") != std::string::npos)
    return "a string holds a raw control character such as a tab or a line break (JSON writes "
           "them \\t and \\n)";
  if (s.find("surrogate") != std::string::npos || s.find("\\u") != std::string::npos)
    return "a string holds a broken \\u escape";
  if (s.find("invalid literal") != std::string::npos)
    return "a word JSON does not know (text must be in double quotes; true, false and null are "
           "its only words)";
  if (s.find("unexpected") != std::string::npos && s.find("expected") != std::string::npos) {
    // "unexpected '{'; expected ']'": a missing comma or bracket.
    const auto quote = s.find('\'');
    const auto end = s.find('\'', quote + 1);
    const std::string found = quote != std::string::npos && end != std::string::npos
                                  ? s.substr(quote, end - quote + 1)
                                  : "this";
    return fmt::format(
        "{} comes where a comma or a closing bracket was expected (is a comma "
        "missing?)",
        found);
  }
  if (s.find("syntax error") != std::string::npos || s.empty()) return "the text here is not JSON";
  return s;
}

ImportSummary read_timewarrior(std::string_view text, std::string_view source,
                               const TimeImportOptions& options,
                               const std::function<void(const ImportedEntry&)>& fn) {
  if (const auto bad = invalid_utf8_at(text))
    throw invalid_input(
        fmt::format("{}:{}: byte 0x{:02X} is not UTF-8; give the output of `timew export`", source,
                    line_column(text, *bad), static_cast<unsigned char>(text[*bad])));
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error while
    // parsing value - invalid literal; last read: 'tru,'": keep the plain words in the middle.
    const std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    throw invalid_input(
        fmt::format("{}:{}: this is not the JSON `timew export` writes: {}. Export again with "
                    "`timew export > file.json`, or mend the file there",
                    source, line_column(text, at), plain_json_error(e.what())));
  } catch (const nlohmann::json::exception& e) {
    // A number beyond what a double holds: "number overflow parsing '1e400'".
    const std::string what = e.what();
    const auto open = what.find('\''), close = what.rfind('\'');
    const std::string number =
        open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
    const auto at = number.empty() ? std::string_view::npos : text.find(number);
    throw invalid_input(
        fmt::format("{}{}: the number {} is too large; give the output of `timew export`", source,
                    at == std::string_view::npos ? "" : ":" + line_column(text, at),
                    number.empty() ? "in the file" : number));
  }
  if (!doc.is_array())
    throw invalid_input(fmt::format(
        "{}:1: a timewarrior export is a JSON array of intervals, as `timew export` prints",
        source));
  const auto lines = object_lines(text);
  ImportSummary summary;
  RowKeys keys;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const std::size_t line = i < lines.size() ? lines[i] : 0;
    const auto fail = [&](const std::string& what) -> Error {
      return invalid_input(fmt::format("{}:{}: {}", source, line, what));
    };
    const auto& item = doc[i];
    if (!item.is_object()) throw fail("expected an interval object");
    if (!item.contains("start") || !item["start"].is_string())
      throw fail("the interval has no \"start\"");
    if (!item.contains("end")) {
      ++summary.open_skipped;  // still running in timewarrior: import it once it is stopped
      continue;
    }
    std::vector<std::string> tags;
    if (item.contains("tags")) {
      if (!item["tags"].is_array()) throw fail("\"tags\" must be an array");
      for (const auto& t : item["tags"]) {
        if (!t.is_string()) throw fail("\"tags\" must hold strings");
        tags.push_back(t.get<std::string>());
      }
    }
    if (tags.empty() && options.default_project.empty())
      throw fail(
          "the interval has no tag, so nothing names its project; tag it in timewarrior, or give "
          "--project CLIENT/PROJECT for intervals without tags");
    ImportedEntry e;
    e.line = line;
    try {
      e.start = parse_timew_instant(item["start"].get<std::string>());
      e.end = parse_timew_instant(item["end"].is_string() ? item["end"].get<std::string>() : "");
      if (tags.empty())
        use_default_project(e, options.default_project);
      else
        e.project_candidates = tags;
      if (item.contains("annotation") && item["annotation"].is_string())
        e.note = item["annotation"].get<std::string>();
    } catch (const Error& err) {
      throw fail(err.what());
    }
    keys.finish(e, TimeSource::timewarrior);
    ++summary.rows;
    fn(e);
  }
  return summary;
}

// ---- CSV formats ---------------------------------------------------------------------------

struct Columns {
  std::map<std::string, std::size_t> index;  // lower-case header name -> position
  std::string_view source;

  std::optional<std::size_t> find(std::string_view name) const {
    const auto it = index.find(to_lower(name));
    if (it == index.end()) return std::nullopt;
    return it->second;
  }
};

Columns read_header(const CsvRecord& header, TimeSource format, std::string_view source,
                    std::span<const std::string_view> required) {
  Columns c;
  c.source = source;
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    c.index[to_lower(trim(header.fields[i]))] = i;
  std::vector<std::string> missing;
  for (const auto name : required)
    if (!c.find(name)) missing.emplace_back(name);
  if (!missing.empty()) {
    std::vector<std::string> all(required.begin(), required.end());
    throw invalid_input(
        fmt::format("{}:{}: this is not {}'s CSV: the header has no {} column{}. Expected the "
                    "columns {} (check --from)",
                    source, header.line, to_string(format), join(missing, ", "),
                    missing.size() == 1 ? "" : "s", join(all, ", ")));
  }
  return c;
}

// The date columns of a Toggl or Clockify export: ISO (2026-11-20), dotted and day-first
// (20.11.2026), or slashed in the order the user's locale gave (11/20/2026 or 20/11/2026), which
// the file does not say. The order is found from every date of the file, the first time a
// slashed date is met, so ISO files are read once only.
class ExportDates {
 public:
  ExportDates(std::string_view text, std::string_view source, std::string_view format)
      : text_(text), source_(source), format_(format) {}

  Date read(std::string_view field) {
    const std::string_view s = trim(field);
    if (!format_.empty()) {
      const auto d = parse_date_time(s, format_);
      if (!d || d->seconds)
        throw invalid_input(
            fmt::format("'{}' is not a date written {} (--date-format)", s, format_));
      return d->date;
    }
    if (s.size() == 10 && s[4] == '-') return checked(s, "%Y-%m-%d", "a date such as 2026-11-20");
    if (s.find('.') != std::string_view::npos)
      return checked(s, "%d.%m.%Y", "a date such as 20.11.2026");
    const char sep = s.find('/') != std::string_view::npos ? '/' : '-';
    if (!day_first_) day_first_ = decide_order();
    const std::string f =
        *day_first_ ? fmt::format("%d{0}%m{0}%Y", sep) : fmt::format("%m{0}%d{0}%Y", sep);
    return checked(s, f,
                   fmt::format("a {} date such as {}", *day_first_ ? "day-first" : "month-first",
                               *day_first_ ? "20/11/2026" : "11/20/2026"));
  }

 private:
  Date checked(std::string_view s, std::string_view f, std::string_view example) {
    const auto d = parse_date_time(s, f);
    if (!d)
      throw invalid_input(fmt::format(
          "'{}' is not {}; if the export writes its dates otherwise, give --date-format", s,
          example));
    return d->date;
  }

  bool decide_order() {
    DateOrderDetector detector;
    std::vector<std::size_t> columns;
    for_each_csv_record(text_, source_, ',', [&](const CsvRecord& rec) {
      if (columns.empty()) {
        for (std::size_t i = 0; i < rec.fields.size(); ++i) {
          const std::string name = to_lower(trim(rec.fields[i]));
          if (name == "start date" || name == "end date") columns.push_back(i);
        }
        if (columns.empty()) columns.push_back(rec.fields.size());  // no date column: no row
        return;
      }
      for (const std::size_t c : columns)
        if (c < rec.fields.size()) detector.add(rec.fields[c]);
    });
    switch (detector.order()) {
      case DateOrderDetector::Order::month_first:
        return false;
      case DateOrderDetector::Order::ambiguous:
        throw invalid_input(fmt::format(
            "the file's dates could be day-first or month-first ('{}' is {} or {}) and no day "
            "above 12 tells which; give --date-format %d/%m/%Y or --date-format %m/%d/%Y",
            detector.witness(), spelled(detector.witness(), true),
            spelled(detector.witness(), false)));
      case DateOrderDetector::Order::contradictory:
        throw invalid_input(fmt::format(
            "the file's dates are day-first in places ('{}') and month-first in others ('{}'); "
            "export the file again with one date format, or give --date-format",
            detector.witness(), detector.month_first_witness()));
      default:
        return true;  // day-first, or every date reads the same either way (01/01/2026)
    }
  }

  // "3 April 2026" / "March 4, 2026" for the two readings of 03/04/2026.
  static std::string spelled(std::string_view s, bool day_first) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    const char sep = s.find('/') != std::string_view::npos ? '/' : '-';
    const auto parts = split(s, sep);
    if (parts.size() != 3) return std::string(s);
    const int a = std::atoi(parts[0].c_str()), b = std::atoi(parts[1].c_str());
    const int day = day_first ? a : b, month = day_first ? b : a;
    if (month < 1 || month > 12) return std::string(s);
    return day_first ? fmt::format("{} {} {}", day, kMonths[static_cast<std::size_t>(month - 1)],
                                   parts[2])
                     : fmt::format("{} {}, {}", kMonths[static_cast<std::size_t>(month - 1)], day,
                                   parts[2]);
  }

  std::string_view text_, source_;
  std::string format_;
  std::optional<bool> day_first_;
};

// 09:05:00, 9:05, 09:05:00 PM.
std::int64_t parse_export_time(std::string_view s) {
  s = trim(s);
  std::string upper = to_upper(s);
  int shift = -1;
  if (upper.ends_with("AM"))
    shift = 0;
  else if (upper.ends_with("PM"))
    shift = 12;
  if (shift < 0) return parse_time_of_day(s);
  std::int64_t t = parse_time_of_day(trim(s.substr(0, s.size() - 2)));
  const std::int64_t hour = t / 3600;
  if (hour < 1 || hour > 12) throw invalid_input(fmt::format("'{}' is not a 12-hour time", s));
  if (hour == 12) t -= 12 * 3600;  // 12:30 AM is 00:30; 12:30 PM is 12:30
  return t + shift * 3600;
}

ImportSummary read_csv_format(std::string_view text, TimeSource format, std::string_view source,
                              const TimeImportOptions& options,
                              const std::function<void(const ImportedEntry&)>& fn) {
  static constexpr std::array<std::string_view, 3> kIndie = {"start", "end", "project"};
  static constexpr std::array<std::string_view, 6> kToggl = {
      "Project", "Description", "Start date", "Start time", "End date", "End time"};
  static constexpr std::array<std::string_view, 6> kClockify = {
      "Project", "Description", "Start Date", "Start Time", "End Date", "End Time"};
  std::span<const std::string_view> required;
  if (format == TimeSource::indie)
    required = kIndie;
  else if (format == TimeSource::toggl)
    required = kToggl;
  else
    required = kClockify;

  ImportSummary summary;
  RowKeys keys;
  ExportDates dates(text, source, options.date_format);
  std::optional<Columns> cols;
  std::vector<std::pair<std::string_view, std::optional<std::size_t>>> positions;
  for_each_csv_record(text, source, ',', [&](const CsvRecord& rec) {
    if (!cols) {
      cols = read_header(rec, format, source, required);
      if (format == TimeSource::indie) {
        static const std::vector<std::string> known = {"id",      "start",   "end",  "duration",
                                                       "seconds", "project", "note", "tags",
                                                       "status",  "zone"};
        for (std::size_t i = 0; i < rec.fields.size(); ++i) {
          const std::string name = to_lower(trim(rec.fields[i]));
          if (std::find(known.begin(), known.end(), name) == known.end())
            throw invalid_input(
                fmt::format("{}:{}:{}: unknown column '{}'.{} The columns are those of indie time "
                            "list --format csv",
                            source, rec.line, i + 1, rec.fields[i], did_you_mean(name, known)));
        }
      }
      return;
    }
    // Column positions are looked up once per name (names are literals: same pointer).
    const auto field = [&](std::string_view name) -> std::string_view {
      for (const auto& [known, at] : positions)
        if (known.data() == name.data())
          return at ? std::string_view(rec.fields[*at]) : std::string_view();
      const auto at = cols->find(name);
      positions.emplace_back(name, at);
      return at ? std::string_view(rec.fields[*at]) : std::string_view();
    };
    ImportedEntry e;
    e.line = rec.line;
    std::string_view current;
    try {
      if (format == TimeSource::indie) {
        current = "start";
        e.start = parse_instant(field("start"));
        current = "end";
        if (trim(field("end")).empty())
          throw invalid_input("the entry has no end (a running timer is not exported)");
        e.end = parse_instant(field("end"));
        current = "project";
        e.project = std::string(trim(field("project")));
        if (const auto slash = e.project.find('/'); slash != std::string::npos) {
          e.client = e.project.substr(0, slash);
          e.project = e.project.substr(slash + 1);
        }
        e.note = std::string(field("note"));
        current = "tags";
        e.tags = normalize_tags({std::string(field("tags"))});
      } else {
        const bool toggl = format == TimeSource::toggl;
        current = toggl ? "Start date" : "Start Date";
        const Date start_day = dates.read(field(current));
        current = toggl ? "Start time" : "Start Time";
        e.start = local_to_instant(start_day, parse_export_time(field(current)));
        current = toggl ? "End date" : "End Date";
        const Date end_day = dates.read(field(current));
        current = toggl ? "End time" : "End Time";
        e.end = local_to_instant(end_day, parse_export_time(field(current)));
        e.client = std::string(trim(field("Client")));
        e.project = std::string(trim(field("Project")));
        e.note = std::string(field("Description"));
        // A task is part of what was done: kept in the note rather than dropped.
        if (const std::string_view task = trim(field("Task")); !task.empty())
          e.note = e.note.empty() ? std::string(task) : fmt::format("{}: {}", task, e.note);
        const std::string_view user = trim(field("User")), email = trim(field("Email"));
        if (!user.empty() || !email.empty()) e.user = fmt::format("{} <{}>", user, email);
        current = "Tags";
        e.tags = tags_from_other_tool(split(field("Tags"), ','));
      }
      current = "Project";
      if (e.project.empty() && !options.default_project.empty())
        use_default_project(e, options.default_project);
      if (e.project.empty())
        throw invalid_input(
            "the row has no project; give --project CLIENT/PROJECT for rows without one");
    } catch (const Error& err) {
      throw invalid_input(fmt::format("{}:{} ({}): {}", source, rec.line, current, err.what()));
    }
    keys.finish(e, format);
    ++summary.rows;
    fn(e);
  });
  if (!cols)
    throw invalid_input(fmt::format("{}: the file is empty; it needs a header row", source));
  return summary;
}

}  // namespace

TimeSource parse_time_source(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "indie") return TimeSource::indie;
  if (t == "timewarrior" || t == "timew") return TimeSource::timewarrior;
  if (t == "toggl") return TimeSource::toggl;
  if (t == "clockify") return TimeSource::clockify;
  throw usage_error(
      fmt::format("unknown import format '{}': use indie, timewarrior, toggl or clockify.{}", text,
                  did_you_mean(t, {"indie", "timewarrior", "toggl", "clockify"})));
}

std::string_view to_string(TimeSource s) {
  static constexpr std::array names = {"indie", "timewarrior", "toggl", "clockify"};
  return names[static_cast<std::size_t>(s)];
}

ImportSummary read_time_import(std::string_view text, TimeSource format, std::string_view source,
                               const TimeImportOptions& options,
                               const std::function<void(const ImportedEntry&)>& fn) {
  if (!options.date_format.empty()) {
    if (format == TimeSource::timewarrior || format == TimeSource::indie)
      throw usage_error(fmt::format(
          "--date-format is for CSV exports that write dates their own way (toggl, clockify); "
          "{} files have ISO dates",
          to_string(format)));
    check_date_format(options.date_format);
  }
  if (format == TimeSource::timewarrior) return read_timewarrior(text, source, options, fn);
  return read_csv_format(text, format, source, options, fn);
}

std::string tags_from_other_tool(const std::vector<std::string>& raw) {
  std::vector<std::string> cleaned;
  for (const auto& raw_tag : raw) {
    std::string t(trim(raw_tag));
    for (char& c : t)
      if (c == ' ' || c == '\t' || c == ',') c = '-';
    cleaned.push_back(std::move(t));
  }
  return normalize_tags(cleaned);
}

std::string handle_from_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 128)
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 32) out.resize(32);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "imported" : out;
}

}  // namespace indie
