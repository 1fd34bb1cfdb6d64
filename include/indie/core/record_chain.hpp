#pragma once
/// The tamper-evident record of what is final. Each issued invoice, credit note and payment is
/// sealed once with the SHA-256 of its content, and each seal with the hash of the one before:
/// changing, removing or inserting anything final, by any program, breaks the chain from there
/// on, and `indie verify` names the first break. See doc/storage.md for what this proves.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace indie {

enum class RecordKind { invoice, payment };  ///< `invoice` covers credit notes

std::string_view record_kind_name(RecordKind kind);
std::optional<RecordKind> parse_record_kind(std::string_view text);

/// One entry of the record, as stored.
struct RecordSeal {
  std::int64_t seq = 0;  ///< 1, 2, 3 … in the order things became final
  RecordKind kind = RecordKind::invoice;
  std::int64_t ref_id = 0;
  std::string content;                     ///< SHA-256 of the rows, hex
  std::optional<std::string> billed_time;  ///< SHA-256 of the time an invoice bills, hex
  std::string hash;                        ///< chain_hash(previous hash, this seal)
};

/// The hash before the first seal.
inline constexpr std::string_view kRecordGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash that seals `seal` after `previous`: SHA-256 of both, field by field.
std::string chain_hash(std::string_view previous, const RecordSeal& seal);

/// What the rows of one sealed thing hash to today.
struct RecordedNow {
  bool exists = true;  ///< false: the row was removed
  std::string label;   ///< what a person calls it: "F2026-0001", "payment 3 (F2026-0001)"
  std::string content;
  std::optional<std::string> billed_time;
  /// A credit note with --release-time gave the time back: it may change again, legitimately.
  bool time_released = false;
};

struct RecordBreak {
  std::int64_t seq = 0;  ///< the record entry where the chain breaks (0: outside the chain)
  std::string what;      ///< the break in words, naming the invoice or payment
};

/// Walks the record in order and keeps the first break.
class RecordVerifier {
 public:
  /// The next seal of the record (in seq order) and what its rows hash to now.
  void check(const RecordSeal& seal, const RecordedNow& now);
  /// Something final (issued, or a payment) that no seal covers.
  void unsealed(std::string_view label);

  bool intact() const { return !first_break_; }
  const std::optional<RecordBreak>& first_break() const { return first_break_; }
  std::int64_t checked() const { return checked_; }
  /// The hash of the last seal: written down elsewhere, it shows later that history was not
  /// rewritten from the start.
  const std::string& head() const { return head_; }

 private:
  void fail(std::int64_t seq, std::string what);
  std::optional<RecordBreak> first_break_;
  std::int64_t checked_ = 0;
  std::string head_{kRecordGenesis};
};

}  // namespace indie
