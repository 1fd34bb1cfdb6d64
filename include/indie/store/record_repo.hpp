#pragma once
/// The tamper-evident record (indie/core/record_chain.hpp) in the database, and the checks of
/// `indie verify` and `indie doctor`.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indie/core/record_chain.hpp"
#include "indie/store/store.hpp"

namespace indie {

class Statement;

class RecordRepo {
 public:
  explicit RecordRepo(Store& store);
  ~RecordRepo();

  /// Seals an issued invoice or credit note (its row, lines, links and billed time) at the end
  /// of the record. Called in the transaction that issues it.
  void seal_invoice(std::int64_t invoice_id);
  /// Seals a payment, in the transaction that records it.
  void seal_payment(std::int64_t payment_id);
  /// Seals, in date order, everything final that has no seal yet: what a database held when it
  /// was upgraded to the record (schema 7).
  std::int64_t seal_unsealed();

  /// Walks the whole record against today's rows; the first break, if any, is in the result.
  RecordVerifier verify();
  /// The entry whose hash is `hash` (a head written down earlier), if the record has one.
  std::optional<std::int64_t> entry_with_hash(const std::string& hash);

 private:
  RecordSeal seal_now(RecordKind kind, std::int64_t ref_id, const RecordedNow& now);
  RecordedNow invoice_now(std::int64_t invoice_id);
  RecordedNow payment_now(std::int64_t payment_id);

  Store& store_;
  std::unique_ptr<Statement> invoice_, lines_, links_, document_, time_, released_, payment_;
};

/// What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find, in words; empty when the
/// file is sound.
std::vector<std::string> storage_problems(Store& store);

/// Tables, indexes and triggers that differ from what this indie's migrations create (a
/// dropped or edited immutability trigger, a missing index), in words; empty when they match.
std::vector<std::string> schema_differences(Store& store);

}  // namespace indie
