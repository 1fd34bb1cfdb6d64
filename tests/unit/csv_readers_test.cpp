// The CSV edge cases (RFC 4180 quotes, doubled quotes, separators and line breaks inside a field,
// a byte-order mark, CRLF, empty fields, UTF-8) through every reader built on the CSV parser:
// the time imports (Toggl, Clockify, indie's own) and the bank statements. Each must keep the
// field exactly and count lines as the file does.
#include <doctest/doctest.h>

#include <vector>

#include "indie/core/bank_import.hpp"
#include "indie/core/currency.hpp"
#include "indie/core/time_import.hpp"

using namespace indie;

namespace {

const std::string kBom = "\xEF\xBB\xBF";
// A description with a comma, a doubled quote, a CRLF line break and UTF-8.
const std::string kTricky = "Réunion, \"kick-off\"\r\nsuite — café";
const std::string kTrickyQuoted = "\"Réunion, \"\"kick-off\"\"\r\nsuite — café\"";

std::vector<ImportedEntry> read(const std::string& text, TimeSource format) {
  std::vector<ImportedEntry> out;
  read_time_import(text, format, "f", {}, [&](const ImportedEntry& e) { out.push_back(e); });
  return out;
}

}  // namespace

TEST_CASE("CSV edge cases: Toggl") {
  const std::string text =
      kBom +
      "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End "
      "time,Duration,Tags\r\n"
      "Ann,,ACME,site,," +
      kTrickyQuoted +
      ",No,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,\r\n"
      ",,ACME,site,,,,2026-11-02,11:00:00,2026-11-02,11:30:00,,\r\n";
  const auto rows = read(text, TimeSource::toggl);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].note == kTricky);
  CHECK(rows[1].line == 4);  // the quoted line break counts as a line of the file
  CHECK(rows[1].note.empty());
  CHECK(rows[1].tags.empty());
}

TEST_CASE("CSV edge cases: Clockify") {
  const std::string text =
      kBom + "Project,Client,Description,Start Date,Start Time,End Date,End Time\r\n" +
      "site,ACME," + kTrickyQuoted + ",2026-11-02,09:00,2026-11-02,10:00\r\n";
  const auto rows = read(text, TimeSource::clockify);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].note == kTricky);
}

TEST_CASE("CSV edge cases: indie's own export") {
  const std::string text = kBom + "start,end,project,note,tags\r\n" +
                           "2026-11-02T09:00:00Z,2026-11-02T10:00:00Z,acme/site," + kTrickyQuoted +
                           ",\r\n";
  const auto rows = read(text, TimeSource::indie);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].note == kTricky);
}

TEST_CASE("CSV edge cases: bank statements, with either separator") {
  for (const char sep : {',', ';'}) {
    BankRules r;
    r.separator = sep;
    r.columns.date = "Date";
    r.columns.amount = "Amount";
    r.columns.payee = "Payee";
    r.columns.memo = "Memo";
    const std::string s(1, sep);
    const std::string text = kBom + "Date" + s + "Amount" + s + "Payee" + s + "Memo\r\n" +
                             "2026-11-02" + s + "-4.20" + s + kTrickyQuoted + s + "\r\n" +
                             "2026-11-03" + s + "10.00" + s + "\"a" + s + "b\"" + s + "x\r\n";
    const auto st = read_statement(text, "f", r, currency("EUR"));
    REQUIRE(st.rows.size() == 2);
    // A label over several lines is one line in the register.
    CHECK(st.rows[0].payee == "Réunion, \"kick-off\" suite — café");
    CHECK(st.rows[0].memo.empty());
    CHECK(st.rows[1].payee == "a" + s + "b");
    CHECK(st.rows[1].line == 4);
  }
}
