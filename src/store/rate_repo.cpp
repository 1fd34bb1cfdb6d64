#include "indie/store/rate_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "indie/core/error.hpp"
#include "statement.hpp"

namespace indie {
namespace {

FxQuote read_quote(const Statement& q) {
  return {std::string(q.text(0)), std::string(q.text(1)), parse_date(q.text(2), Date{}),
          Decimal::parse(q.text(3)), std::string(q.text(4))};
}

}  // namespace

RateRepo::ImportResult RateRepo::import_ecb(std::string_view text, std::string_view file_name,
                                            std::string_view source) {
  std::vector<EcbRate> rates;
  const std::size_t days = read_ecb_csv(text, file_name, [&](const EcbRate& e) {
    if (e.currency != "EUR") rates.push_back(e);
  });
  return import_ecb_rates(std::move(rates), days, source);
}

RateRepo::ImportResult RateRepo::import_ecb_rates(std::vector<EcbRate> rates, std::size_t days,
                                                  std::string_view source) {
  Statement insert(handle(store_),
                   "INSERT OR IGNORE INTO rate (base, quote, date, rate, source) VALUES ('EUR', "
                   "?1, ?2, ?3, ?4)");
  sqlite3* db = handle(store_);
  ImportResult r;
  r.days = days;
  // Read everything first, then insert in key order (currency, date): the file is by day,
  // newest first, and inserting in the table's order makes every insert an append.
  std::erase_if(rates, [](const EcbRate& e) { return e.currency == "EUR"; });
  std::sort(rates.begin(), rates.end(), [](const EcbRate& a, const EcbRate& b) {
    return a.currency != b.currency ? a.currency < b.currency : a.date < b.date;
  });
  std::string rate_text;
  for (const auto& e : rates) {
    rate_text.clear();
    const Decimal n = e.rate.normalized();
    append_scaled(rate_text, n.mantissa(), n.scale(), NumberLocale::canonical);
    insert.reset()
        .bind(1, e.currency)
        .bind(2, format_date(e.date))
        .bind(3, rate_text)
        .bind(4, source);
    insert.run();
    ++r.rates;
    r.added += static_cast<std::size_t>(sqlite3_changes(db));
  }
  return r;
}

namespace {
// Writes one rate; `conflict` (IGNORE or REPLACE) says what a rate already there for the day does.
void write_rate(Store& store, std::string_view conflict, const FxQuote& quote) {
  Statement q(handle(store), fmt::format("INSERT OR {} INTO rate (base, quote, date, rate, source) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5)",
                                         conflict));
  q.bind(1, quote.base)
      .bind(2, quote.quote)
      .bind(3, format_date(quote.date))
      .bind(4, quote.rate.normalized().to_string())
      .bind(5, quote.source);
  q.run();
}
}  // namespace

bool RateRepo::add(const FxQuote& quote) {
  check_rate(quote.rate);
  write_rate(store_, "IGNORE", quote);
  return changed_rows(store_) == 1;
}

std::optional<FxQuote> RateRepo::set(const FxQuote& quote) {
  check_rate(quote.rate);
  if (quote.base == quote.quote)
    throw invalid_input(
        fmt::format("a rate needs two different currencies (got {} twice)", quote.base));
  std::optional<FxQuote> previous;
  {
    Statement q(handle(store_),
                "SELECT base, quote, date, rate, source FROM rate WHERE base = ?1 AND quote = ?2 "
                "AND date = ?3");
    q.bind(1, quote.base).bind(2, quote.quote).bind(3, format_date(quote.date));
    if (q.step()) previous = read_quote(q);
  }
  write_rate(store_, "REPLACE", quote);
  return previous;
}

RateRepo::RateRepo(Store& store) : store_(store) {}
RateRepo::~RateRepo() = default;

std::optional<FxQuote> RateRepo::latest(std::string_view base, std::string_view quote, Date date) {
  Statement& q = reused(latest_, handle(store_),
                        "SELECT base, quote, date, rate, source FROM rate WHERE base = ?1 AND "
                        "quote = ?2 AND date <= ?3 "
                        "ORDER BY date DESC LIMIT 1");
  q.bind(1, base).bind(2, quote).bind(3, format_date(date));
  if (!q.step()) return std::nullopt;
  FxQuote found = read_quote(q);
  q.reset();  // no read left open between lookups
  return found;
}

FxPath RateRepo::path(std::string_view from, std::string_view to, Date date) {
  if (from == to) return {};
  // One leg from a to b: the rate a->b or b->a, whichever is newer (a->b on a tie).
  const auto leg = [&](std::string_view a, std::string_view b) -> std::optional<FxLeg> {
    auto direct = latest(a, b, date);
    auto inverse = latest(b, a, date);
    if (direct && (!inverse || direct->date >= inverse->date))
      return FxLeg{std::move(*direct), false};
    if (inverse) return FxLeg{std::move(*inverse), true};
    return std::nullopt;
  };
  std::optional<FxPath> best;
  if (auto l = leg(from, to)) best = FxPath{{std::move(*l)}};
  if (from != "EUR" && to != "EUR") {
    auto first = leg(from, "EUR");
    auto second = first ? leg("EUR", to) : std::nullopt;
    if (first && second) {
      FxPath cross{{std::move(*first), std::move(*second)}};
      if (!best || cross.date() > best->date()) best = std::move(cross);
    }
  }
  if (best) return *best;
  // Say whether rates exist only after the day, or not at all.
  Statement q(handle(store_),
              "SELECT min(date) FROM rate WHERE base IN (?1, ?2) OR quote IN (?1, ?2)");
  q.bind(1, from).bind(2, to);
  const bool later = q.step() && !q.is_null(0) && q.text(0) > format_date(date);
  const std::string foreign(from == "EUR" ? to : from);
  if (later)
    throw not_found(fmt::format(
        "no rate from {} to {} on or before {}: the first one stored is of {}. Set one with: "
        "indie rate set {} EUR RATE --date {}",
        from, to, format_date(date), q.text(0), foreign, format_date(date)));
  throw not_found(fmt::format(
      "no rate from {} to {} on or before {}: import the ECB's rates (indie rate import "
      "eurofxref-hist.csv) or set one: indie rate set {} EUR RATE --date {}",
      from, to, format_date(date), foreign, format_date(date)));
}

void RateRepo::for_each(const Filter& f, const std::function<void(const FxQuote&)>& fn) {
  // With max(), SQLite takes the other bare columns from the row holding the maximum: the
  // newest rate of each pair, read in one pass over the primary key.
  std::string sql = f.latest_only
                        ? "SELECT base, quote, max(date), rate, source FROM rate WHERE 1 = 1"
                        : "SELECT base, quote, date, rate, source FROM rate WHERE 1 = 1";
  if (f.currency) sql += " AND (base = ?1 OR quote = ?1)";
  if (f.from) sql += " AND date >= ?2";
  if (f.to) sql += " AND date <= ?3";
  sql +=
      f.latest_only ? " GROUP BY base, quote ORDER BY base, quote" : " ORDER BY date, base, quote";
  Statement q(handle(store_), sql);
  if (f.currency) q.bind(1, *f.currency);
  if (f.from) q.bind(2, format_date(*f.from));
  if (f.to) q.bind(3, format_date(*f.to));
  while (q.step()) fn(read_quote(q));
}

}  // namespace indie
