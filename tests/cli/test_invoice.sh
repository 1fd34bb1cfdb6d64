# Invoices end to end: drafts from time, manual lines, issue with the legal check, numbering,
# immutability (also against raw SQL), and every bad input leaving the data as it was.
. "$(dirname "$0")/lib.sh"

setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run project add acme/web --name "Site web" --rate 80/h
run project add acme/audit --name "Audit" --rate 600/d
run time add acme/web 2026-11-02 09:00-12:30 "maquettes"
run time add acme/web 2026-11-03 14:00-16:10 "intégration"
run time add acme/audit 2026-11-04 09:00-13:00 "audit"
run time add acme/web 2026-10-15 09:00-10:00 "octobre"

# --- a draft from unbilled time ---------------------------------------------------------
snapshot before
run invoice new nobody
expect_rc 1 "unknown client"
expect_unchanged_since before
run invoice new acme --from 2026-12-01
expect_rc 1 "no time in the period"
expect_err "no unbilled, billable, finished time in that period"
expect_err "--empty"
expect_unchanged_since before
run invoice new acme --currency XYZ
expect_rc 1 "unknown currency"
expect_err "--currency: unknown currency 'XYZ'"
run invoice new acme --group-by week
expect_rc 2 "unknown grouping"
expect_unchanged_since before

run invoice new acme --from 2026-11-01 --to 2026-11-30
expect_rc 0 "draft from time"
expect_out "Created draft 1 for acme: 2 lines billing 3 time entries (2026-11-02..2026-11-04)"
run invoice show 1 --format json
check "lines are sorted by project name" test "$(jq -r '[.lines[].description] | join(",")' <<<"$OUT")" = "Audit,Site web"
check "web line: 5:40 is 5.67 h at 80" test "$(jq -r '.lines[1] | "\(.quantity) \(.unit) \(.unit_price) \(.net)"' <<<"$OUT")" = "5.67 h 80 453.60"
check "audit line: 4 h is 0.5 d at 600" test "$(jq -r '.lines[0] | "\(.quantity) \(.unit) \(.net)"' <<<"$OUT")" = "0.5 d 300.00"
check "each line states its service period" test "$(jq -r '.lines[1].period' <<<"$OUT")" = "2026-11-02..2026-11-03"
check "each line knows its entries" test "$(jq -r '[.lines[].time_entries] | add' <<<"$OUT")" = 3
check "a draft has no number" test "$(jq -r '.number' <<<"$OUT")" = null
check "franchise: no VAT" test "$(jq -r '"\(.net) \(.vat_total) \(.total)"' <<<"$OUT")" = "753.60 0.00 753.60"
run time list --format json
check "billed entries show the draft" test "$(jq -r '[.[] | select(.status == "draft")] | length' <<<"$OUT")" = 3
check "October's entry is still unbilled" test "$(jq -r '.[] | select(.note == "octobre") | .status' <<<"$OUT")" = unbilled
run time edit 1 --note "changed"
expect_rc 1 "an entry on a draft cannot change"
expect_err "draft"

run invoice new acme
expect_rc 0 "the rest of the time: October"
expect_out "Created draft 2"
run invoice rm 2
expect_rc 0 "rm a draft"
expect_out "unbilled again"
run time list --unbilled --format json
check "rm released the entry" test "$(jq length <<<"$OUT")" = 1

# --- manual lines ------------------------------------------------------------------------
run invoice line add 1 "Audit technique" --qty 2.5 --unit d --price 650 --period 2026-11-01..2026-11-15
expect_rc 0 "line add"
expect_out "Added line 3 to draft 1: 2.5 d x 650 = 1,625.00 EUR"
snapshot before
run invoice line add 1 "Hébergement" --qty 1 --price 100 --vat 20
expect_rc 1 "VAT under the franchise"
expect_err "franchise en base"
expect_err "must be 0"
expect_unchanged_since before
run invoice line add 1 "x" --qty 0 --price 10
expect_rc 1 "zero quantity"
expect_err "--qty"
run invoice line add 1 "x" --qty abc --price 10
expect_rc 1 "bad quantity"
expect_err "--qty"
run invoice line add 1 "x" --qty 1 --price 10 --unit parsec
expect_rc 1 "bad unit"
expect_err "unknown unit"
run invoice line add 1 "x" --qty 1 --price 10 --discount 100
expect_rc 1 "bad discount"
run invoice line add 1 "x" --qty 1 --price 10 --period 2026-11-15..2026-11-01
expect_rc 1 "period backwards"
run invoice line add 1 "x" --qty 1
expect_rc 2 "no price"
run invoice line edit 1 9 --price 5
expect_rc 1 "no such line"
expect_err "lines 1 to 3"
expect_unchanged_since before
run invoice line edit 1 3 --discount 10
expect_rc 0 "line edit"
expect_out "1,462.50 EUR"
run invoice line add 1 "Frais" --qty 1 --price 50
run invoice line rm 1 4
expect_rc 0 "line rm"
run invoice show 1 --format csv
check "csv lists the lines" test "$(printf '%s\n' "$OUT" | wc -l)" = 4
check "csv has a header" test "$(printf '%s\n' "$OUT" | head -1 | cut -d, -f1-3)" = "invoice,position,description"

# --- issue -------------------------------------------------------------------------------
run invoice new acme --empty --service-date 2026-11-02
expect_out "Created draft 3"
snapshot before
run invoice issue 3
expect_rc 1 "issuing an empty invoice"
expect_err "no lines"
expect_err "Nothing was changed"
expect_unchanged_since before

run client add bob --name "Bob" --country FR
run invoice new bob --empty --service-date 2026-11-02 -q
run invoice line add 4 "Conseil" --qty 1 --price 100
snapshot before
run invoice issue 4
expect_rc 1 "missing client address and SIREN"
expect_err "indie client edit bob --address"
expect_err "indie client edit bob --siren"
expect_unchanged_since before

run invoice issue 1 --date 2026-11-21
expect_rc 0 "issue"
expect_out "Issued F2026-0001 to acme: 2,216.10 EUR including VAT, due 2026-12-21."
run invoice show F2026-0001 --format json
check "the number is set" test "$(jq -r .number <<<"$OUT")" = F2026-0001
check "seller snapshot names the EI" test "$(jq -r .seller.name <<<"$OUT")" = "Camille Martin EI"
check "buyer snapshot" test "$(jq -r .buyer.siren <<<"$OUT")" = 552100554
check "franchise mention frozen" test "$(jq '.mentions | index("TVA non applicable, art. 293 B du CGI") != null' <<<"$OUT")" = true
check "40 EUR indemnity" test "$(jq -e '.mentions | map(select(test("40\u00a0€"))) | length == 1' <<<"$OUT")" = true
check "category E" test "$(jq -r '"\(.vat_category) \(.vat_exemption_code)"' <<<"$OUT")" = "E VATEX-FR-FRANCHISE"
check "due date from the terms" test "$(jq -r .due_date <<<"$OUT")" = 2026-12-21
run invoice show f2026-0001
expect_rc 0 "numbers are found case-insensitively"
expect_out "Camille"
run time list --format json
check "issued entries are locked" test "$(jq -r '[.[] | select(.status == "billed F2026-0001")] | length' <<<"$OUT")" = 3

# Changes to an issued invoice: a clear error that says what to do, and nothing changed.
snapshot before
run invoice line add F2026-0001 "x" --qty 1 --price 1
expect_rc 1 "line add on issued"
expect_err "issued invoices cannot change; create a credit note: indie invoice credit F2026-0001"
run invoice line edit F2026-0001 1 --price 1
expect_rc 1 "line edit on issued"
expect_err "indie invoice credit F2026-0001"
run invoice line rm F2026-0001 1
expect_rc 1 "line rm on issued"
run invoice rm F2026-0001
expect_rc 1 "rm issued"
expect_err "indie invoice credit F2026-0001"
run invoice issue F2026-0001
expect_rc 1 "issue twice"
expect_err "already issued"
run time edit 1 --note "x"
expect_rc 1 "billed time is locked"
run time rm 1
expect_rc 1 "billed time cannot be removed"
expect_unchanged_since before

# The database itself refuses, whatever program writes to it.
for sql in "UPDATE invoice SET net_minor = 1, vat_minor = 0, gross_minor = 1 WHERE number = 'F2026-0001'" \
  "DELETE FROM invoice WHERE number = 'F2026-0001'" \
  "UPDATE invoice_line SET unit_price = '1' WHERE invoice_id = 1" \
  "DELETE FROM invoice_line WHERE invoice_id = 1" \
  "INSERT INTO invoice_line (invoice_id, position, description, quantity, unit, unit_price, vat_rate, net_minor) VALUES (1, 9, 'x', '1', 'u', '1', '0', 100)" \
  "DELETE FROM invoice_line_time" \
  "UPDATE time_entry SET invoice_id = NULL, invoice_number = NULL WHERE id = 1" \
  "UPDATE invoice SET state = 'draft', number = NULL WHERE id = 1"; do
  if sqlite3 "$DB" "$sql" 2>"$T/sqlerr"; then fail "raw SQL should be refused: $sql"; else
    check "raw SQL refused with the way out: $sql" grep -q "credit note" "$T/sqlerr"
  fi
done
expect_unchanged_since before

# Numbers: the next in the series, in date order.
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 5 "Conseil" --qty 1 --price 100
snapshot before
run invoice issue 5 --date 2026-11-20
expect_rc 1 "an issue date before the last one"
expect_err "numbers must follow the order of dates"
expect_unchanged_since before
run invoice issue 5 --date 2026-11-21
expect_out "Issued F2026-0002"
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 6 "Conseil" --qty 1 --price 100
INDIE_NOW=2027-01-05T10:00:00Z run invoice issue 6
expect_out "Issued F2027-0001"

# Listings.
run invoice list --format json
check "list json" test "$(jq -r '[.[] | .number // "draft"] | join(" ")' <<<"$OUT")" = "F2026-0001 F2026-0002 F2027-0001 draft draft"
run invoice list --status draft --format csv
check "status filter" test "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "3 4 "
run invoice list --client bob --format tsv
check "client filter" test "$(printf '%s\n' "$OUT" | wc -l)" = 2
run invoice list --from 2027-01-01 --format json
check "date filter" test "$(jq length <<<"$OUT")" = 1
run invoice list --status late
expect_rc 2 "unknown status"
run invoice show F2026-9999
expect_rc 1 "unknown number"
expect_err "Did you mean"
run invoice list
expect_out "F2026-0002"
check "table output pipes into column" bash -c "'$INDIE' invoice list --format tsv | column -t -s \$'\\t' >/dev/null"
finish
