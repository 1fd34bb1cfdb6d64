#include "indie/core/invoice_draft.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

#include "indie/core/error.hpp"

using namespace indie;

namespace {

const Currency& EUR = currency("EUR");

struct Fixture {
  std::map<std::int64_t, ProjectBilling> billing;
  std::map<std::int64_t, std::string> names;
  std::int64_t next_id = 1;

  Fixture() {
    setenv("TZ", "UTC", 1);  // days of the calendar below are UTC days
    billing[1] = {1,
                  "acme",
                  "acme/web",
                  &EUR,
                  Rate::parse("80/h", EUR),
                  true,
                  TimeRounding::parse("15m up entry")};
    billing[2] = {1,
                  "acme",
                  "acme/audit",
                  &EUR,
                  Rate::parse("600/d", EUR),
                  true,
                  TimeRounding::parse("1m nearest entry")};
    billing[3] = {1,
                  "acme",
                  "acme/us",
                  &currency("USD"),
                  Rate::parse("90/h", currency("USD")),
                  true,
                  TimeRounding::parse("1m nearest entry")};
    billing[4] = {1,
                  "acme",
                  "acme/norate",
                  &EUR,
                  std::nullopt,
                  true,
                  TimeRounding::parse("1m nearest entry")};
    names = {{1, "Site web"}, {2, "Audit"}, {3, "US"}, {4, "Sans taux"}};
  }
  TimeEntry entry(std::int64_t project, const char* start, std::int64_t minutes,
                  const char* note = "") {
    TimeEntry e;
    e.id = next_id++;
    e.project_id = project;
    e.start = parse_instant(start);
    e.end = e.start + std::chrono::seconds(minutes * 60);
    e.note = note;
    return e;
  }
  DraftBuilder builder(LineGrouping g) {
    return DraftBuilder(EUR, g, billing, names, LocalCalendar(1), 8 * 3600, Decimal::from_int(20));
  }
};

// The lines a builder hands over, and its summary.
struct Collected {
  std::vector<DraftLine> lines;
  DraftSummary summary;
};
Collected collect(DraftBuilder& b) {
  Collected c;
  c.summary = b.finish([&](const DraftLine& d) { c.lines.push_back(d); });
  return c;
}

}  // namespace

TEST_CASE("one line per project, sorted by name, with its period, rounding and entries") {
  Fixture f;
  DraftBuilder b = f.builder(LineGrouping::project);
  b.add(f.entry(1, "2026-11-02T09:00:00Z", 50));   // 50 min -> 1 h (15m up per entry)
  b.add(f.entry(2, "2026-11-03T09:00:00Z", 240));  // 4 h of an 8 h day -> 0.5 d
  b.add(f.entry(1, "2026-11-04T09:00:00Z", 20));   // 20 min -> 30 min
  b.add(f.entry(3, "2026-11-04T12:00:00Z", 60));   // USD: left out
  const Collected plan = collect(b);
  REQUIRE(plan.lines.size() == 2);
  const InvoiceLine& audit = plan.lines[0].line;
  const InvoiceLine& web = plan.lines[1].line;
  CHECK(audit.description == "Audit");
  CHECK(audit.position == 1);
  CHECK(audit.quantity.normalized().to_string() == "0.5");
  CHECK(audit.unit == "d");
  CHECK(web.quantity.normalized().to_string() == "1.5");
  CHECK(web.unit_price == Decimal::from_int(80));
  CHECK(web.vat_rate == Decimal::from_int(20));
  CHECK(web.period.to_string() == "2026-11-02..2026-11-04");
  CHECK(plan.lines[1].entries == std::vector<std::int64_t>{1, 3});
  CHECK(plan.summary.other_currency.at("acme/us (USD)") == 1);
  CHECK(plan.summary.lines == 2);
  CHECK(plan.summary.entries == 3);
}

TEST_CASE("by day and by entry") {
  Fixture f;
  DraftBuilder days = f.builder(LineGrouping::day);
  days.add(f.entry(1, "2026-11-02T09:00:00Z", 60));
  days.add(f.entry(1, "2026-11-02T14:00:00Z", 60));
  days.add(f.entry(1, "2026-11-03T09:00:00Z", 60));
  const Collected by_day = collect(days);
  REQUIRE(by_day.lines.size() == 2);
  CHECK(by_day.lines[0].line.period.to_string() == "2026-11-02");
  CHECK(by_day.lines[0].line.quantity.normalized().to_string() == "2");

  DraftBuilder each = f.builder(LineGrouping::entry);
  each.add(f.entry(1, "2026-11-02T09:00:00Z", 60, "maquettes"));
  each.add(f.entry(1, "2026-11-02T14:00:00Z", 60));
  const Collected by_entry = collect(each);
  REQUIRE(by_entry.lines.size() == 2);
  CHECK(by_entry.lines[0].line.description == "Site web – maquettes");
  CHECK(by_entry.lines[1].line.description == "Site web");
  CHECK_THROWS_WITH_AS(parse_grouping("week"),
                       "cannot group lines by 'week': use project, day or entry", Error);
}

TEST_CASE("time with no rate is refused by name — time that rounds to nothing stays unbilled") {
  Fixture f;
  DraftBuilder b = f.builder(LineGrouping::project);
  b.add(f.entry(4, "2026-11-02T09:00:00Z", 60));
  CHECK_THROWS_WITH_AS(collect(b),
                       "acme/norate has no rate, so its time cannot be billed: indie project edit "
                       "acme/norate --rate 80/h",
                       Error);

  f.billing[1].rounding = TimeRounding::parse("1h down entry");
  DraftBuilder down = f.builder(LineGrouping::project);
  down.add(f.entry(1, "2026-11-02T09:00:00Z", 50));
  const Collected plan = collect(down);
  CHECK(plan.lines.empty());
  CHECK(plan.summary.rounded_away == 1);
}
