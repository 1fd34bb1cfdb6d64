#include "indie/core/invoice_draft.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "indie/core/error.hpp"
#include "indie/core/text.hpp"

namespace indie {

LineGrouping parse_grouping(std::string_view text) {
  const std::string t = to_lower(trim(text));
  if (t == "project") return LineGrouping::project;
  if (t == "day") return LineGrouping::day;
  if (t == "entry") return LineGrouping::entry;
  throw usage_error(fmt::format("cannot group lines by '{}': use project, day or entry", text));
}

DraftBuilder::DraftBuilder(const Currency& currency, LineGrouping grouping,
                           const std::map<std::int64_t, ProjectBilling>& billing,
                           const std::map<std::int64_t, std::string>& names, LocalCalendar calendar,
                           std::int64_t seconds_per_day, Decimal vat_rate)
    : currency_(currency),
      grouping_(grouping),
      billing_(billing),
      names_(names),
      calendar_(calendar),
      seconds_per_day_(seconds_per_day),
      vat_rate_(vat_rate) {}

void DraftBuilder::add(const TimeEntry& e) {
  const ProjectBilling& p = billing_.at(e.project_id);
  if (p.currency->code != currency_.code) {
    ++other_currency_[p.path + " (" + std::string(p.currency->code) + ")"];
    return;
  }
  if (!p.rate) {
    if (std::find(no_rate_.begin(), no_rate_.end(), p.path) == no_rate_.end())
      no_rate_.push_back(p.path);
    return;
  }
  const std::int32_t day = calendar_.day(e.start);
  const std::int64_t sub = grouping_ == LineGrouping::project ? 0
                           : grouping_ == LineGrouping::day   ? day
                                                              : e.id;
  auto [it, added] = index_.try_emplace({e.project_id, sub}, pending_.size());
  if (added) {
    std::string description = names_.at(e.project_id);
    if (grouping_ == LineGrouping::entry && !e.note.empty()) description += " – " + e.note;
    pending_.push_back({e.project_id, description, BilledTime(p.rounding), day, day, {}});
  }
  Pending& line = pending_[it->second];
  // Entries come in start order, which BilledTime's per-day rounding relies on.
  line.billed.add((*e.end - e.start).count(), day);
  line.first_day = std::min(line.first_day, day);
  line.last_day = std::max(line.last_day, day);
  line.entries.push_back(e.id);
}

DraftSummary DraftBuilder::finish(const std::function<void(const DraftLine&)>& sink) {
  if (!no_rate_.empty())
    throw invalid_input(fmt::format(
        "{} {} no rate, so its time cannot be billed: indie project edit {} --rate 80/h",
        join(no_rate_, ", "), no_rate_.size() == 1 ? "has" : "have", no_rate_.front()));
  // Lines in a stable order: by project name, then by day (pending is in start order).
  std::stable_sort(pending_.begin(), pending_.end(), [&](const Pending& x, const Pending& y) {
    return names_.at(x.project_id) < names_.at(y.project_id);
  });
  DraftSummary summary;
  summary.other_currency = other_currency_;
  DraftLine draft;
  for (auto& p : pending_) {
    const ProjectBilling& b = billing_.at(p.project_id);
    InvoiceLine& line = draft.line;
    line.quantity = billed_quantity(p.billed.billed(), b.rate->unit, seconds_per_day_);
    if (line.quantity.is_zero()) {  // rounded down to nothing: leave those entries unbilled
      ++summary.rounded_away;
      continue;
    }
    line.position = static_cast<int>(++summary.lines);
    line.description = p.description;
    line.unit = b.rate->unit == RateUnit::hour ? "h" : "d";
    line.unit_price = b.rate->amount;
    line.vat_rate = vat_rate_;
    line.period = {LocalCalendar::date(p.first_day), LocalCalendar::date(p.last_day)};
    line.project_id = p.project_id;
    line.entries = static_cast<std::int64_t>(p.entries.size());
    draft.entries = std::move(p.entries);
    summary.entries += line.entries;
    sink(draft);
  }
  return summary;
}

}  // namespace indie
