#pragma once
/// Invoice number patterns: `F{YYYY}-{SEQ:4}` -> F2026-0007.
#include <cstdint>
#include <string>
#include <string_view>

namespace indie {

/// Checks a pattern: tokens {YYYY} {YY} {MM} {SEQ} {SEQ:n} (n 1-9), other characters from
/// [A-Za-z0-9-_/+], exactly one {SEQ}, and numbers of at most 35 characters (French rule,
/// CHECKLIST §8.1). Throws invalid_input saying what to change.
void validate_number_pattern(std::string_view pattern);
/// The number for sequence `seq` in `year`/`month`.
std::string format_invoice_number(std::string_view pattern, int year, unsigned month,
                                  std::int64_t seq);

}  // namespace indie
