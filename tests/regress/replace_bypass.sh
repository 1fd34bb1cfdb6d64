# Regression (issue 18.5): REPLACE INTO, INSERT OR REPLACE and UPDATE OR REPLACE got past the
# immutability triggers: with the sqlite3 shell's defaults an issued invoice could be turned
# back into a draft and a billed time entry rewritten. Each statement form, in the sqlite3
# shell, is refused with indie's message and changes nothing. Still open: REPLACE INTO
# time_entry with a billed entry's id (an insert trigger there cost imports 25 %; see
# src/store/migrations.cpp, v6).
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run project add acme/web --rate 80/h
run time add acme/web 2026-11-02 09:00-12:00 "maquettes"
run invoice new acme
run invoice issue 1
expect_rc 0 "F2026-0001 issued"
run invoice new acme --empty
expect_rc 0 "draft 2"
snapshot before

attempt() { # attempt DESCRIPTION SQL
  local out
  out=$(sqlite3 "$DB" "$2" 2>&1)
  RC=$? OUT= ERR=$out
  if [ "$RC" != 0 ] && [[ "$out" == *"cannot be replaced"* || "$out" == *"cannot change"* ]]; then pass; else
    fail "$1 should be refused by a trigger"
  fi
  expect_unchanged_since before
}

attempt "REPLACE INTO an issued invoice, as a draft" \
  "REPLACE INTO invoice (id, kind, client_id, currency, language, state, created_at)
   VALUES (1, 'invoice', 1, 'EUR', 'fr', 'draft', '2026-11-21T10:00:00Z')"
attempt "INSERT OR REPLACE onto an issued invoice's number" \
  "INSERT OR REPLACE INTO invoice (kind, client_id, currency, language, state, number, created_at)
   VALUES ('invoice', 1, 'EUR', 'fr', 'draft', 'F2026-0001', '2026-11-21T10:00:00Z')"
attempt "UPDATE OR REPLACE a draft onto an issued invoice's id" \
  "UPDATE OR REPLACE invoice SET id = 1 WHERE id = 2"
attempt "UPDATE OR REPLACE a draft onto an issued invoice's number" \
  "UPDATE OR REPLACE invoice SET number = 'F2026-0001' WHERE id = 2"
attempt "REPLACE INTO an issued invoice's line" \
  "REPLACE INTO invoice_line (id, invoice_id, position, description, quantity, unit, unit_price, vat_rate, discount, net_minor)
   SELECT id, 2, 1, 'rewritten', '1', 'u', '1', '0', '0', 100 FROM invoice_line WHERE invoice_id = 1"
attempt "UPDATE OR REPLACE an unbilled entry onto a billed one's id" \
  "BEGIN;
   INSERT INTO time_entry (project_id, start_utc, end_utc, zone, note, tags)
     SELECT project_id, start_utc + 86400, end_utc + 86400, zone, 'new', '' FROM time_entry WHERE id = 1;
   UPDATE OR REPLACE time_entry SET id = 1 WHERE note = 'new';
   COMMIT;"

run invoice show F2026-0001 --format json
check "F2026-0001 is still issued" test "$(jq -r .status <<<"$OUT")" = issued
# Ordinary work goes on: a draft line can still be added and replaced by indie itself.
run invoice line add 2 "Audit" --qty 1 --price 500
expect_rc 0 "a draft still takes lines"
finish
