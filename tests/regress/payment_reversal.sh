# Regression (issue 14.8): a payment recorded by mistake could only be "fixed" by editing or
# deleting the row with SQL, which the record then reported as a break. A recorded payment never
# changes; `indie invoice pay --reverse ID` records its exact opposite (in its account too), once.
# The database itself refuses a reversal that is not the exact opposite, and any negative
# "payment" that is not a refund or a reversal.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run account add Qonto --currency EUR
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 1 "Atelier" --qty 1 --unit d --price 500
run invoice issue 1 --date 2026-11-20
run invoice pay F2026-0001 --amount 500 --account Qonto --date 2026-11-20
expect_out "(payment 1)"
# The client paid once; the same transfer was recorded twice.
run invoice pay F2026-0001 --amount 500 --account Qonto --date 2026-11-20 --allow-overpay
expect_out "(payment 2)"
run invoice show F2026-0001
expect_out "Payment 2: 500.00 EUR on 2026-11-20 by transfer into Qonto"

snapshot before
run invoice pay --reverse 7
expect_rc 1 "an unknown payment"
expect_err "no payment 7: indie invoice show NUMBER lists an invoice's payments with their ids"
run invoice pay --reverse 2 --amount 500
expect_rc 2 "--amount with --reverse"
expect_err "--amount cannot be given with it"
run invoice pay --reverse 2 --date 2026-11-19
expect_rc 1 "before the payment"
expect_err "its reversal cannot come before it"
run invoice pay --reverse abc
expect_rc 2 "not an id"
run invoice pay F2026-0001 --amount -500
expect_rc 1 "a negative payment"
expect_err "indie invoice pay --reverse PAYMENT_ID"
expect_unchanged_since before

run invoice pay --reverse 2 --note "saisi deux fois"
expect_rc 0 "reversed"
expect_out "Reversed payment 2 of 500.00 EUR on F2026-0001 (payment 3), in Qonto; nothing due."
run invoice show F2026-0001 --format json
check "the reversal is the exact opposite, with its note" test "$(jq -c '.payments[2] | [.kind, .reverses, .amount, .account, .note]' <<<"$OUT")" = '["reversal",2,"-500.00","Qonto","saisi deux fois"]'
check "paid, nothing due" test "$(jq -r '.status + " " + .due' <<<"$OUT")" = "paid 0.00"
run account list --format json
check "the account holds the one payment" test "$(jq -r '.[0].balance' <<<"$OUT")" = "500.00"

snapshot reversed
run invoice pay --reverse 2
expect_rc 1 "twice"
expect_err "payment 2 was already reversed, by payment 3"
run invoice pay --reverse 3
expect_rc 1 "a reversal is not reversed"
expect_err "payment 3 is itself a reversal"
# Below the command, the database refuses what the command would never write.
sqlite3 "$DB" "INSERT INTO payment (invoice_id, kind, reverses, date, amount_minor, method, received_minor, received_currency, created_at) VALUES (1, 'reversal', 1, '2026-11-21', -40000, 'transfer', -40000, 'EUR', 'x')" 2>"$T/sql"
check "SQL: a reversal that is not the exact opposite" grep -q "a reversal is the exact opposite" "$T/sql"
sqlite3 "$DB" "INSERT INTO payment (invoice_id, date, amount_minor, method, received_minor, received_currency, created_at) VALUES (1, '2026-11-21', -500, 'transfer', -500, 'EUR', 'x')" 2>"$T/sql"
check "SQL: a negative payment" grep -q "CHECK constraint failed" "$T/sql"
sqlite3 "$DB" "UPDATE payment SET amount_minor = 1 WHERE id = 3" 2>"$T/sql"
check "SQL: a reversal cannot change" grep -q "a recorded payment is final" "$T/sql"
expect_unchanged_since reversed
run verify
expect_rc 0 "the reversal is sealed"
expect_out "its 4 entries"
finish
