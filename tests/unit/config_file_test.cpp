#include "indie/store/config_file.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

using indie::config_key;
using indie::parse_config;
using indie::set_config_text;

TEST_CASE("a rendered config parses back to the same values") {
  indie::Config c;
  c.business.name = "Camille Martin";
  c.business.siren = "732829320";
  c.invoice.payment_terms = 45;
  const auto back = parse_config(indie::render_config(c), "c.toml");
  CHECK(back.business.name == "Camille Martin");
  CHECK(back.business.siren == "732829320");
  CHECK(back.invoice.payment_terms == 45);
  CHECK(back.business.currency == "EUR");
}

TEST_CASE("set keeps comments and every other byte") {
  const std::string text =
      "# my business\n[business]\nname = \"Zoé\" # accents before the comment\n# keep me\ncurrency "
      "= \"EUR\"\n\n"
      "[invoice]\npayment_terms = 30 # days\n";
  const auto k = config_key("business.currency");
  const std::string out = set_config_text(text, "c.toml", k, "USD");
  CHECK(out ==
        "# my business\n[business]\nname = \"Zoé\" # accents before the comment\n# keep "
        "me\ncurrency = \"USD\"\n\n"
        "[invoice]\npayment_terms = 30 # days\n");
  // A value after a non-ASCII one on the same line is located by code points, not bytes.
  const std::string renamed =
      set_config_text(text, "c.toml", config_key("business.name"), "Zoë Martin");
  CHECK(renamed.find("name = \"Zoë Martin\" # accents before the comment") != std::string::npos);
  const std::string terms =
      set_config_text(text, "c.toml", config_key("invoice.payment_terms"), "45");
  CHECK(terms.find("payment_terms = 45 # days") != std::string::npos);
}

TEST_CASE("set adds a missing key to its table, or the table at the end") {
  const std::string text = "[business]\nname = \"A\"\n\n[invoice]\nlanguage = \"fr\"\n";
  const std::string out =
      set_config_text(text, "c.toml", config_key("business.siren"), "732829320");
  CHECK(out == "[business]\nname = \"A\"\nsiren = \"732829320\"\n\n[invoice]\nlanguage = \"fr\"\n");
  const std::string bank = set_config_text(text, "c.toml", config_key("bank.bic"), "AGRIFRPP");
  CHECK(bank == text + "\n[bank]\nbic = \"AGRIFRPP\"\n");
  CHECK(parse_config(bank, "c.toml").business.bic == "AGRIFRPP");
}

TEST_CASE("syntax errors and bad values name file:line:column") {
  CHECK_THROWS_WITH_AS(parse_config("[business]\nname = \"x\nfoo", "c.toml"),
                       doctest::Contains("c.toml:2:"), indie::Error);
  CHECK_THROWS_WITH_AS(parse_config("[business]\n\ncurrency = \"EURO\"\n", "c.toml"),
                       doctest::Contains("c.toml:3:12: unknown currency 'EURO'"), indie::Error);
  CHECK_THROWS_WITH_AS(parse_config("[business]\ncurrancy = \"EUR\"\n", "c.toml"),
                       doctest::Contains("Did you mean 'business.currency'"), indie::Error);
  CHECK_THROWS_WITH_AS(parse_config("[invoice]\npayment_terms = \"30\"\n", "c.toml"),
                       doctest::Contains("whole number"), indie::Error);
  CHECK_THROWS_WITH_AS(
      parse_config("[business]\nsiren = \"732829320\"\nsiret = \"55210055400013\"\n", "c.toml"),
      doctest::Contains("does not start with"), indie::Error);
}

TEST_CASE("values are normalized and checked per key") {
  CHECK(indie::normalize_config_value(config_key("business.currency"), "usd") == "USD");
  CHECK(indie::normalize_config_value(config_key("business.legal_form"), "micro-entrepreneur") ==
        "EI");
  CHECK(indie::normalize_config_value(config_key("bank.iban"), "") == "");
  CHECK_THROWS_AS(indie::normalize_config_value(config_key("business.siren"), "123"), indie::Error);
  CHECK_THROWS_AS(indie::normalize_config_value(config_key("invoice.payment_terms"), "-1"),
                  indie::Error);
  CHECK_THROWS_AS(indie::normalize_config_value(config_key("invoice.number_pattern"), "F-{YYYY}"),
                  indie::Error);
  CHECK_THROWS_WITH_AS(config_key("business.nam"),
                       doctest::Contains("Did you mean 'business.name'"), indie::Error);
}
