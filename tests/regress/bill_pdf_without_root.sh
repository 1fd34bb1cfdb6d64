# Regression (issue 16, found by tests/modules/einvoice_fuzz_test.cpp): a PDF whose catalog
# (/Root) cannot be found made qpdf throw outside the reader's guard; the exception left the
# PDF module as an internal error. Now the file is refused as damaged, saying what to do, and
# nothing is recorded.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
perl -pe 's{/Root }{/Roox }g' "$INDIE_SOURCE/tests/fuzz/einvoice-pdf/franchise-facturx.pdf" >"$T/noroot.pdf"
snapshot before
run bill import "$T/noroot.pdf"
expect_rc 1 "a PDF without its catalog"
expect_err "noroot.pdf: the PDF is damaged ("   # then qpdf's own words, which vary by version
expect_err "); ask the supplier for the file again"
expect_unchanged_since before
finish
