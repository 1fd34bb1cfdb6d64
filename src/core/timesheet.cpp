#include "indie/core/timesheet.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <tuple>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t utc_offset(std::int64_t t) {
  const auto tt = static_cast<std::time_t>(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  return tm.tm_gmtoff;
}

constexpr std::array kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday"};

}  // namespace

std::string TimeEntry::billing_status() const {
  if (invoice_number) return "billed " + *invoice_number;
  if (invoice_id) return "draft";
  return "unbilled";
}

std::string normalize_tags(const std::vector<std::string>& given) {
  std::vector<std::string> tags;
  for (const auto& item : given) {
    for (const auto& piece : split(item, ',')) {
      const std::string tag(trim(piece));
      if (tag.empty()) continue;
      if (tag.size() > kMaxTagBytes)
        throw invalid_input(
            fmt::format("tag '{}…' is longer than {} bytes, the limit for a tag; shorten it",
                        tag.substr(0, 40), kMaxTagBytes));
      if (tag.find_first_of(" \t\r\n") != std::string::npos || !is_printable_utf8(tag))
        throw invalid_input(
            fmt::format("tag '{}' has a space or a control character; use - or _ instead", tag));
      if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    }
  }
  return join(tags, ",");
}

std::vector<std::string> split_tags(std::string_view stored) {
  if (stored.empty()) return {};
  return split(stored, ',');
}

int parse_weekday(std::string_view text) {
  const std::string t = to_lower(trim(text));
  for (std::size_t i = 0; i < kWeekdays.size(); ++i)
    if (t == kWeekdays[i] || (t.size() >= 3 && std::string_view(kWeekdays[i]).starts_with(t)))
      return static_cast<int>(i);
  throw invalid_input(fmt::format("'{}' is not a day of the week: use monday, sunday, …", text));
}

std::string_view weekday_name(int weekday) {
  return kWeekdays.at(static_cast<std::size_t>(weekday));
}

// DST changes happen at most once a day, so when a UTC day starts and ends with the same
// offset, every instant in it has that offset; otherwise ask the C library each time.
std::int32_t LocalCalendar::day(Instant t) {
  const std::int64_t s = t.time_since_epoch().count();
  const std::int64_t utc_day = floor_div(s, kDay);
  if (utc_day != cached_utc_day_) {
    cached_utc_day_ = utc_day;
    cached_offset_ = utc_offset(utc_day * kDay);
    cached_uniform_ = utc_offset(utc_day * kDay + kDay - 1) == cached_offset_;
  }
  const std::int64_t offset = cached_uniform_ ? cached_offset_ : utc_offset(s);
  return static_cast<std::int32_t>(floor_div(s + offset, kDay));
}

std::int32_t LocalCalendar::week(std::int32_t d) const {
  const int weekday =
      static_cast<int>(d + 4 - floor_div(d + 4, 7) * 7);  // 1970-01-01 was a Thursday
  return d - (weekday - week_start_ + 7) % 7;
}

Date LocalCalendar::date(std::int32_t d) {
  return Date(std::chrono::sys_days(std::chrono::days(d)));
}

std::int32_t LocalCalendar::month(std::int32_t d) {
  const Date ymd = date(d);
  return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) -
         1;
}

std::string LocalCalendar::month_label(std::int32_t m) {
  return fmt::format("{:04}-{:02}", floor_div(m, 12), m - floor_div(m, 12) * 12 + 1);
}

Decimal billed_quantity(std::int64_t seconds, RateUnit unit, std::int64_t seconds_per_day) {
  const std::int64_t per_unit = unit == RateUnit::hour ? 3600 : seconds_per_day;
  // seconds / per_unit with 2 decimals, half away from zero.
  return Decimal(
      static_cast<std::int64_t>(divide_rounded(static_cast<int128>(seconds) * 100, per_unit,
                                               RoundingRule::half_away_from_zero)),
      2);
}

Money billed_amount(const Decimal& quantity, const Rate& rate, const Currency& currency) {
  return Money::from_decimal(rate.amount * quantity, currency);
}

ReportGrouping parse_report_grouping(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "client") return ReportGrouping::client;
  if (t == "project") return ReportGrouping::project;
  if (t == "tag") return ReportGrouping::tag;
  if (t == "day") return ReportGrouping::day;
  if (t == "week") return ReportGrouping::week;
  if (t == "month") return ReportGrouping::month;
  throw usage_error(
      fmt::format("cannot group by '{}': use client, project, tag, day, week or month", text));
}

std::string_view to_string(ReportGrouping g) {
  static constexpr std::array names = {"client", "project", "tag", "day", "week", "month"};
  return names[static_cast<std::size_t>(g)];
}

TimeReport::TimeReport(ReportGrouping grouping, std::map<std::int64_t, ProjectBilling> projects,
                       int week_start, std::int64_t seconds_per_day)
    : grouping_(grouping),
      projects_(std::move(projects)),
      seconds_per_day_(seconds_per_day),
      calendar_(week_start) {
  const std::int64_t max_id = projects_.empty() ? 0 : projects_.rbegin()->first;
  by_id_.assign(static_cast<std::size_t>(max_id) + 1, nullptr);
  last_unit_.resize(by_id_.size());
  for (const auto& [id, p] : projects_)
    if (id >= 0) by_id_[static_cast<std::size_t>(id)] = &p;
}

// The month of a day, remembered for the day: a million entries fall on a few thousand days.
std::int64_t TimeReport::month_of(std::int32_t day) {
  if (day != month_day_) {
    month_day_ = day;
    month_ = LocalCalendar::month(day);
  }
  return month_;
}

std::int64_t TimeReport::tag_index(std::string_view tag) {
  const auto [it, added] =
      tag_ids_.try_emplace(std::string(tag), static_cast<std::int64_t>(tags_.size()));
  if (added) tags_.emplace_back(tag);
  return it->second;
}

void TimeReport::add_to(std::int64_t group, std::int64_t project_id, const ProjectBilling& p,
                        std::int64_t seconds, std::int32_t day) {
  LastUnit& last = last_unit_[static_cast<std::size_t>(project_id)];
  if (last.group != group) {
    const auto [it, added] = unit_index_.try_emplace({group, project_id}, units_.size());
    if (added) units_.push_back({group, project_id, BilledTime(p.rounding)});
    last = {group, it->second};
  }
  units_[last.index].billed.add(seconds, day);
}

void TimeReport::add(std::int64_t project_id, Instant start, Instant end, std::string_view tags) {
  if (project_id < 0 || static_cast<std::size_t>(project_id) >= by_id_.size() ||
      by_id_[static_cast<std::size_t>(project_id)] == nullptr)
    throw std::logic_error("TimeReport: unknown project");
  const ProjectBilling& p = *by_id_[static_cast<std::size_t>(project_id)];
  const std::int64_t seconds = (end - start).count();
  const std::int32_t day = calendar_.day(start);
  switch (grouping_) {
    case ReportGrouping::client:
      return add_to(p.client_id, project_id, p, seconds, day);
    case ReportGrouping::project:
      return add_to(project_id, project_id, p, seconds, day);
    case ReportGrouping::day:
      return add_to(day, project_id, p, seconds, day);
    case ReportGrouping::week:
      return add_to(calendar_.week(day), project_id, p, seconds, day);
    case ReportGrouping::month:
      return add_to(month_of(day), project_id, p, seconds, day);
    case ReportGrouping::tag:
      // An entry with two tags counts in both groups, as in timewarrior's tag reports.
      if (tags.empty()) return add_to(tag_index(""), project_id, p, seconds, day);
      for (const auto& tag : split_tags(tags)) add_to(tag_index(tag), project_id, p, seconds, day);
      return;
  }
}

std::string TimeReport::label(std::int64_t group) const {
  switch (grouping_) {
    case ReportGrouping::client:
      for (const auto& [id, p] : projects_)
        if (p.client_id == group) return p.client_handle;
      return "?";
    case ReportGrouping::project:
      return projects_.at(group).path;
    case ReportGrouping::tag:
      return tags_.at(static_cast<std::size_t>(group)).empty()
                 ? "(no tag)"
                 : tags_[static_cast<std::size_t>(group)];
    case ReportGrouping::day:
    case ReportGrouping::week:
      return format_date(LocalCalendar::date(static_cast<std::int32_t>(group)));
    case ReportGrouping::month:
      return LocalCalendar::month_label(static_cast<std::int32_t>(group));
  }
  return "?";
}

std::vector<ReportRow> TimeReport::rows() const {
  std::map<std::pair<std::string, std::string>, ReportRow> by_row;  // (group, currency)
  std::map<std::string, ReportRow> totals;                          // currency
  const bool by_time = grouping_ == ReportGrouping::day || grouping_ == ReportGrouping::week ||
                       grouping_ == ReportGrouping::month;
  std::unordered_map<std::int64_t, std::string> labels;  // a group has many units (one per project)
  for (const auto& u : units_) {
    const ProjectBilling& p = projects_.at(u.project_id);
    const std::string currency(p.currency->code);
    // Time groups sort by date; their labels (ISO dates) already sort that way.
    auto found = labels.find(u.group);
    if (found == labels.end()) found = labels.emplace(u.group, label(u.group)).first;
    std::string group = found->second;
    if (!by_time && group == "(no tag)") group = "\x7f";  // untagged last
    ReportRow& row = by_row[{group, currency}];
    ReportRow& total = totals[currency];
    const std::int64_t billed = p.billable ? u.billed.billed() : 0;
    for (ReportRow* r : {&row, &total}) {
      r->currency = currency;
      r->entries += u.billed.entries();
      r->raw_seconds += u.billed.raw();
      r->billed_seconds += billed;
      if (p.rate && p.billable) {
        const Money amount = billed_amount(billed_quantity(billed, p.rate->unit, seconds_per_day_),
                                           *p.rate, *p.currency);
        r->amount = r->amount ? *r->amount + amount : amount;
      }
    }
  }
  std::vector<ReportRow> out;
  for (auto& [key, row] : by_row) {
    row.group = key.first == "\x7f" ? "(no tag)" : key.first;
    out.push_back(std::move(row));
  }
  for (auto& [currency, row] : totals) {
    row.group = "total";
    row.total = true;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace indie
