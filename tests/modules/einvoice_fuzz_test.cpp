// A seeded mutation fuzz test of the e-invoice reader (issue 16): the XML module's CII and UBL
// reader (libxml2), the PDF module's Factur-X attachment reader (qpdf), and the core's figures
// and checks. Whatever the bytes, only indie's own errors may come out: no crash, no other
// exception, no hang, nothing the sanitizers object to. This program sits beside indie, as it
// loads the same modules; a longer run by hand:
//   INDIE_FUZZ_RUNS=100000 INDIE_FUZZ_SEED=7 build/indie_module_tests -tc='fuzz*'
#include <doctest/doctest.h>

#include "../unit/fuzz_support.hpp"
#include "indie/core/bill.hpp"
#include "indie/render/einvoice_reader.hpp"

using namespace indie;
using namespace indie::fuzzing;

namespace {

void read_and_check(const std::string& bytes) {
  const EinvoiceFile file = read_einvoice(bytes, "fuzz");
  const Bill bill = read_bill(file.fields, "fuzz");
  check_bill(bill);
}

}  // namespace

TEST_CASE("fuzz: e-invoices, CII and UBL") {
  const std::vector<std::string> valid = {example("tests/data/einvoice/fr-sasu-usd.xml"),
                                          example("tests/data/einvoice/fr-franchise-en-base.xml"),
                                          example("tests/data/einvoice/ubl-tc434-example4.xml"),
                                          example("tests/data/einvoice/ubl-tc434-creditnote1.xml")};
  // The unmutated files are read whole: without the XML module every input would be refused
  // with indie's own error ("module missing"), and the fuzzing would pass having read nothing.
  for (const auto& file : valid) REQUIRE_NOTHROW(read_and_check(file));
  fuzz("einvoice xml", seeds(valid, "einvoice"), read_and_check);
}

TEST_CASE("fuzz: e-invoices, Factur-X PDF") {
  // indie's own Factur-X of the French sample is made by the e-invoice test; here a small PDF
  // with factur-x.xml attached, kept in tests/fuzz/einvoice-pdf, seeds the mutations.
  const auto pdfs = seeds({}, "einvoice-pdf");
  REQUIRE_FALSE(pdfs.empty());
  // As above: the seed itself is read (so the PDF module and the XML module were loaded).
  REQUIRE_NOTHROW(read_and_check(pdfs.front()));
  const std::size_t runs = env_number("INDIE_FUZZ_RUNS", 5000) / 5;  // a PDF takes longer
  std::mt19937_64 rng(env_number("INDIE_FUZZ_SEED", 20261201));
  std::size_t refused = 0;
  for (std::size_t i = 0; i < runs; ++i) {
    const std::string input = i < pdfs.size() ? pdfs[i] : mutate(pdfs[i % pdfs.size()], rng);
    try {
      read_and_check(input);
    } catch (const Error&) {
      ++refused;
    } catch (const std::exception& e) {
      FAIL("facturx: '", std::string(e.what()), "' escaped on input #", i);
    }
  }
  MESSAGE("facturx: ", runs, " inputs, ", refused, " refused with indie's errors");
}
