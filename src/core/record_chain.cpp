#include "indie/core/record_chain.hpp"

#include <fmt/format.h>

#include "indie/core/digest.hpp"

namespace indie {

std::string_view record_kind_name(RecordKind kind) {
  return kind == RecordKind::invoice ? "invoice" : "payment";
}

std::optional<RecordKind> parse_record_kind(std::string_view text) {
  if (text == "invoice") return RecordKind::invoice;
  if (text == "payment") return RecordKind::payment;
  return std::nullopt;
}

std::string chain_hash(std::string_view previous, const RecordSeal& seal) {
  // One field per line: no field can hold a line break (hex digests, numbers, a fixed word), so
  // two different seals never give the same text.
  return sha256_hex(fmt::format("indie-record-1\n{}\n{}\n{}\n{}\n{}\n{}\n", previous, seal.seq,
                                record_kind_name(seal.kind), seal.ref_id, seal.content,
                                seal.billed_time.value_or("-")));
}

void RecordVerifier::fail(std::int64_t seq, std::string what) {
  if (!first_break_) first_break_ = RecordBreak{seq, std::move(what)};
}

void RecordVerifier::check(const RecordSeal& seal, const RecordedNow& now) {
  if (first_break_) return;  // past a break nothing can be trusted: report the first only
  const std::int64_t expected = checked_ + 1;
  if (seal.seq != expected) {
    fail(expected,
         fmt::format("record entry {} is missing: entries of the record were removed", expected));
    return;
  }
  if (chain_hash(head_, seal) != seal.hash) {
    fail(seal.seq, fmt::format("record entry {} ({}) was rewritten: its hash does not follow "
                               "from the entry before",
                               seal.seq, now.label));
    return;
  }
  if (!now.exists)
    fail(seal.seq, fmt::format("{} was removed from the database after it was sealed", now.label));
  else if (now.content != seal.content)
    fail(seal.seq, fmt::format("{} was changed after it was sealed: its rows no longer match the "
                               "record",
                               now.label));
  else if (!now.time_released && now.billed_time != seal.billed_time)
    fail(seal.seq,
         fmt::format("the time entries billed on {} were changed after it was issued", now.label));
  if (first_break_) return;
  ++checked_;
  head_ = seal.hash;
}

void RecordVerifier::unsealed(std::string_view label) {
  fail(0, fmt::format("{} is final but was never sealed in the record: it was written by "
                      "another program, or the record was cut short",
                      label));
}

}  // namespace indie
