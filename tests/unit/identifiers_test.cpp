#include "indie/core/identifiers.hpp"

#include <doctest/doctest.h>

#include "indie/core/error.hpp"

TEST_CASE("SIREN: 9 digits with a Luhn check") {
  CHECK(indie::normalize_siren("732 829 320") == "732829320");
  CHECK(indie::normalize_siren("552100554") == "552100554");
  CHECK_THROWS_WITH_AS(indie::normalize_siren("732829321"), doctest::Contains("check digit"),
                       indie::Error);
  CHECK_THROWS_WITH_AS(indie::normalize_siren("12345"), doctest::Contains("9 digits"),
                       indie::Error);
  CHECK_THROWS_AS(indie::normalize_siren("73282932A"), indie::Error);
}

TEST_CASE("SIRET: 14 digits, Luhn, with La Poste's exception") {
  CHECK(indie::normalize_siret("732 829 320 00009") == "73282932000009");
  CHECK_THROWS_AS(indie::normalize_siret("73282932000008"), indie::Error);
  CHECK(indie::normalize_siret("35600000000010") ==
        "35600000000010");  // digit sum 15: La Poste rule, not Luhn
}

TEST_CASE("French VAT numbers carry a key derived from the SIREN") {
  CHECK(indie::french_vat_number("732829320") == "FR44732829320");
  CHECK(indie::normalize_vat_number("fr 44 732829320") == "FR44732829320");
  CHECK_THROWS_WITH_AS(indie::normalize_vat_number("FR45732829320"),
                       doctest::Contains("FR44732829320"), indie::Error);
  CHECK(indie::normalize_vat_number("DE123456789") == "DE123456789");
  CHECK(indie::normalize_vat_number("EL123456789") == "EL123456789");
  CHECK_THROWS_AS(indie::normalize_vat_number("ZZ123456789"), indie::Error);
  CHECK_THROWS_AS(indie::normalize_vat_number("123456789"), indie::Error);
}

TEST_CASE("IBAN and BIC") {
  CHECK(indie::normalize_iban("FR76 3000 6000 0112 3456 7890 189") ==
        "FR7630006000011234567890189");
  CHECK(indie::normalize_iban("DE89370400440532013000") == "DE89370400440532013000");
  CHECK_THROWS_WITH_AS(indie::normalize_iban("FR7630006000011234567890188"),
                       doctest::Contains("check digits"), indie::Error);
  CHECK(indie::normalize_bic("agrifrpp") == "AGRIFRPP");
  CHECK(indie::normalize_bic("DEUTDEFF500") == "DEUTDEFF500");
  CHECK_THROWS_AS(indie::normalize_bic("AGRI1RPP"), indie::Error);
  CHECK_THROWS_AS(indie::normalize_bic("AGRIFRP"), indie::Error);
}

TEST_CASE("countries are ISO 3166 alpha-2 — EU membership is known") {
  CHECK(indie::normalize_country("fr") == "FR");
  CHECK_THROWS_WITH_AS(indie::normalize_country("UK"), doctest::Contains("GB"), indie::Error);
  CHECK_THROWS_AS(indie::normalize_country("FRA"), indie::Error);
  CHECK(indie::is_eu_member("DE"));
  CHECK(indie::is_eu_member("HR"));
  CHECK_FALSE(indie::is_eu_member("GB"));
  CHECK_FALSE(indie::is_eu_member("CH"));
  CHECK_FALSE(indie::is_eu_member("MC"));
}

TEST_CASE("handles and e-mail addresses") {
  CHECK(indie::validate_handle("acme-corp.2", "client handle") == "acme-corp.2");
  for (const std::string bad :
       {"", "-acme", "ac me", "acme/web", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "é"})
    CHECK_THROWS_AS(indie::validate_handle(bad, "client handle"), indie::Error);
  CHECK(indie::normalize_email(" a.b@example.fr ") == "a.b@example.fr");
  for (const char* bad : {"ab", "a@b", "@b.fr", "a@@b.fr", "a b@c.fr"})
    CHECK_THROWS_AS(indie::normalize_email(bad), indie::Error);
}

TEST_CASE("e-invoicing directory addresses") {
  CHECK(indie::normalize_einvoice_address(" 552100554_FACTURES ") == "552100554_FACTURES");
  CHECK(indie::normalize_einvoice_address("552100554") == "552100554");
  CHECK_THROWS_WITH(indie::normalize_einvoice_address("5521"),
                    doctest::Contains("is not one of the"));
  CHECK_THROWS_WITH(indie::normalize_einvoice_address("552100554 compta"),
                    doctest::Contains("letters, digits, _ - . +"));
  CHECK_THROWS(indie::normalize_einvoice_address(std::string(126, '5')));
}
