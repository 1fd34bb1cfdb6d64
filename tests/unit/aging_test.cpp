#include "indie/core/aging.hpp"

#include <doctest/doctest.h>

using namespace indie;

namespace {
Date day(const char* iso) { return parse_date(iso, Date{}); }
Receivable owed(const char* client, const char* cur, const char* due, std::int64_t minor) {
  Receivable r;
  r.client = client;
  r.currency = cur;
  r.due_date = day(due);
  r.due_minor = minor;
  return r;
}
}  // namespace

TEST_CASE("buckets by days past the due date, the boundaries included in the lower one") {
  CHECK(age_bucket(-5) == 0);
  CHECK(age_bucket(0) == 0);
  CHECK(age_bucket(1) == 1);
  CHECK(age_bucket(30) == 1);
  CHECK(age_bucket(31) == 2);
  CHECK(age_bucket(60) == 2);
  CHECK(age_bucket(90) == 3);
  CHECK(age_bucket(91) == 4);
}

TEST_CASE("per client and currency, with a total per currency and none across currencies") {
  const auto aged = age_receivables(
      {owed("acme", "EUR", "2026-12-31", 1000), owed("acme", "EUR", "2026-11-01", 200),
       owed("initech", "USD", "2026-08-01", 5000), owed("zeta", "EUR", "2026-09-15", 30)},
      day("2026-11-30"));
  const AgeBuckets& acme = aged.by_client.at({"acme", "EUR"});
  CHECK(acme[0] == 1000);  // not yet due
  CHECK(acme[1] == 200);   // 29 days late
  CHECK(acme[kAgeTotal] == 1200);
  CHECK(aged.by_client.at({"initech", "USD"})[4] == 5000);  // 121 days
  CHECK(aged.by_client.at({"zeta", "EUR"})[3] == 30);       // 76 days late: 61-90
  CHECK(aged.totals.at("EUR")[kAgeTotal] == 1230);
  CHECK(aged.totals.at("USD")[kAgeTotal] == 5000);
  CHECK(aged.totals.size() == 2);
}
