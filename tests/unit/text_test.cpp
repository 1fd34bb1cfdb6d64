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
