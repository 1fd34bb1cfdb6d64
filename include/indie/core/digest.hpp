#pragma once
/// SHA-256 digests, as lowercase hex: the tamper-evident record of what is final (issued
/// invoices, credit notes, payments) chains them.
#include <memory>
#include <string>
#include <string_view>

namespace indie {

/// SHA-256 (FIPS 180-4) of `bytes`, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// Incremental SHA-256, for content read row by row (an invoice and its thousands of lines).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  /// The digest of everything given so far, as 64 lowercase hex digits; starts afresh after.
  std::string hex();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace indie
