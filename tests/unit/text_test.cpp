#include "indie/core/text.hpp"

#include <doctest/doctest.h>

TEST_CASE("quoted strings escape what JSON and TOML both require") {
  CHECK(indie::quoted_escaped("plain") == "\"plain\"");
  CHECK(indie::quoted_escaped("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
  CHECK(indie::quoted_escaped("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
  CHECK(indie::quoted_escaped(std::string("x\x01y\x1f", 4)) == "\"x\\u0001y\\u001f\"");
  CHECK(indie::quoted_escaped("Zoé €") == "\"Zoé €\"");  // UTF-8 passes through
}

TEST_CASE("display width counts columns, not bytes") {
  CHECK(indie::display_width("acme") == 4);
  CHECK(indie::display_width("Zoé") == 3);
  CHECK(indie::display_width("1\xE2\x80\xAF"
                             "234,56\xC2\xA0€") == 10);
  CHECK(indie::display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(indie::display_width("日本") == 4);
}

TEST_CASE("trim, split and join") {
  CHECK(indie::trim("  a b \r\n") == "a b");
  CHECK(indie::split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
  CHECK(indie::join({"a", "b"}, ", ") == "a, b");
  CHECK(indie::to_upper("eur") == "EUR");
}

TEST_CASE("UTF-8 is validated fully: overlong forms, surrogates, beyond U+10FFFF, C1 controls") {
  using indie::invalid_utf8_at;
  using indie::is_printable_utf8;
  CHECK_FALSE(invalid_utf8_at("Zoé Ω € 𝄞").has_value());
  CHECK(invalid_utf8_at("ab\xC0\x80") == 2u);        // overlong NUL
  CHECK(invalid_utf8_at("\xE0\x80\xAF") == 0u);      // overlong '/'
  CHECK(invalid_utf8_at("x\xED\xA0\x80") == 1u);     // UTF-16 surrogate U+D800
  CHECK(invalid_utf8_at("\xF4\x90\x80\x80") == 0u);  // U+110000
  CHECK(invalid_utf8_at("\xE2\x82") == 0u);          // truncated €
  CHECK(invalid_utf8_at("caf\xE9") == 3u);           // Latin-1 é
  CHECK_FALSE(is_printable_utf8("a\xC0\x80"));
  CHECK_FALSE(is_printable_utf8("\xC2\x85"));  // NEL, a C1 control
  CHECK_FALSE(is_printable_utf8("\x1B[31m"));  // ESC
  CHECK(is_printable_utf8("\xC2\xA0"));        // no-break space is text
  CHECK(indie::line_column("ab\ncd\nef", 4) == "2:2");
}
