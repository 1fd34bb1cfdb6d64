# E-invoices (issue 16, first part): `indie invoice render NUMBER --to cii` writes a CII (EN 16931)
# that passes the official validators — CII D16B and Factur-X schemas, EN 16931 rules, Factur-X
# rules and the French BR-FR rules (tests/einvoice/) — for every kind of invoice indie issues.
. "$(dirname "$0")/lib.sh"
VALIDATE="${INDIE_SOURCE:?}/tests/einvoice/validate-dir"
PREFLIGHT="${INDIE_SOURCE}/tests/einvoice/preflight"
INSPECT="$(dirname "$INDIE")/indie_facturx_inspect"   # indie's own structural check, with qpdf
# The validators are Java programs reading indie's files: the sanitizer run (.ci/run) sets
# INDIE_EXTERNAL_VALIDATORS=skip, as running them again there checks nothing new about indie;
# the README's test command always runs them.
if [ "${INDIE_EXTERNAL_VALIDATORS:-}" = skip ]; then
  skip_part "the external validators (INDIE_EXTERNAL_VALIDATORS=skip)"
  VALIDATE=true PREFLIGHT=true
fi
mkdir -p "$T/cii"
setup_business
# The documents kept at issue stay plain PDFs here, so that --to facturx renders each afresh;
# invoice.einvoice = auto, the default, is tested at the end.
run config set invoice.einvoice none
run config set bank.iban FR7630006000011234567890189
run config set business.email camille@example.fr
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554 --vat-number FR96552100554
run client add globex --name "Globex GmbH" --address "Unter den Linden 1, 10117 Berlin" --country DE --vat-number DE129273398 --email ap@globex.example
run client add initech --name "Initech Inc." --address "4120 Freidrich Ln, Austin TX 78744" --country US --currency USD --email ap@initech.example
run client add marie --name "Marie Dupont" --address "3 rue Haute, 32000 Auch" --country FR --vat-treatment consumer --email marie@example.fr
run rate set EUR USD 1.1225 --date 2026-11-02

issue() { # issue CLIENT NAME [--deposit …]: the draft's lines are added before
  local d=$1 name=$2; shift 2
  run invoice issue "$d" "$@"
  [ "$RC" = 0 ] || fail "issue $name: $ERR"
  run invoice render "$(sed -n 's/^Issued \([^ ]*\) .*/\1/p' <<<"$OUT")" --to cii -o "$T/cii/$name.xml"
  [ "$RC" = 0 ] || fail "render $name: $ERR"
}
draft() { run invoice new "$1" --empty --period 2026-11-01..2026-11-15 -q; D=$OUT; }

# Franchise en base (E, VATEX-FR-FRANCHISE), with a deposit paid before issue.
draft acme
run invoice line add "$D" "Développement" --qty 5 --unit d --price 450
issue "$D" franchise --deposit 500 --deposit-date 2026-11-10
draft globex   # to an EU business: reverse charge (AE, VATEX-EU-AE), both VAT numbers
run invoice line add "$D" "Audit" --qty 2 --unit d --price 600
run config set business.vat_number FR44732829320
issue "$D" reverse-charge
draft initech  # services outside the EU, in USD (O)
run invoice line add "$D" "API design" --qty 10 --unit h --price 90
issue "$D" outside-eu
draft marie    # a private client (B2C)
run invoice line add "$D" "Cours" --qty 1 --price 80
issue "$D" consumer

# A company charging VAT: three rates and a line discount, goods and services (M1); a USD
# invoice with the VAT total in EUR (BT-6, BT-111); a credit note (381) citing its invoice.
run config set business.legal_form SASU
run config set business.name "Atelier Martin"
run config set business.share_capital "1000 EUR"
run config set business.rcs_city Auch
run config set business.vat_regime standard
run config set business.activity mixed
# The reform's addresses: in the e-invoicing directory (BT-34, BT-49) and where goods go (BG-13).
run config set business.einvoice_address 732829320_FACTURES
expect_rc 0 "your address in the directory"
run client edit acme --einvoice-address 552100554_COMPTA --delivery-address "Entrepôt 4" --delivery-address "12 quai du Port, 69007 Lyon"
expect_rc 0 "the client's, and a delivery address"
run client edit acme --einvoice-address 123456789_X
expect_rc 1 "a directory address that is not the client's SIREN"
expect_err "must start with the client's SIREN (552100554)"
run client edit acme --einvoice-address "552100554 compta"
expect_rc 1 "spaces"
expect_err "is not one of the French directory's"
draft acme
run invoice line add "$D" "Conseil" --qty 3 --unit d --price 700 --vat 20 --discount 10 --activity bnc
run invoice line add "$D" "Livres" --qty 4 --price 25.50 --vat 5.5 --activity bic-sales
run invoice line add "$D" "Transport" --qty 1 --price 60 --vat 10 --activity bic-services
issue "$D" three-rates
run client add usco --name "US Co SARL" --address "8 rue Neuve, 69001 Lyon" --country FR --siren 552100554 --currency USD
run invoice new usco --empty --period 2026-11-01..2026-11-15 -q
D=$OUT
run invoice line add "$D" "Conseil" --qty 32 --unit h --price 125 --vat 20 --activity bnc
issue "$D" usd
run invoice credit F2026-0005 --amount 100 --reason "Geste commercial"
expect_rc 0 "the credit note"
run invoice render A2026-0001 --to cii -o "$T/cii/credit-note.xml"
expect_rc 0 "the credit note's CII"

check "seven e-invoices written" test "$(ls "$T/cii" | wc -l)" = 7
run invoice render F2026-0001 --to cii -o -
expect_out "<ram:ExemptionReasonCode>VATEX-FR-FRANCHISE</ram:ExemptionReasonCode>"
expect_out "<ram:TotalPrepaidAmount>500.00</ram:TotalPrepaidAmount>"
grep -q '<ram:TaxTotalAmount currencyID="EUR">' "$T/cii/usd.xml"; check "USD: the VAT in EUR (BT-111)" test $? = 0
grep -q '<ram:TypeCode>381</ram:TypeCode>' "$T/cii/credit-note.xml"; check "a credit note is 381" test $? = 0
grep -q '<ram:ID>M1</ram:ID>' "$T/cii/three-rates.xml"; check "goods and services: M1" test $? = 0
grep -q '<ram:URIID schemeID="0225">552100554_COMPTA</ram:URIID>' "$T/cii/three-rates.xml"; check "BT-49: the client's directory address" test $? = 0
grep -q '<ram:URIID schemeID="0225">732829320_FACTURES</ram:URIID>' "$T/cii/three-rates.xml"; check "BT-34: yours" test $? = 0
grep -A3 "<ram:ShipToTradeParty>" "$T/cii/three-rates.xml" | grep -q "Entrepôt 4"; check "BG-13: the delivery address" test $? = 0
run invoice render F2026-0005 --to txt -o -
expect_out "Livraisons de biens et prestations de services"   # after "Catégorie de l'opération"
expect_out "Entrepôt 4, 12 quai du Port, 69007 Lyon"          # after "Adresse de livraison"
run invoice render F2026-0005 --to pdf -o "$T/three-rates.pdf"
check "the PDF prints the category and the delivery address" bash -c "pdftotext '$T/three-rates.pdf' - | grep -q 'Livraisons de biens' && pdftotext '$T/three-rates.pdf' - | grep -q 'Entrepôt 4'"
"$VALIDATE" "$T/cii" >"$T/validate.txt" 2>&1
check "every file passes the official validators" test $? = 0
cat "$T/validate.txt"

# Factur-X: the PDF of the invoice as PDF/A-3b, with its CII inside as factur-x.xml; Apache
# PDFBox Preflight finds nothing PDF/A-3 forbids (tests/einvoice/preflight).
mkdir -p "$T/fx"
for n in F2026-0001 F2026-0005 F2026-0006 A2026-0001; do
  run invoice render "$n" --to facturx -o "$T/fx/$n.pdf"
  expect_rc 0 "Factur-X of $n"
  expect_out "Factur-X EN 16931, PDF/A-3b"
  check "$n: PDF 1.7" bash -c "pdfinfo '$T/fx/$n.pdf' | grep -q 'PDF version: *1.7'"
  check "$n: one embedded file, factur-x.xml" bash -c "pdfdetach -list '$T/fx/$n.pdf' | grep -q '^1: factur-x.xml'"
  pdfdetach -save 1 -o "$T/fx/$n.xml" "$T/fx/$n.pdf" >/dev/null 2>&1
  run invoice render "$n" --to cii -o -
  check "$n: the embedded XML is the invoice's CII" test "$(cat "$T/fx/$n.xml")" = "$OUT"
  "$INSPECT" "$T/fx/$n.pdf" >"$T/inspect.txt" 2>&1
  check "$n: one factur-x.xml, text/xml, /AF, XMP, sRGB intent, every font embedded (qpdf)" test $? = 0
  grep FAIL "$T/inspect.txt" >&2
done
"$PREFLIGHT" "$T"/fx/*.pdf >"$T/preflight.txt" 2>&1
check "every Factur-X file passes Preflight (PDF/A-3b)" test $? = 0
cat "$T/preflight.txt"

# The rules indie checks natively, without Java: what passes, and what a platform would reject.
run invoice check F2026-0001
expect_rc 0 "a valid e-invoice"
expect_out "its e-invoice passes the EN 16931 and BR-FR rules indie checks"
for n in F2026-0002 F2026-0003 F2026-0004 F2026-0005 F2026-0006 A2026-0001; do
  run invoice check "$n"
  expect_rc 0 "the native checks agree with the validators on $n"
done
run client add paul --name "Paul Martin" --address "4 rue Basse, 32000 Auch" --country FR --vat-treatment consumer
run invoice new paul --empty --service-date 2026-11-20 -q
P=$OUT
run invoice line add "$P" "Cours" --qty 1 --price 50 --vat 20 --activity bnc
run invoice check "$P" --format json
expect_rc 1 "a private client without an e-mail address"
check "the rule and what to do" test "$(jq -r '.[0].rule' <<<"$OUT")" = "BR-FR-12"
expect_out "indie client edit paul --email"
run config set invoice.einvoice cii
snapshot einvoice
run invoice issue "$P"
expect_rc 1 "issuing refuses what a platform would reject"
expect_err "draft $P cannot be issued: its e-invoice would be rejected (invoice.einvoice is cii)"
expect_err "BR-FR-12"
expect_unchanged_since einvoice
run client edit paul --email paul@example.fr
run invoice issue "$P"
expect_rc 0 "issued once the client has an address"
run config set invoice.einvoice factur-y
expect_rc 1 "an unknown e-invoice setting"
expect_err "must be auto, none, cii or facturx"

# invoice.einvoice = facturx: the document kept at issue is the Factur-X file.
run config set invoice.einvoice facturx
run invoice new paul --empty --service-date 2026-11-21 -q
D=$OUT
run invoice line add "$D" "Cours" --qty 2 --price 50 --vat 20 --activity bnc
run invoice issue "$D" -q
expect_rc 0 "issued as Factur-X"
N=$OUT
run invoice render "$N" -o "$T/kept.pdf"
expect_out "the document issued on"
check "the kept document carries factur-x.xml" bash -c "pdfdetach -list '$T/kept.pdf' | grep -q factur-x.xml"
run invoice verify "$N" "$T/kept.pdf"
expect_rc 0 "it is the document issued"
"$PREFLIGHT" "$T/kept.pdf" >/dev/null 2>&1
check "the kept Factur-X passes Preflight" test $? = 0
check "the kept Factur-X passes the structural check" "$INSPECT" "$T/kept.pdf"
run verify
expect_rc 0 "the record still verifies"

# Round trip: every kind, as CII and as Factur-X, read by indie bill import on another database
# (the client's books) gives the same figures as the invoice issued.
export INDIE_DB="$T/client.db" INDIE_CONFIG="$T/client.toml"
run init --name "Client Books" --country FR --vat-regime standard
for xml in "$T"/cii/*.xml "$T"/fx/*.pdf; do
  run bill import "$xml" --any-buyer
  [ "$RC" = 0 ] || fail "bill import $(basename "$xml"): $ERR"
done
run bill list --format json
BILLS=$OUT
unset INDIE_DB INDIE_CONFIG
check "eleven files, seven invoices: each read once" test "$(jq length <<<"$BILLS")" = 7
for n in F2026-0001 F2026-0002 F2026-0003 F2026-0004 F2026-0005 F2026-0006 A2026-0001; do
  run invoice show "$n" --format json
  issued=$(jq -c '{net, vat: .vat_total, total} | map_values(ltrimstr("-"))' <<<"$OUT")
  read_back=$(jq -c --arg n "$n" '.[] | select(.number == $n) | {net, vat, total} | map_values(ltrimstr("-"))' <<<"$BILLS")
  check "$n read back: $read_back = $issued" test "$read_back" = "$issued"
done
check "the deposit paid before issue is read back: 2250.00 - 500.00 due" test \
  "$(jq -r '.[] | select(.number == "F2026-0001") | .due' <<<"$BILLS")" = 1750.00

# invoice.einvoice = auto (the default): a French business client's invoice is kept as a
# Factur-X and checked at issue; a private person's stays a plain PDF.
run config set invoice.einvoice auto
run invoice new acme --empty --service-date 2026-11-21 -q
A=$OUT
run invoice line add "$A" "Conseil" --qty 1 --unit d --price 700 --vat 20 --activity bnc
run invoice issue "$A" -q
expect_rc 0 "auto: issued to a French business"
check "auto: kept as a Factur-X" test "$(sqlite3 "$DB" "SELECT format FROM invoice_document d JOIN invoice i ON i.id = d.invoice_id WHERE i.number = '$OUT'")" = facturx
run invoice new paul --empty --service-date 2026-11-21 -q
C=$OUT
run invoice line add "$C" "Cours" --qty 1 --price 50 --vat 20 --activity bnc
run invoice issue "$C" -q
expect_rc 0 "auto: issued to a private person"
check "auto: a private person's stays a plain PDF" test "$(sqlite3 "$DB" "SELECT format FROM invoice_document d JOIN invoice i ON i.id = d.invoice_id WHERE i.number = '$OUT'")" = pdf
run config set business.einvoice_address 999999999_X
run invoice new acme --empty --service-date 2026-11-21 -q
A=$OUT
run invoice line add "$A" "Conseil" --qty 1 --unit d --price 700 --vat 20 --activity bnc
snapshot auto
run invoice issue "$A"
expect_rc 1 "auto: what a platform would reject is not issued to a French business"
expect_err "BR-FR-13: your e-invoicing address (BT-34) 999999999_X does not start with your SIREN 732829320"
expect_err "invoice.einvoice = none issues without the e-invoice"
expect_unchanged_since auto
run config set business.einvoice_address ""

# A draft has no e-invoice; nothing is written.
run invoice new acme --empty -q
run invoice render "$OUT" --to cii -o "$T/draft.xml"
expect_rc 1 "a draft"
expect_err "is a draft: an e-invoice is made of an issued invoice"
check "no file for a draft" test ! -e "$T/draft.xml"
finish
