#include "indie/core/record_chain.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "indie/core/digest.hpp"

namespace indie {
namespace {

struct Thing {
  RecordSeal seal;
  RecordedNow now;
};

// A record of three sealed things, each hash following from the one before.
std::vector<Thing> sealed_record() {
  std::vector<Thing> things;
  std::string previous(kRecordGenesis);
  for (int i = 1; i <= 3; ++i) {
    Thing t;
    t.seal.seq = i;
    t.seal.kind = i == 2 ? RecordKind::payment : RecordKind::invoice;
    t.seal.ref_id = 10 + i;
    t.seal.content = sha256_hex("rows of " + std::to_string(i));
    if (t.seal.kind == RecordKind::invoice) t.seal.billed_time = sha256_hex("time");
    t.seal.hash = chain_hash(previous, t.seal);
    previous = t.seal.hash;
    t.now = {true, "thing " + std::to_string(i), t.seal.content, t.seal.billed_time, false};
    things.push_back(t);
  }
  return things;
}

RecordVerifier verify(const std::vector<Thing>& things) {
  RecordVerifier v;
  for (const auto& t : things) v.check(t.seal, t.now);
  return v;
}

}  // namespace

TEST_CASE("an untouched record verifies and its head is the last hash") {
  const auto things = sealed_record();
  const RecordVerifier v = verify(things);
  CHECK(v.intact());
  CHECK(v.checked() == 3);
  CHECK(v.head() == things.back().seal.hash);
  CHECK(RecordVerifier().head() == kRecordGenesis);
}

TEST_CASE("the chain hash depends on every field and on the previous hash") {
  const RecordSeal base = sealed_record()[0].seal;
  const std::string h = chain_hash(kRecordGenesis, base);
  CHECK(h.size() == 64);
  auto changed = [&](auto edit) {
    RecordSeal s = base;
    edit(s);
    return chain_hash(kRecordGenesis, s) != h;
  };
  CHECK(changed([](RecordSeal& s) { s.seq = 2; }));
  CHECK(changed([](RecordSeal& s) { s.kind = RecordKind::payment; }));
  CHECK(changed([](RecordSeal& s) { s.ref_id = 99; }));
  CHECK(changed([](RecordSeal& s) { s.content = sha256_hex("other"); }));
  CHECK(changed([](RecordSeal& s) { s.billed_time.reset(); }));
  CHECK(chain_hash(sha256_hex("x"), base) != h);
}

TEST_CASE("each kind of tampering is the first break, named") {
  SUBCASE("a sealed thing's rows changed") {
    auto things = sealed_record();
    things[1].now.content = sha256_hex("edited");
    const auto v = verify(things);
    REQUIRE_FALSE(v.intact());
    CHECK(v.first_break()->seq == 2);
    CHECK(v.first_break()->what ==
          "thing 2 was changed after it was sealed: its rows no longer "
          "match the record");
    CHECK(v.checked() == 1);
  }
  SUBCASE("a sealed thing removed") {
    auto things = sealed_record();
    things[2].now.exists = false;
    const auto v = verify(things);
    CHECK(v.first_break()->what == "thing 3 was removed from the database after it was sealed");
  }
  SUBCASE("billed time changed, unless a credit note released it") {
    auto things = sealed_record();
    things[0].now.billed_time = sha256_hex("moved an entry");
    CHECK(verify(things).first_break()->what ==
          "the time entries billed on thing 1 were changed after it was issued");
    things[0].now.time_released = true;
    CHECK(verify(things).intact());
  }
  SUBCASE("a seal's content rewritten to match edited rows") {
    auto things = sealed_record();
    things[1].seal.content = things[1].now.content = sha256_hex("edited");
    const auto v = verify(things);
    CHECK(v.first_break()->seq == 2);
    CHECK(v.first_break()->what.find("was rewritten") != std::string::npos);
  }
  SUBCASE("an entry of the record removed") {
    auto things = sealed_record();
    things.erase(things.begin() + 1);
    const auto v = verify(things);
    CHECK(v.first_break()->seq == 2);
    CHECK(v.first_break()->what == "record entry 2 is missing: entries of the record were removed");
  }
  SUBCASE("only the first break is kept") {
    auto things = sealed_record();
    things[0].now.content = things[2].now.content = sha256_hex("edited");
    CHECK(verify(things).first_break()->seq == 1);
  }
  SUBCASE("something final that was never sealed") {
    RecordVerifier v;
    v.unsealed("F2026-0009");
    CHECK(v.first_break()->seq == 0);
    CHECK(v.first_break()->what.starts_with("F2026-0009 is final but was never sealed"));
  }
}

TEST_CASE("record kinds round-trip through their names") {
  for (const RecordKind k : {RecordKind::invoice, RecordKind::payment})
    CHECK(parse_record_kind(record_kind_name(k)) == k);
  CHECK_FALSE(parse_record_kind("credit-note"));
}

}  // namespace indie
