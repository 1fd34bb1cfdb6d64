#include "indie/core/fx.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <tuple>

#include "indie/core/currency.hpp"
#include "indie/core/error.hpp"
#include "indie/core/rounding.hpp"
#include "indie/core/text.hpp"

namespace indie {
namespace {

int128 times(int128 a, int128 b) {
  int128 out;
  if (__builtin_mul_overflow(a, b, &out))
    throw invalid_input("the conversion is too large to compute exactly");
  return out;
}

// "11 October 2024", the one-day ECB file's date.
std::optional<Date> parse_long_date(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const auto parts = split(text, ' ');
  if (parts.size() != 3) return std::nullopt;
  unsigned day = 0;
  int year = 0;
  if (std::from_chars(parts[0].data(), parts[0].data() + parts[0].size(), day).ec != std::errc() ||
      std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), year).ec != std::errc())
    return std::nullopt;
  const auto it = std::find(kMonths.begin(), kMonths.end(), to_lower(parts[1]));
  if (it == kMonths.end()) return std::nullopt;
  const Date d{std::chrono::year(year),
               std::chrono::month(static_cast<unsigned>(it - kMonths.begin() + 1)),
               std::chrono::day(day)};
  if (!d.ok()) return std::nullopt;
  return d;
}

}  // namespace

Date FxPath::date() const {
  Date oldest{std::chrono::year::max(), std::chrono::December, std::chrono::day(31)};
  for (const auto& l : legs) oldest = std::min(oldest, l.quote.date);
  return legs.empty() ? Date{} : oldest;
}

std::string FxPath::describe() const {
  std::string out;
  for (const auto& l : legs) {
    if (!out.empty()) out += "; ";
    out += fmt::format("{} {}: 1 {} = {} {}", l.quote.source, format_date(l.quote.date),
                       l.quote.base, l.quote.rate.normalized().to_string(), l.quote.quote);
  }
  return out;
}

void check_rate(const Decimal& rate) {
  if (rate.is_negative() || rate.is_zero())
    throw invalid_input(fmt::format("a rate must be more than 0 (got {})", rate.to_string()));
}

namespace {
// num / den such that (amount in `from` minor units) × num / den is the amount in `to` minor units.
std::pair<int128, int128> path_fraction(const FxPath& path, const Currency& from,
                                        const Currency& to) {
  int128 num = pow10_128(to.minor_units), den = pow10_128(from.minor_units);
  std::string_view at = from.code;
  for (const auto& leg : path.legs) {
    if (leg.from() != at)
      throw invalid_input(fmt::format("the rate {} does not start from {}", leg.quote.base, at));
    const Decimal r = leg.quote.rate.normalized();
    check_rate(r);
    // rate = mantissa / 10^scale; used backwards it is 10^scale / mantissa.
    num = times(num, leg.inverse ? pow10_128(r.scale()) : r.mantissa());
    den = times(den, leg.inverse ? r.mantissa() : pow10_128(r.scale()));
    at = leg.to();
  }
  if (at != to.code) throw invalid_input(fmt::format("the rates lead to {}, not {}", at, to.code));
  return {num, den};
}
}  // namespace

FxConversion::FxConversion(const FxPath& path, const Currency& from, const Currency& target)
    : target_(&target) {
  std::tie(num_, den_) = path_fraction(path, from, target);
}

Money FxConversion::apply(std::int64_t minor) const {
  const int128 v = divide_rounded(times(minor, num_), den_, default_rounding);
  if (v > INT64_MAX || v < INT64_MIN) throw invalid_input("the converted amount is too large");
  return Money(static_cast<std::int64_t>(v), *target_);
}

Money convert(const Money& amount, const FxPath& path, const Currency& target) {
  return FxConversion(path, amount.currency(), target).apply(amount.minor());
}

Decimal path_rate(const FxPath& path, int scale) {
  if (path.legs.empty()) return Decimal(1, 0);
  const Currency& from = currency(path.legs.front().from(), true);
  const Currency& to = currency(path.legs.back().to(), true);
  auto [num, den] = path_fraction(path, from, to);
  // Undo the minor-unit scaling: the fraction above converts minor units.
  num = times(num, pow10_128(from.minor_units));
  den = times(den, pow10_128(to.minor_units));
  const int128 v = divide_rounded(times(num, pow10_128(scale)), den, default_rounding);
  if (v > INT64_MAX) throw invalid_input("the rate is too large to show");
  return Decimal(static_cast<std::int64_t>(v), scale).normalized();
}

Decimal implied_rate(const Money& sent, const Money& received, int scale) {
  if (sent.minor() <= 0 || received.minor() <= 0)
    throw invalid_input("both amounts of a transfer must be more than 0");
  // (received / 10^rmu) / (sent / 10^smu), to `scale` decimals.
  const int128 num =
      times(times(received.minor(), pow10_128(sent.currency().minor_units)), pow10_128(scale));
  const int128 den = times(sent.minor(), pow10_128(received.currency().minor_units));
  const int128 v = divide_rounded(num, den, default_rounding);
  if (v > INT64_MAX) throw invalid_input("the rate is too large to store");
  return Decimal(static_cast<std::int64_t>(v), scale).normalized();
}

std::size_t read_ecb_csv(std::string_view text, std::string_view source,
                         const std::function<void(const EcbRate&)>& fn) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string_view> columns;  // currency codes, empty for the trailing comma
  std::vector<std::string_view> fields;
  std::size_t line_no = 0, days = 0;
  const auto fail = [&](const std::string& what) {
    throw invalid_input(fmt::format("{}:{}: {}", source, line_no, what));
  };
  const auto split_fields = [&](std::string_view line) {
    fields.clear();
    for (std::size_t from = 0;;) {
      const std::size_t comma = line.find(',', from);
      fields.push_back(trim(line.substr(
          from, comma == std::string_view::npos ? std::string_view::npos : comma - from)));
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
  };
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;
    split_fields(line);
    if (columns.empty()) {
      if (fields[0] != "Date")
        fail(
            "not an ECB reference-rate file: the first column must be 'Date' (download "
            "eurofxref-hist.csv or "
            "eurofxref.csv from the ECB)");
      for (std::size_t i = 1; i < fields.size(); ++i) {
        if (fields[i].empty() && i + 1 == fields.size()) break;  // the ECB's trailing comma
        try {
          currency(fields[i], true);
        } catch (const Error& e) {
          fail(fmt::format("column {}: {}", i + 1, e.what()));
        }
        columns.push_back(fields[i]);
      }
      if (columns.empty()) fail("no currency columns after 'Date'");
      continue;
    }
    // Rows may carry the trailing comma or not; any other count is a broken row.
    if (fields.size() != columns.size() + 1 &&
        !(fields.size() == columns.size() + 2 && fields.back().empty()))
      fail(fmt::format("{} values after the date, but the header names {} currencies",
                       fields.size() - 1, columns.size()));
    std::optional<Date> date;
    try {
      date = parse_date(fields[0], Date{});
    } catch (const Error&) {
      date = parse_long_date(fields[0]);
    }
    if (!date) fail(fmt::format("'{}' is not a date (2024-10-11 or 11 October 2024)", fields[0]));
    ++days;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string_view value = fields[i + 1];
      if (value.empty() || value == "N/A") continue;  // no rate that day
      Decimal rate;
      try {
        rate = Decimal::parse(value);
      } catch (const Error&) {
        fail(fmt::format("{}: '{}' is not a rate", columns[i], value));
      }
      if (rate.is_negative() || rate.is_zero())
        fail(fmt::format("{}: a rate must be more than 0 (got {})", columns[i], value));
      fn({columns[i], *date, rate});
    }
  }
  if (columns.empty())
    throw invalid_input(fmt::format("{}: empty file: no ECB header line", source));
  return days;
}

std::optional<int> stale_rate_days(Date rate_date, Date used_on) {
  const auto days = (std::chrono::sys_days(used_on) - std::chrono::sys_days(rate_date)).count();
  if (days <= kStaleRateDays) return std::nullopt;
  return static_cast<int>(days);
}

std::string rate_source_label(std::string_view source, std::string_view language) {
  const bool fr = language == "fr";
  if (source.empty() || source == "ECB" || source == "BCE") return fr ? "BCE" : "ECB";
  if (source == "manual") return fr ? "manuel" : "manual";
  return std::string(source);
}

}  // namespace indie
