# The PDF module (issue 19): pango and cairo live in indie-pdf.so, loaded only to render a PDF.
# A PDF renders through it from the build tree and from an installed tree; without it, a PDF
# is refused naming the missing file while every other format still works; and a command that
# does not render loads at most a dozen shared libraries.
. "$(dirname "$0")/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty --service-date 2026-11-02
run invoice line add 1 "Audit" --qty 1 --price 1000
run invoice issue 1
expect_rc 0 "issued"

BUILD=$(dirname "$INDIE")
check "the module is built beside the binary" test -f "$BUILD/indie-pdf.so"
run invoice render F2026-0001 --to pdf -o "$T/build.pdf"
expect_rc 0 "a PDF from the build tree"
check "it is a PDF" bash -c "head -c 5 '$T/build.pdf' | grep -q '%PDF-'"
check "pdftotext reads the number" bash -c "pdftotext '$T/build.pdf' - | grep -q F2026-0001"

# Loaded only when a PDF is rendered: the libraries a command maps, counted by the loader.
libs() { LD_DEBUG=libs "$INDIE" "$@" 2>&1 >/dev/null | grep -c 'calling init:'; }
n=$(libs --version)
check "indie --version initialises at most 12 libraries (got $n)" test "$n" -le 12
n=$(libs time status)
check "indie time status initialises at most 12 libraries (got $n)" test "$n" -le 12
check "no pango for time status" bash -c "! LD_DEBUG=libs '$INDIE' time status 2>&1 | grep -q libpango"
# The issued document is kept in the database: a duplicate is rendered afresh, through pango.
check "pango for a PDF" bash -c "LD_DEBUG=libs '$INDIE' invoice render F2026-0001 --duplicate -o '$T/again.pdf' 2>&1 | grep -q libpango"

# An installed tree: the binary finds the module in <libdir>/indie.
if command -v cmake >/dev/null; then
  cmake --install "$BUILD" --prefix "$T/inst" >/dev/null 2>&1
  check "installed: the module is under lib" bash -c "ls '$T'/inst/lib*/indie/indie-pdf.so '$T'/inst/lib/*/indie/indie-pdf.so 2>/dev/null | grep -q ."
  "$INDIE" invoice render F2026-0001 --duplicate -o "$T/build-copy.pdf" >/dev/null 2>&1
  "$T/inst/bin/indie" invoice render F2026-0001 --duplicate -o "$T/installed.pdf" >/dev/null 2>"$T/err"
  RC=$? ERR=$(cat "$T/err")
  expect_rc 0 "a PDF from the installed tree"
  check "the same document from both trees" cmp -s "$T/build-copy.pdf" "$T/installed.pdf"
fi

# The binary alone, without its module.
mkdir -p "$T/lone"
cp "$INDIE" "$T/lone/indie"
snapshot before
"$T/lone/indie" invoice render F2026-0001 --duplicate -o "$T/lone.pdf" >"$T/out" 2>"$T/err"
RC=$? OUT=$(cat "$T/out") ERR=$(cat "$T/err")
expect_rc 1 "no module: a PDF is refused"
expect_err "PDF output needs indie's module indie-pdf.so, which is missing: no $T/lone/indie-pdf.so"
expect_err "meanwhile render to html, md or txt"
check "no file written" test ! -e "$T/lone.pdf"
expect_unchanged_since before
# Issuing keeps the invoice's PDF: without the module nothing is issued.
run invoice new acme --empty --service-date 2026-11-03 -q
D=$OUT
run invoice line add "$D" "Recette" --qty 1 --price 500
snapshot draft
# A French business client's invoice (invoice.einvoice = auto) is read back through the XML
# module first: without it, nothing is issued either, and the error says how to go on.
"$T/lone/indie" invoice issue "$D" >"$T/out" 2>"$T/err"
RC=$? ERR=$(cat "$T/err")
expect_rc 1 "no XML module: issuing a French business's e-invoice is refused"
expect_err "Reading XML needs indie's module indie-xml.so, which is missing"
expect_err "indie config set invoice.einvoice none"
expect_unchanged_since draft
run config set invoice.einvoice none
snapshot draft
"$T/lone/indie" invoice issue "$D" >"$T/out" 2>"$T/err"
RC=$? ERR=$(cat "$T/err")
expect_rc 1 "no module: issuing is refused"
expect_err "cannot be issued without its PDF"
expect_err "indie-pdf.so, which is missing"
expect_unchanged_since draft
# The document kept at issue needs no module to be given back.
"$T/lone/indie" invoice render F2026-0001 -o "$T/kept.pdf" >/dev/null 2>&1
check "the kept PDF, without the module" cmp -s "$T/build.pdf" "$T/kept.pdf"
"$T/lone/indie" invoice render F2026-0001 --to txt -o - >"$T/out" 2>"$T/err"
RC=$? OUT=$(cat "$T/out")
expect_rc 0 "text still renders without the module"
expect_out "F2026-0001"
finish
