#include "indie/core/invoice_number.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

TEST_CASE("invoice number patterns") {
  CHECK(indie::format_invoice_number("F{YYYY}-{SEQ:4}", 2026, 11, 7) == "F2026-0007");
  CHECK(indie::format_invoice_number("{YY}{MM}/{SEQ}", 2026, 3, 12) == "2603/12");
  CHECK(indie::format_invoice_number("F{YYYY}-{SEQ:4}", 2026, 1, 12345) == "F2026-12345");
  CHECK_NOTHROW(indie::validate_number_pattern("F{YYYY}-{SEQ:4}"));
  CHECK_THROWS_WITH_AS(indie::validate_number_pattern("F{YYYY}"), doctest::Contains("exactly once"),
                       indie::Error);
  CHECK_THROWS_WITH_AS(indie::validate_number_pattern("F {SEQ}"), doctest::Contains("not allowed"),
                       indie::Error);
  CHECK_THROWS_WITH_AS(indie::validate_number_pattern("F{DD}{SEQ}"),
                       doctest::Contains("unknown token"), indie::Error);
  CHECK_THROWS_WITH_AS(indie::validate_number_pattern(std::string(30, 'A') + "{SEQ:6}"),
                       doctest::Contains("at most 35"), indie::Error);
}
