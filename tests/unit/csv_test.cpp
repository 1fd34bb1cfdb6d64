#include "indie/core/csv.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

using indie::parse_csv;

TEST_CASE("RFC 4180: quotes, doubled quotes, embedded separators and line breaks") {
  const auto r =
      parse_csv("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n", "t.csv");
  REQUIRE(r.size() == 3);
  CHECK(r[1].fields[1] == "x, y");
  CHECK(r[1].fields[2] == "say \"hi\"");
  CHECK(r[2].fields[1] == "two\nlines");
  CHECK(r[2].fields[2] == "");
  CHECK(r[2].line == 3);
}

TEST_CASE("LF line ends, a BOM, blank lines and a missing final newline are fine") {
  const auto r = parse_csv("\xEF\xBB\xBFh1,h2\n\n1,2", "t.csv");
  REQUIRE(r.size() == 2);
  CHECK(r[0].fields[0] == "h1");
  CHECK(r[1].line == 3);
}

TEST_CASE("faults name the line and the column") {
  CHECK_THROWS_WITH_AS(parse_csv("a,b\n1,\"open\n2,3\n", "f.csv"),
                       "f.csv:2:3: a quoted field is never closed (unbalanced \")", indie::Error);
  CHECK_THROWS_WITH_AS(parse_csv("a,b\n1,2,3\n", "f.csv"),
                       "f.csv:2:1: expected 2 fields as in the header, found 3", indie::Error);
  CHECK_THROWS_WITH_AS(parse_csv("a,b\n\"x\"y,2\n", "f.csv"),
                       doctest::Contains("f.csv:2:4: unexpected text"), indie::Error);
}

TEST_CASE("a quote inside an unquoted field is a character, as spreadsheets read it") {
  const auto r = parse_csv("a,b\n1,12\" screen\n2,VIR \"ACME\" F2026-0007\n", "f.csv");
  REQUIRE(r.size() == 3);
  CHECK(r[1].fields[1] == "12\" screen");
  CHECK(r[2].fields[1] == "VIR \"ACME\" F2026-0007");
}

TEST_CASE("fields are quoted only when needed, and round-trip") {
  CHECK(indie::csv_field("plain") == "plain");
  CHECK(indie::csv_field("a,b") == "\"a,b\"");
  CHECK(indie::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(indie::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(indie::csv_field(" padded") == "\" padded\"");
  const std::string tricky = "a \"b\", c\nd";
  const auto r = parse_csv("h\n" + indie::csv_field(tricky) + "\n", "t");
  CHECK(r[1].fields[0] == tricky);
}
