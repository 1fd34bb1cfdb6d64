#include "indie/core/client.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "indie/core/error.hpp"

using indie::Client;
using indie::VatTreatment;

namespace {
Client make(std::vector<std::pair<std::string, std::string>> fields,
            std::vector<std::string>* given_out = nullptr) {
  Client c;
  std::vector<std::string> given;
  indie::set_client_field(c, "handle", "acme");
  for (auto& [f, v] : fields) {
    indie::set_client_field(c, f, v);
    given.push_back(f);
  }
  indie::complete_client(c, indie::Config{}, given);
  if (given_out) *given_out = given;
  return c;
}
}  // namespace

TEST_CASE("the VAT treatment follows the country unless given") {
  CHECK(make({{"country", "FR"}}).vat_treatment == VatTreatment::domestic);
  CHECK(make({{"country", "MC"}}).vat_treatment == VatTreatment::domestic);
  CHECK(make({{"country", "DE"}}).vat_treatment == VatTreatment::eu_business);
  CHECK(make({{"country", "US"}}).vat_treatment == VatTreatment::non_eu_business);
  CHECK(make({{"country", "DE"}, {"vat_treatment", "consumer"}}).vat_treatment ==
        VatTreatment::consumer);
  CHECK(make({}).vat_treatment == VatTreatment::domestic);
}

TEST_CASE("defaults come from the business profile — abroad the language is English") {
  const Client fr = make({{"country", "FR"}});
  CHECK(fr.currency == "EUR");
  CHECK(fr.payment_terms == 30);
  CHECK(fr.language == indie::Language::fr);
  CHECK(make({{"country", "US"}}).language == indie::Language::en);
  CHECK(make({{"country", "US"}, {"language", "fr"}}).language == indie::Language::fr);
}

TEST_CASE("inconsistent VAT data is refused with the fix") {
  CHECK_THROWS_WITH_AS(make({{"country", "US"}, {"vat_treatment", "eu-business"}}),
                       doctest::Contains("use --vat-treatment non-eu-business"), indie::Error);
  CHECK_THROWS_WITH_AS(make({{"country", "DE"}, {"vat_treatment", "domestic"}}),
                       doctest::Contains("use --vat-treatment eu-business"), indie::Error);
  CHECK_THROWS_AS(make({{"country", "FR"}, {"vat_treatment", "non-eu-business"}}), indie::Error);
  CHECK_THROWS_WITH_AS(make({{"country", "DE"}, {"vat_number", "FR44732829320"}}),
                       doctest::Contains("is from FR"), indie::Error);
  CHECK_NOTHROW(make({{"country", "GR"}, {"vat_number", "EL123456789"}}));
  CHECK_THROWS_WITH_AS(
      make({{"country", "FR"}, {"siren", "552100554"}, {"vat_number", "FR44732829320"}}),
      doctest::Contains("does not carry SIREN"), indie::Error);
}

TEST_CASE("rates: amount and unit, in the project's currency") {
  const auto r = indie::Rate::parse("80/h", indie::currency("EUR"));
  CHECK(r.amount.to_string() == "80.00");  // at the currency's scale
  CHECK(r.unit == indie::RateUnit::hour);
  CHECK(indie::Rate::parse("600/d", indie::currency("EUR")).unit == indie::RateUnit::day);
  CHECK(indie::Rate::parse("92.50/hour", indie::currency("EUR")).amount.to_string() == "92.50");
  CHECK_THROWS_WITH_AS(indie::Rate::parse("-80/h", indie::currency("EUR")),
                       doctest::Contains("negative"), indie::Error);
  CHECK_THROWS_WITH_AS(indie::Rate::parse("80", indie::currency("EUR")),
                       doctest::Contains("needs a unit"), indie::Error);
  CHECK_THROWS_AS(indie::Rate::parse("80/w", indie::currency("EUR")), indie::Error);
  CHECK_THROWS_AS(indie::Rate::parse("80.5/h", indie::currency("JPY")), indie::Error);
}

TEST_CASE("projects: the rate is stored at the currency's scale") {
  indie::Project p;
  p.handle = "website";
  p.currency = "EUR";
  indie::set_project_field(p, "rate", "80/h");
  indie::complete_project(p);
  CHECK(p.rate->to_string() == "80.00/h");
  CHECK(p.name == "website");
  CHECK(indie::split_project_path("acme/website") ==
        std::pair<std::string, std::string>{"acme", "website"});
  CHECK_THROWS_AS(indie::split_project_path("acme"), indie::Error);
  CHECK_THROWS_AS(indie::split_project_path("/website"), indie::Error);
}

TEST_CASE("a client's e-invoicing directory address starts with its SIREN") {
  CHECK(make({{"country", "FR"}, {"siren", "552100554"}, {"einvoice_address", "552100554_AP"}})
            .einvoice_address == "552100554_AP");
  CHECK_THROWS_WITH(
      make({{"country", "FR"}, {"siren", "552100554"}, {"einvoice_address", "732829320"}}),
      doctest::Contains("must start with the client's SIREN (552100554)"));
  CHECK_THROWS_WITH(make({{"country", "FR"}, {"einvoice_address", "552100554"}}),
                    doctest::Contains("set --siren first"));
}

TEST_CASE("invoice.einvoice = auto: a Factur-X for French business clients only") {
  CHECK(indie::einvoice_for("auto", "domestic") == "facturx");
  CHECK(indie::einvoice_for("auto", "consumer") == "none");
  CHECK(indie::einvoice_for("auto", "eu-business") == "none");
  CHECK(indie::einvoice_for("auto", "non-eu-business") == "none");
  CHECK(indie::einvoice_for("cii", "consumer") == "cii");
  CHECK(indie::einvoice_for("none", "domestic") == "none");
}
