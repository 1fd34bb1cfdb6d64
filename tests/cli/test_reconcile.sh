# Reconciling with the bank (issue 29): the statement imported first, the payment recorded after
# (found in the statement, or named with --tx); payments the statement names, recorded by the
# import; pay without --amount; the refusals.
. "$(dirname "$0")/lib.sh"
setup_month_to_reconcile
H=$QONTO_HEADER
cat >"$T/december.csv" <<CSV
$H
q-01,03-12-2026 09:00:00,,,,GLOBEX,FR76300,Virement,2400.00,,,EUR,,,,,,settled,transfer
q-02,10-12-2026 12:00:00,,,,ACME SAS,FR76111,Virement,1200.00,,,EUR,,,,,,settled,transfer
q-03,12-12-2026 12:00:00,,,,M DUPONT,FR76222,Cadeau,1200.00,,,EUR,,,,,,settled,transfer
CSV
balance() { "$INDIE" account balance --format json | jq -r '.[] | select(.account == "Qonto") | .balance'; }
run account import Qonto "$T/december.csv" --rules qonto
expect_rc 0 "the statement first"
check "Qonto: 4,800.00" test "$(balance)" = "4800.00"

# What is left to reconcile: the rows paying nothing yet, with the invoices each may pay.
snapshot listed
run account reconcile Qonto --format json
expect_rc 0 "reconcile lists"
check "row 1 may pay F2026-0002 (the payer named, the amount due)" jq -e '[.[] | select(.kind == "row" and .id == 1)][0] | .suggestion == "F2026-0002" and .why == "the payer named, the amount due"' <<<"$OUT"
check "row 3 may pay F2026-0001 or F2026-0003 (the amount due alone)" jq -e '[.[] | select(.kind == "row" and .id == 3) | .suggestion] == ["F2026-0001", "F2026-0003"]' <<<"$OUT"
check "three open invoices" jq -e '[.[] | select(.kind == "invoice")] | length == 3' <<<"$OUT"
run account reconcile Qonto
expect_out "Link a row to the invoice it pays: indie account reconcile \"Qonto\" --apply 1=F2026-0002"
expect_unchanged_since listed
run account reconcile Qonto --apply 3
expect_rc 2 "--apply needs ROW=NUMBER"; expect_err "is not ROW=NUMBER"
run account reconcile Qonto --apply 99=F2026-0003
expect_rc 1; expect_err "--tx: no transaction 99"
expect_unchanged_since listed

# Paid by hand afterwards: the imported row is the payment, nothing is added to Qonto.
run invoice pay F2026-0002 --account Qonto --date 2026-12-02
expect_rc 0 "pay without --amount"
expect_out "Recorded 2,400.00 EUR on F2026-0002 into Qonto (payment 1), as transaction 1 of the statement (same amount, the payer named, imported on 2026-12-03); paid in full."
check "Qonto still 4,800.00" test "$(balance)" = "4800.00"
run invoice pay F2026-0001 --account Qonto --date 2026-12-10
expect_out "as transaction 2 of the statement (same amount, the payer named"
check "Qonto still 4,800.00 after the second" test "$(balance)" = "4800.00"
run account register Qonto --format json
check "the rows carry their invoices" jq -e '[.[] | .invoice] == ["F2026-0002", "F2026-0001", null]' <<<"$OUT"

# A row that names neither the invoice nor the client is not taken by itself: --apply (or
# invoice pay --tx) names it.
run account reconcile Qonto --apply 3=F2026-0003
expect_rc 0 "--apply links the imported row"
expect_out "Row 3 is now the payment of F2026-0003 (1,200.00 EUR; payment 3); paid in full."
check "Qonto still 4,800.00 after --apply" test "$(balance)" = "4800.00"
run account reconcile Qonto
expect_out "Nothing left to reconcile in \"Qonto\"."
run invoice show F2026-0003 --format json
check "F2026-0003 is paid, on the row's day" jq -e '.status == "paid" and .payments[0].date == "2026-12-12"' <<<"$OUT"

# Refusals, nothing changed.
snapshot before
run invoice pay F2026-0003 --tx 3 --amount 1 --allow-overpay
expect_rc 1 "a row already linked"
expect_err "--tx: transaction 3 is already payment 3 of F2026-0003"
expect_unchanged_since before
run invoice pay F2026-0003 --tx 99
expect_rc 1; expect_err "--tx: no transaction 99"
expect_unchanged_since before
run invoice pay F2026-0001
expect_rc 1 "nothing due"; expect_err "nothing is due on F2026-0001"
expect_unchanged_since before

# Payments the statement names: recorded by the import, on the bank's day, linked to the row.
for spec in acme:1200 globex:2400 acme:500 acme:700; do
  run invoice new "${spec%:*}" --empty --service-date 2026-12-15 -q
  d=$OUT
  run invoice line add "$d" "Maintenance" --qty 1 --price "${spec#*:}"
  run invoice issue "$d"
  expect_rc 0 "invoice of ${spec#*:} issued"
done
cat >"$T/january.csv" <<CSV
$H
q-11,22-12-2026 09:00:00,,,,ACME SAS,,F2026-0004,1200.00,,,EUR,,,,,,settled,transfer
q-12,23-12-2026 09:00:00,,,,GLOBEX,,FACTURE 2026-0005,1000.00,,,EUR,,,,,,settled,transfer
q-13,24-12-2026 09:00:00,,,,ACME SAS,,F2026-0006 F2026-0007,1200.00,,,EUR,,,,,,settled,transfer
q-14,28-12-2026 09:00:00,,,,GLOBEX,,F2026-0005,5000.00,,,EUR,,,,,,settled,transfer
CSV
export INDIE_NOW=2026-12-30T10:00:00Z
run account import Qonto "$T/january.csv" --rules qonto
expect_rc 0 "a statement that names invoices"
expect_out "4 rows, 4 new, 0 already imported"
expect_out "line 2 is the payment of F2026-0004 (paid in full) (its number named)"
expect_out "line 3 is the payment of F2026-0005 (1,400.00 EUR still due) (its number named)"
expect_out "line 4 is the payment of F2026-0006 (paid in full) and the payment of F2026-0007 (paid in full) (their numbers named, their sum paid)"
expect_out "line 5 (transaction 7) names F2026-0005 but pays 5000.00 where 1400.00 is due"
check "Qonto: 4,800.00 + 8,400.00" test "$(balance)" = "13200.00"
run invoice list --format json
check "F2026-0004, 6 and 7 paid, 5 partly" jq -e 'map({(.number): .status}) | add | .["F2026-0004"] == "paid" and .["F2026-0006"] == "paid" and .["F2026-0007"] == "paid" and .["F2026-0005"] == "partly-paid"' <<<"$OUT"
run invoice show F2026-0005 --format json
check "the payment is on the bank's day" jq -e '.payments[0].date == "2026-12-23"' <<<"$OUT"
run verify
expect_rc 0 "the payments the import recorded are sealed like the others"
expect_out "unbroken"
# Again: nothing new, nothing paid twice.
snapshot paid
run account import Qonto "$T/january.csv" --rules qonto
expect_out "4 rows, 0 new, 4 already imported"
expect_unchanged_since paid
# --apply names a row of the account given, and money in.
run account add Cash --currency EUR
run account tx add Cash -- -20 --payee "Café"
cash_tx=$("$INDIE" account register Cash --format json | jq -r '.[-1].id')
snapshot cash
run account reconcile Qonto --apply "$cash_tx=F2026-0005"
expect_rc 2 "a row of another account"; expect_err "transaction $cash_tx is in \"Cash\", not in --account Qonto"
run account reconcile Cash --apply "$cash_tx=F2026-0005"
expect_rc 1 "money out"; expect_err "transaction $cash_tx is money out (-20.00 EUR)"
expect_unchanged_since cash
finish
