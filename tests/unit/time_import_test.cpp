#include "indie/core/time_import.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "indie/core/error.hpp"

using namespace indie;

namespace {
std::vector<ImportedEntry> read(std::string_view text, TimeSource format) {
  std::vector<ImportedEntry> out;
  read_time_import(text, format, "f", {}, [&](const ImportedEntry& e) { out.push_back(e); });
  return out;
}
}  // namespace

TEST_CASE("timewarrior: tags are the project candidates, UTC times, running intervals skipped") {
  const std::string text =
      "[\n{\"id\":2,\"start\":\"20261116T080000Z\",\"end\":\"20261116T093000Z\",\"tags\":[\"acme/"
      "web\",\"fix login\"],"
      "\"annotation\":\"note\"},\n{\"id\":1,\"start\":\"20261116T100000Z\",\"tags\":[\"web\"]}\n]"
      "\n";
  std::vector<ImportedEntry> rows;
  const auto summary = read_time_import(text, TimeSource::timewarrior, "f", {},
                                        [&](const ImportedEntry& e) { rows.push_back(e); });
  REQUIRE(rows.size() == 1);
  CHECK(summary.open_skipped == 1);
  // `timew export` sorts tags, so the importer, not the reader, decides which names the project.
  CHECK(rows[0].project.empty());
  CHECK(rows[0].project_candidates == std::vector<std::string>{"acme/web", "fix login"});
  CHECK(rows[0].note == "note");
  CHECK(rows[0].line == 2);
  CHECK(format_instant_utc(rows[0].start) == "2026-11-16T08:00:00Z");
  CHECK((rows[0].end - rows[0].start).count() == 5400);
}

TEST_CASE("timewarrior: errors name the line") {
  CHECK_THROWS_WITH_AS(read("[\n{\"start\":\"20261116T080000Z\",\"end\":\"x\",\"tags\":[\"a\"]}\n]",
                            TimeSource::timewarrior),
                       doctest::Contains("f:2: 'x' is not a timewarrior time"), Error);
  CHECK_THROWS_WITH_AS(
      read("[\n{\"start\":\"20261116T080000Z\",\n\"end\":", TimeSource::timewarrior),
      doctest::Contains("not the JSON `timew export` writes"), Error);
  CHECK_THROWS_WITH_AS(read("{}", TimeSource::timewarrior), doctest::Contains("JSON array"), Error);
}

TEST_CASE("the same row always has the same source key — a different row another") {
  const std::string a = "start,end,project\n2026-11-01T09:00:00Z,2026-11-01T10:00:00Z,acme/web\n";
  const std::string b = "start,end,project\n2026-11-01T09:00:00Z,2026-11-01T10:00:01Z,acme/web\n";
  CHECK(read(a, TimeSource::indie)[0].source_key == read(a, TimeSource::indie)[0].source_key);
  CHECK(read(a, TimeSource::indie)[0].source_key != read(b, TimeSource::indie)[0].source_key);
  CHECK(read(a, TimeSource::indie)[0].source_key > 0);
}

TEST_CASE("clockify: US dates and 12-hour clock") {
  setenv("TZ", "UTC", 1);
  tzset();
  const auto rows = read(
      "Project,Client,Description,Tags,Start Date,Start Time,End Date,End Time\n"
      "Web,ACME,call,\"a, b\",11/19/2026,12:30:00 AM,11/19/2026,12:15:00 PM\n",
      TimeSource::clockify);
  REQUIRE(rows.size() == 1);
  CHECK(format_instant_utc(rows[0].start) == "2026-11-19T00:30:00Z");
  CHECK(format_instant_utc(rows[0].end) == "2026-11-19T12:15:00Z");
  CHECK(rows[0].tags == "a,b");
  CHECK(rows[0].client == "ACME");
  CHECK_THROWS_WITH_AS(read("Project,Description,Start Date,Start Time,End Date,End "
                            "Time\nW,d,11/19/2026,13:00 PM,11/19/2026,14:00\n",
                            TimeSource::clockify),
                       doctest::Contains("f:2 (Start Time): '13:00 PM' is not a 12-hour time"),
                       Error);
  unsetenv("TZ");
  tzset();
}

TEST_CASE("a wrong header says which columns are missing and what was expected") {
  CHECK_THROWS_WITH_AS(read("Project,Start date\n", TimeSource::toggl),
                       doctest::Contains("this is not toggl's CSV: the header has no Description, "
                                         "Start time, End date, End time columns"),
                       Error);
  CHECK_THROWS_WITH_AS(read("", TimeSource::indie), doctest::Contains("empty"), Error);
  CHECK_THROWS_AS(parse_time_source("excel"), Error);
  CHECK(parse_time_source("timew") == TimeSource::timewarrior);
}

TEST_CASE("handles made from names") {
  CHECK(handle_from_name("Acme Corp.") == "acme-corp");
  CHECK(handle_from_name("  Mobile  app ") == "mobile-app");
  CHECK(handle_from_name("Café") == "caf");
  CHECK(handle_from_name("!!!") == "imported");
  CHECK(handle_from_name(std::string(40, 'a')).size() == 32);
}

TEST_CASE("row keys: identical rows differ by rank, a re-read gives the same keys") {
  const std::string text =
      "Project,Client,Description,User,Email,Start Date,Start Time,End Date,End Time\n"
      "site,ACME,Call,Ann,a@x,2026-11-02,09:00,2026-11-02,10:00\n"
      "site,ACME,Call,Ann,a@x,2026-11-02,09:00,2026-11-02,10:00\n"
      "site,ACME,Call,Bob,b@x,2026-11-02,09:00,2026-11-02,10:00\n"
      "site,ACME,Other,Ann,a@x,2026-11-02,09:00,2026-11-02,10:00\n";
  const auto first = read(text, TimeSource::clockify);
  const auto again = read(text, TimeSource::clockify);
  REQUIRE(first.size() == 4);
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].source_key == again[i].source_key);
    for (std::size_t j = 0; j < i; ++j) CHECK(first[i].source_key != first[j].source_key);
  }
}

TEST_CASE("toggl/clockify: slashed dates in the order the file shows") {
  const std::string head =
      "Project,Client,Description,Start Date,Start Time,End Date,End Time\n"
      "site,ACME,a,03/11/2026,09:00,03/11/2026,10:00\n";
  auto rows = read(head + "site,ACME,b,25/11/2026,09:00,25/11/2026,10:00\n", TimeSource::clockify);
  CHECK(format_date(local_date(rows[0].start)) == "2026-11-03");
  rows = read(head + "site,ACME,b,11/25/2026,09:00,11/25/2026,10:00\n", TimeSource::clockify);
  CHECK(format_date(local_date(rows[0].start)) == "2026-03-11");
  CHECK_THROWS_WITH_AS(read(head, TimeSource::clockify),
                       doctest::Contains("could be day-first or month-first"), Error);
  std::vector<ImportedEntry> out;
  TimeImportOptions o;
  o.date_format = "%d/%m/%Y";
  read_time_import(head, TimeSource::clockify, "f", o,
                   [&](const ImportedEntry& e) { out.push_back(e); });
  CHECK(format_date(local_date(out.at(0).start)) == "2026-11-03");
  // Dotted dates are day-first: that is what they mean wherever they are written.
  rows = read(
      "Project,Client,Description,Start Date,Start Time,End Date,End Time\n"
      "site,ACME,a,03.11.2026,09:00,03.11.2026,10:00\n",
      TimeSource::clockify);
  CHECK(format_date(local_date(rows[0].start)) == "2026-11-03");
}
