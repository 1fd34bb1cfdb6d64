# Regression (issue 14.1): rendering F2026-0001 again after a payment and a credit note gave
# another document under the same number. Issuing now keeps the PDF's bytes and their SHA-256
# (immutable, sealed in the record with the invoice); `invoice render NUMBER` gives back exactly
# those bytes, whenever and whatever happened since; `invoice verify` tells whether a file is
# that document; `--duplicate` makes a copy marked DUPLICATA.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 1 "Atelier" --qty 2 --unit d --price 450
snapshot draft
run invoice render 1 --duplicate
expect_rc 2 "a draft has no duplicate"
expect_err "a duplicate is a copy of an issued invoice"
expect_unchanged_since draft
run invoice issue 1 --date 2026-11-20
expect_rc 0 "issued"
# A French business client: with invoice.einvoice = auto (the default) the PDF kept is a Factur-X.
check "the PDF is kept at issue, with its SHA-256" \
  test "$(sqlite3 "$DB" "SELECT format || ' ' || (length(bytes) > 1000) || ' ' || length(sha256) FROM invoice_document WHERE invoice_id = 1")" = "facturx 1 64"
cd "$T"
run invoice render F2026-0001 -o issued.pdf
expect_rc 0 "render"
expect_out "the document issued on 2026-11-20, SHA-256 "
check "the file is the stored document" test "$(sha256sum <issued.pdf | cut -d' ' -f1)" = "$(sqlite3 "$DB" 'SELECT sha256 FROM invoice_document')"

# A payment, a credit note, a new day, a new address: the document stays the same, byte for byte.
run invoice pay F2026-0001 --amount 500 --date 2026-11-25
run invoice credit F2026-0001 --amount 100 --reason "Remise" --date 2026-11-26
run config set business.address "3 place du Foirail, 32000 Auch"
INDIE_NOW=2027-01-15T08:00:00Z run invoice render F2026-0001 -o later.pdf
check "rendered later: the same bytes" cmp -s issued.pdf later.pdf
check "still Net à payer 900, nothing paid or credited on it" \
  grep -q "Net à payer 900,00" <<<"$(pdftotext -raw later.pdf -)"
check "and neither the payment nor the credit note" bash -c '! pdftotext -raw later.pdf - | grep -Eq "Avoir|réglé|500,00"'
check "the credit note was kept at issue too" \
  test "$(sqlite3 "$DB" "SELECT count(*) FROM invoice_document d JOIN invoice i ON i.id = d.invoice_id WHERE i.number = 'A2026-0001'")" = 1

# verify: the file issued, or not.
run invoice verify F2026-0001 later.pdf
expect_rc 0 "the document issued"
expect_out "later.pdf is F2026-0001 as issued on 2026-11-20, byte for byte"
"$INDIE" invoice verify F2026-0001 - <later.pdf >"$T/out" 2>&1
RC=$? OUT=$(cat "$T/out")
expect_rc 0 "from standard input"
expect_out "standard input is F2026-0001 as issued"
run invoice verify later.pdf --format json
check "found by its hash alone" test "$(jq -r '"\(.issued_as) \(.invoice)"' <<<"$OUT")" = "true F2026-0001"
cp later.pdf changed.pdf && printf ' ' >>changed.pdf
run invoice verify F2026-0001 changed.pdf
expect_rc 1 "one byte more"
expect_err "changed.pdf is not the document issued as F2026-0001: its SHA-256 is"
run invoice render A2026-0001 -o note.pdf
run invoice verify F2026-0001 note.pdf
expect_rc 1 "another document"
expect_err "note.pdf is not the document issued as F2026-0001: it is A2026-0001's"
run invoice verify changed.pdf --format csv
expect_rc 1 "unknown file"
check "CSV says so" grep -q "^changed.pdf,[0-9a-f]*,false,," <<<"$OUT"
run invoice verify F2026-0001 missing.pdf
expect_rc 1 "no such file"
expect_err "missing.pdf"
run invoice verify
expect_rc 2 "no file"

# A duplicate: made afresh, marked, and not the document issued.
run invoice render F2026-0001 --duplicate -o copy.pdf
expect_out "a copy, marked DUPLICATA"
check "the copy carries the mark" grep -q DUPLICATA <<<"$(pdftotext -raw copy.pdf -)"
check "the original does not" bash -c '! pdftotext -raw later.pdf - | grep -q DUPLICATA'
run invoice render F2026-0001 --duplicate --to txt -o -
expect_out "*** DUPLICATA ***"
run invoice verify F2026-0001 copy.pdf
expect_rc 1 "a duplicate is not the original"

# The database keeps the document final, and the record notices bytes changed behind its back.
snapshot kept
sqlite3 "$DB" "UPDATE invoice_document SET created_at = 'x'" 2>"$T/sql"
check "SQL: no update" grep -q "the document of an issued invoice is final" "$T/sql"
sqlite3 "$DB" "DELETE FROM invoice_document" 2>"$T/sql"
check "SQL: no delete" grep -q "the document of an issued invoice is final and cannot be removed" "$T/sql"
sqlite3 "$DB" "INSERT INTO invoice_document SELECT 1, 'pdf', x'00', sha256, 'x' FROM invoice_document WHERE invoice_id = 1" 2>"$T/sql"
check "SQL: no second document" grep -q "stored once" "$T/sql"
expect_unchanged_since kept
run verify
expect_rc 0 "record intact"
sqlite3 "$DB" "DROP TRIGGER invoice_document_no_update; UPDATE invoice_document SET bytes = CAST(bytes || 'x' AS BLOB) WHERE invoice_id = 1"
run verify
expect_rc 1 "changed bytes break the record"
expect_err "F2026-0001"
finish
