# Regression (issue 18.5): REPLACE INTO, INSERT OR REPLACE and UPDATE OR REPLACE got past the
# immutability triggers: with the sqlite3 shell's defaults an issued invoice could be turned
# back into a draft and a billed time entry rewritten. Each statement form, in the sqlite3
# shell, is refused with indie's message and changes nothing; payments too (schema 7).
# REPLACE INTO time_entry with a billed entry's id is not refused (an insert trigger there cost
# imports 27 %; see src/store/migrations.cpp, v6 and v7) but `indie verify` names it.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run project add acme/web --rate 80/h
run time add acme/web 2026-11-02 09:00-12:00 "maquettes"
run invoice new acme
run invoice issue 1
expect_rc 0 "F2026-0001 issued"
run invoice pay F2026-0001 --amount 100 --date 2026-11-20
expect_rc 0 "a payment"
run invoice new acme --empty --service-date 2026-11-02
expect_rc 0 "draft 2"
snapshot before

attempt() { # attempt DESCRIPTION SQL
  local out
  out=$(sqlite3 "$DB" "$2" 2>&1)
  RC=$? OUT= ERR=$out
  if [ "$RC" != 0 ] && [[ "$out" == *"cannot be replaced"* || "$out" == *"cannot change"* ||
    "$out" == *"cannot be removed"* || "$out" == *"append-only"* ]]; then pass; else
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
attempt "UPDATE a payment" "UPDATE payment SET amount_minor = 1"
attempt "DELETE a payment" "DELETE FROM payment"
attempt "REPLACE INTO a payment" \
  "REPLACE INTO payment SELECT id, invoice_id, kind, reverses, date, 1, method, account, 1,
   received_currency, rate, fx_gain_minor, fx_currency, note, created_at FROM payment"
attempt "UPDATE OR REPLACE a payment" "UPDATE OR REPLACE payment SET amount_minor = 1"
attempt "REPLACE INTO the record" "REPLACE INTO record SELECT * FROM record WHERE seq = 1"
attempt "UPDATE the record" "UPDATE record SET hash = content"
attempt "DELETE from the record" "DELETE FROM record"

# The one form still open is caught by the record.
run verify
expect_rc 0 "the record is unbroken before"
sqlite3 "$DB" "REPLACE INTO time_entry (id, project_id, start_utc, end_utc, zone, note, tags)
  SELECT id, project_id, start_utc, end_utc + 3600, zone, note, tags FROM time_entry WHERE id = 1"
run verify
expect_rc 1 "verify names the rewritten billed time"
expect_err "the time entries billed on F2026-0001 were changed after it was issued"

run invoice show F2026-0001 --format json
check "F2026-0001 is still issued (and partly paid)" test "$(jq -r .status <<<"$OUT")" = partly-paid
# Ordinary work goes on: a draft line can still be added and replaced by indie itself.
run invoice line add 2 "Audit" --qty 1 --price 500
expect_rc 0 "a draft still takes lines"
finish
