#include "indie/core/bill.hpp"

#include <doctest/doctest.h>

#include <random>

#include "indie/core/error.hpp"

using namespace indie;

namespace {

// A small CII-like invoice as the XML module hands it over: two lines at 20 % and 5.5 %.
std::vector<EinvoiceField> fields() {
  return {
      {1, "syntax", "CII", ""},
      {5, "BT-1", "F-12", ""},
      {6, "BT-3", "380", ""},
      {7, "BT-2", "20261102", "102"},
      {9, "BT-27", "OVH SAS", ""},
      {10, "BT-30", "424761419", "0002"},
      {11, "BT-31", "fr22424761419", ""},
      {12, "BT-44", "Atelier", ""},
      {13, "BT-47", "732829320", "0002"},
      {14, "BT-5", "EUR", ""},
      {15, "BT-9", "20261202", "102"},
      {20, "BT-106", "118.99", ""},
      {21, "BT-109", "118.99", ""},
      {22, "BT-110", "21.05", "EUR"},
      {23, "BT-112", "140.04", ""},
      {24, "BT-115", "140.04", ""},
      {30, "line", "", ""},
      {31, "BT-126", "1", ""},
      {32, "BT-153", "Hosting", ""},
      {33, "BT-129", "3", "MON"},
      {34, "BT-131", "99.99", ""},
      {35, "BT-151", "S", ""},
      {36, "BT-152", "20", ""},
      {40, "line", "", ""},
      {41, "BT-131", "19", ""},
      {42, "BT-151", "S", ""},
      {43, "BT-152", "5.5", ""},
      {50, "vat", "", ""},
      {51, "BT-116", "99.99", ""},
      {52, "BT-117", "20.00", ""},
      {53, "BT-118", "S", ""},
      {54, "BT-119", "20.00", ""},
      {60, "vat", "", ""},
      {61, "BT-116", "19.00", ""},
      {62, "BT-117", "1.05", ""},
      {63, "BT-118", "S", ""},
      {64, "BT-119", "5.5", ""},
  };
}

EinvoiceField& field(std::vector<EinvoiceField>& f, std::string_view key) {
  for (auto& x : f)
    if (x.key == key) return x;
  FAIL("no field ", std::string(key));
  throw;
}

}  // namespace

TEST_CASE("bill: the terms become exact values") {
  const Bill b = read_bill(fields(), "ovh.xml");
  CHECK(b.number == "F-12");
  CHECK_FALSE(b.credit_note);
  CHECK(format_date(b.issue_date) == "2026-11-02");
  CHECK(format_date(*b.due_date) == "2026-12-02");
  CHECK(b.seller.siren() == "424761419");
  CHECK(b.seller.vat_id == "FR22424761419");
  CHECK(b.supplier_key() == "vat:FR22424761419");
  REQUIRE(b.lines.size() == 2);
  CHECK(b.lines[0].net_minor == 9999);
  CHECK(b.lines[0].unit == "MON");
  CHECK(b.lines[1].rate == Decimal::parse("5.5"));
  CHECK(b.payable == 14004);
  CHECK(check_bill(b).empty());
  CHECK(single_vat_rate(b).empty());  // two rates
}

TEST_CASE("bill: what EN 16931 requires missing or unreadable, named with its line") {
  auto f = fields();
  field(f, "BT-131").value = "99.999";
  CHECK_THROWS_WITH(read_bill(f, "ovh.xml"),
                    "ovh.xml:34: BT-131 (line amount) '99.999' has more decimals than EUR has (2)");
  f = fields();
  field(f, "BT-2").value = "2026-02-30";
  CHECK_THROWS_WITH(read_bill(f, "ovh.xml"), doctest::Contains("is not a real date"));
  f = fields();
  field(f, "BT-2").value = "today";
  CHECK_THROWS_WITH(read_bill(f, "ovh.xml"), doctest::Contains("is not a date indie reads"));
  f = fields();
  field(f, "BT-5").value = "EURO";
  CHECK_THROWS_WITH(read_bill(f, "ovh.xml"),
                    "ovh.xml:14: BT-5 (currency) 'EURO' is not an ISO 4217 currency code");
  f = fields();
  std::erase_if(f, [](const EinvoiceField& x) { return x.key == "BT-1"; });
  CHECK_THROWS_WITH(read_bill(f, "ovh.xml"), doctest::Contains("has no BT-1 (invoice number)"));
  f = fields();
  std::erase_if(f, [](const EinvoiceField& x) { return x.key == "vat" || x.line >= 50; });
  CHECK_THROWS_WITH(read_bill(f, "ovh.xml"), doctest::Contains("has no VAT breakdown (BG-23)"));
  f = fields();
  field(f, "BT-110").attribute = "USD";
  CHECK_THROWS_WITH(read_bill(f, "ovh.xml"), doctest::Contains("a VAT total is in USD"));
}

TEST_CASE("bill: the arithmetic, rule by rule") {
  Bill b = read_bill(fields(), "ovh.xml");
  SUBCASE("a line changed: BR-CO-10 and the rate's basis") {
    b.lines[0].net_minor = 10000;
    const auto found = check_bill(b);
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule == "BR-CO-10");
    CHECK(found[0].message ==
          "the sum of the lines (BT-106) is 118.99 EUR, but adding the lines makes 119.00 EUR");
    CHECK(found[1].rule == "BR-S-08");
  }
  SUBCASE("VAT a cent off: a warning, within the official rules' tolerance") {
    b.vat[0].vat_minor = 2001;
    b.tax_total = 2106, b.grand_total = 14005, b.payable = 14005;
    const auto found = check_bill(b);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "BR-S-09");
    CHECK_FALSE(found[0].error);
  }
  SUBCASE("VAT a unit off or more: refused") {
    b.vat[0].vat_minor = 2100;
    b.tax_total = 2205, b.grand_total = 14104, b.payable = 14104;
    const auto found = check_bill(b);
    REQUIRE(found.size() == 1);
    CHECK(found[0].error);
  }
  SUBCASE("an exempt category with VAT") {
    b.vat[1].category = "E";
    b.lines[1].category = "E";
    const auto found = check_bill(b);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "BR-E-09");
  }
  SUBCASE("what is due: total - paid + rounding") {
    b.prepaid = 4004;
    CHECK(check_bill(b).at(0).rule == "BR-CO-16");
    b.payable = 10000;
    CHECK(check_bill(b).empty());
  }
  SUBCASE("a document allowance lowers its rate's basis") {
    b.allowances_charges.push_back({false, 999, "S", Decimal::parse("20")});
    b.allowance_total = 999;
    b.tax_basis = 10900;
    b.vat[0].basis_minor = 9000, b.vat[0].vat_minor = 1800;
    b.tax_total = 1905, b.grand_total = 12805, b.payable = 12805;
    CHECK(check_bill(b).empty());
  }
}

TEST_CASE("bill: JPY has no minor unit") {
  auto f = fields();
  field(f, "BT-5").value = "JPY";
  CHECK_THROWS_WITH(read_bill(f, "jp.xml"),
                    doctest::Contains("has more decimals than JPY has (0)"));
}

TEST_CASE("bill: a credit note, and who it is addressed to") {
  auto f = fields();
  field(f, "BT-3").value = "381";
  const Bill b = read_bill(f, "cn.xml");
  CHECK(b.credit_note);
  CHECK(addressed_elsewhere(b, "732829320", "").empty());
  CHECK(addressed_elsewhere(b, "552100554", "") ==
        "it is addressed to Atelier (SIREN 732829320), and your SIREN is 552100554");
  CHECK(addressed_elsewhere(b, "", "FR44732829320").empty());  // the bill names no VAT number
}

TEST_CASE("bill: the VAT shares of successive payments add up to the VAT exactly") {
  std::mt19937_64 rng(16);
  for (int run = 0; run < 2000; ++run) {
    Bill b;
    b.payable = 1 + static_cast<std::int64_t>(rng() % 10'000'000);
    b.tax_total = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(b.payable));
    std::int64_t paid = 0, vat = 0;
    while (paid < b.payable) {
      const std::int64_t left = b.payable - paid;
      const std::int64_t amount =
          1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(left));
      const std::int64_t share = vat_share(b, paid, amount);
      CHECK(share >= 0);
      vat += share;
      paid += amount;
    }
    REQUIRE(vat == b.tax_total);
  }
  Bill one;
  one.payable = 14004, one.tax_total = 2105;
  CHECK(vat_share(one, 0, 5000) == 752);  // 2105 x 5000 / 14004 = 751.6
  CHECK(vat_share(one, 5000, 9004) == 1353);
}

TEST_CASE("bill: the VAT share in the account's currency") {
  Bill b;
  b.currency = "USD", b.tax_currency = "EUR";
  b.payable = 480000, b.tax_total = 80000, b.tax_total_accounting = 71269;
  CHECK(vat_share_in(b, "USD", 0, 480000) == 80000);
  CHECK(vat_share_in(b, "EUR", 0, 480000) == 71269);  // BT-111, the VAT in EUR
  CHECK(vat_share_in(b, "EUR", 0, 240000) == 35635);  // half, rounded once
  CHECK_FALSE(vat_share_in(b, "GBP", 0, 480000).has_value());
}
