# indie verify and indie doctor (issue 18.6): the tamper-evident record of what is final, and
# the checks of the whole file. Each tampering is done with the sqlite3 shell, as another
# program would, after dropping the triggers that would refuse it.
. "$(dirname "$0")/lib.sh"
setup_business
check_json() { check "$1" jq -e "$2" <<<"$OUT" >/dev/null; }
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run project add acme/web --rate 80/h
run time add acme/web 2026-11-02 09:00-12:00 "maquettes"
run time add acme/web 2026-11-03 09:00-11:00 "recette"
run invoice new acme
run invoice issue 1
expect_rc 0 "F2026-0001 issued"
run invoice pay F2026-0001 --amount 100 --date 2026-11-20
expect_rc 0 "a payment"

# A sound database.
run verify
expect_rc 0 "verify passes"
expect_out "The record is unbroken: its 2 entries match"
HEAD1=$(sed -n 's/^Head: //p' <<<"$OUT")
check "the head is 64 hex digits" grep -Eq '^[0-9a-f]{64}$' <<<"$HEAD1"
check "the head is the last entry's hash" test "$HEAD1" = "$(sqlite3 "$DB" 'SELECT hash FROM record ORDER BY seq DESC LIMIT 1')"
run verify --format json
check_json "JSON says intact" '.intact == true and .entries == 2 and .break == null'
run doctor
expect_rc 0 "doctor passes"
expect_out "is sound"
run doctor --format csv
check "CSV: the header alone" test "$(tr -d '\r' <<<"$OUT")" = problem

# Each thing final is sealed once, in order: invoice, payment, then a credit note.
run invoice credit F2026-0001 --amount 40 --reason "Geste commercial" --date 2026-11-21
expect_rc 0 "a credit note"
check "three entries: invoice, payment, invoice (the credit note)" \
  test "$(sqlite3 "$DB" "SELECT group_concat(kind || ':' || ref_id, ' ') FROM (SELECT * FROM record ORDER BY seq)")" = "invoice:1 payment:1 invoice:2"
run verify --expect "$HEAD1"
expect_rc 0 "the head kept earlier is still in the record"
expect_out "The head you kept is entry 2 of it"
run verify --expect "$(tr a-f A-F <<<"$HEAD1")"
expect_rc 0 "a head copied in capitals is the same hash"
run verify --expect "$(printf '%064d' 7)"
expect_rc 1 "a head the record never had"
expect_err "no entry of the record has the head you kept"
run verify --expect nonsense
expect_rc 2 "--expect checks its argument"
expect_err "64 hex digits"

# Tampering, each on a copy, each named as the first break.
cp "$DB" "$T/good.db"
tamper() { # tamper SQL: the good database, changed by SQL
  rm -f "$DB-wal" "$DB-shm"
  cp "$T/good.db" "$DB"
  sqlite3 "$DB" "$1" >/dev/null || fail "sqlite3: $1"
}
tamper "DROP TRIGGER invoice_issued_update; UPDATE invoice SET notes = 'Payable en 60 jours' WHERE id = 1"
run verify
expect_rc 1 "an issued invoice edited"
expect_err "the record is broken at entry 1: F2026-0001 was changed after it was sealed"
run verify --format json
check_json "JSON names the break" '.intact == false and .break_entry == 1 and .entries == 0'

tamper "DROP TRIGGER invoice_line_issued_update; UPDATE invoice_line SET description = 'autre' WHERE invoice_id = 1"
run verify
expect_err "F2026-0001 was changed after it was sealed"

tamper "DROP TRIGGER time_entry_locked_update; UPDATE time_entry SET end_utc = end_utc + 3600 WHERE id = 1"
run verify
expect_err "the time entries billed on F2026-0001 were changed after it was issued"

tamper "DROP TRIGGER payment_no_update; UPDATE payment SET amount_minor = 24000"
run verify
expect_err "at entry 2: payment 1 (F2026-0001) was changed after it was sealed"

tamper "DROP TRIGGER payment_no_delete; PRAGMA foreign_keys = OFF; DELETE FROM payment"
run verify
expect_err "payment 1 was removed from the database after it was sealed"

tamper "DROP TRIGGER record_no_delete; DELETE FROM record WHERE seq = 2"
run verify
expect_err "record entry 2 is missing"

tamper "DROP TRIGGER record_no_update; UPDATE record SET content = '$(printf '%064d' 0)' WHERE seq = 3"
run verify
expect_err "record entry 3 (A2026-0001) was rewritten"

tamper "DROP TRIGGER record_no_delete; DELETE FROM record WHERE seq = 3"
run verify
expect_rc 1 "the last entry cut off"
expect_err "A2026-0001 is final but was never sealed in the record"

tamper "INSERT INTO payment (invoice_id, date, amount_minor, method, received_minor, received_currency, created_at)
        VALUES (1, '2026-11-22', 500, 'cash', 500, 'EUR', '2026-11-22T10:00:00Z')"
run verify
expect_err "payment 2 is final but was never sealed"
run doctor
expect_rc 1 "doctor reports the unsealed payment"
expect_out "record: payment 2 is final but was never sealed"
expect_err "1 problem found"

# doctor: a dropped trigger, an edited one, an extra object, a broken foreign key.
tamper "DROP TRIGGER payment_no_update"
run verify
expect_rc 0 "a dropped trigger alone does not break the record"
run doctor
expect_rc 1 "doctor sees the dropped trigger"
expect_out "schema: trigger payment_no_update is missing"
tamper "DROP TRIGGER payment_no_delete; CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment WHEN 0 BEGIN SELECT 1; END"
run doctor
expect_out "schema: trigger payment_no_delete was changed"
tamper "CREATE INDEX mine ON client (name); INSERT INTO project (client_id, handle, name, currency, created_at) VALUES (99, 'ghost', 'Ghost', 'EUR', 'x')"
run doctor --format json
expect_rc 1 "doctor: two problems"
check_json "JSON lists both" 'length == 2 and (.[0].problem | test("project row [0-9]+ refers to a missing row of client")) and .[1].problem == "schema: index mine is not indie'"'"'s"'

# A credit note that gives the time back: the entries may change again without a break.
tamper "SELECT 1"
run invoice credit F2026-0001 --reason "Annulation" --release-time
expect_rc 0 "cancelled, time released"
run time edit 1 --note "maquettes v2"
expect_rc 0 "a released entry can be edited"
run verify
expect_rc 0 "released time is not a break"
expect_out "its 4 entries"

# A database from before the record (schema 6): what was final is sealed at the upgrade.
tamper "DROP TRIGGER record_append_only; DROP TRIGGER record_no_update; DROP TRIGGER record_no_delete;
        DROP TRIGGER payment_no_update; DROP TRIGGER payment_no_delete; DROP TRIGGER payment_no_replace;
        CREATE TABLE p6 (id INTEGER PRIMARY KEY,
          invoice_id INTEGER NOT NULL REFERENCES invoice (id) ON DELETE RESTRICT,
          date TEXT NOT NULL, amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
          method TEXT NOT NULL CHECK (method IN ('transfer', 'card', 'cash', 'check', 'paypal', 'other')),
          account TEXT, received_minor INTEGER NOT NULL CHECK (received_minor > 0),
          received_currency TEXT NOT NULL CHECK (length(received_currency) = 3), rate TEXT,
          fx_gain_minor INTEGER, fx_currency TEXT, note TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL) STRICT;
        INSERT INTO p6 SELECT id, invoice_id, date, amount_minor, method, account, received_minor,
          received_currency, rate, fx_gain_minor, fx_currency, note, created_at FROM payment;
        DROP TABLE payment; ALTER TABLE p6 RENAME TO payment;
        CREATE INDEX payment_invoice ON payment (invoice_id);
        CREATE TRIGGER payment_on_issued BEFORE INSERT ON payment
        WHEN (SELECT state = 'issued' AND kind = 'invoice' FROM invoice WHERE id = NEW.invoice_id) IS NOT 1
        BEGIN SELECT RAISE(ABORT, 'payments are recorded on issued invoices only'); END;
        ALTER TABLE client DROP COLUMN terms_eom; ALTER TABLE invoice DROP COLUMN payment_terms;
        ALTER TABLE invoice DROP COLUMN deposit_minor; ALTER TABLE invoice DROP COLUMN deposit_date;
        DROP TABLE invoice_document; DROP TABLE record; ALTER TABLE invoice_line DROP COLUMN vat_fixed;
        ALTER TABLE invoice_line DROP COLUMN net_fixed; ALTER TABLE invoice DROP COLUMN service_from;
        ALTER TABLE invoice DROP COLUMN service_to;
        DROP TRIGGER account_tx_receipt_final; DROP TRIGGER account_tx_receipt_no_delete;
        DROP INDEX account_tx_receipt; ALTER TABLE account_tx DROP COLUMN receipt;
        ALTER TABLE account_tx DROP COLUMN activity; ALTER TABLE account_tx DROP COLUMN method;
        ALTER TABLE account_tx DROP COLUMN vat_rate; ALTER TABLE account_tx DROP COLUMN vat_minor;
        ALTER TABLE project DROP COLUMN activity; ALTER TABLE invoice_line DROP COLUMN activity;
        ALTER TABLE client DROP COLUMN delivery_address; ALTER TABLE client DROP COLUMN einvoice_address;
        DROP TRIGGER account_tx_pays_bill; DROP TABLE bill_payment; DROP TABLE bill_vat;
        DROP TABLE bill_line; DROP TABLE bill;
        PRAGMA user_version = 6"
run verify
expect_rc 0 "the upgrade seals what was there"
expect_out "its 3 entries"
check "sealed in date order: invoice, payment, credit note" \
  test "$(sqlite3 "$DB" "SELECT group_concat(kind || ':' || ref_id, ' ') FROM (SELECT * FROM record ORDER BY seq)")" = "invoice:1 payment:1 invoice:2"
check "upgraded to the latest schema (14)" test "$(sqlite3 "$DB" 'PRAGMA user_version')" = 14
check "the payment kept its id and amount" \
  test "$(sqlite3 "$DB" "SELECT id || ' ' || kind || ' ' || amount_minor FROM payment")" = "1 payment 10000"
run doctor
expect_rc 0 "and the upgraded file is sound"
finish
