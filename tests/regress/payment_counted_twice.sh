# Regression (issue 29): invoices paid with `indie invoice pay … --account Qonto`, then the Qonto
# statement imported: every payment was counted twice (13,335.97 EUR instead of 8,003.77), and
# deleting the duplicates did not help, since the next overlapping import added them back. A
# statement row that is a movement recorded by hand (a payment, a transaction typed in) is now
# that movement: the import says which, adds nothing, and importing again adds nothing either.
. "$(dirname "$0")/../cli/lib.sh"
setup_month_to_reconcile
# Two paid by hand into Qonto, one typed-in expense; the third invoice is paid by the client
# but recorded nowhere yet.
run invoice pay F2026-0001 --amount 1200 --account Qonto --date 2026-12-09
run invoice pay F2026-0002 --amount 2400 --account Qonto --date 2026-12-02
run account tx add Qonto -- -11.99 --payee "OVH SAS" --date 2026-12-05
expect_rc 0 "recorded by hand"

H=$QONTO_HEADER
cat >"$T/december.csv" <<CSV
$H
q-01,03-12-2026 09:00:00,,,,GLOBEX,FR76300,FACTURE 2026-0002,2400.00,,,EUR,,,,,,settled,transfer
q-02,06-12-2026 10:00:00,,,,OVH SAS,,Hebergement,-11.99,,,EUR,,,,,,settled,card
q-03,08-12-2026 11:00:00,,,,SNCF Connect,,,-50.00,,,EUR,,,,,,settled,card
q-04,10-12-2026 12:00:00,,,,ACME SAS,FR76111,Virement decembre,1200.00,,,EUR,,,,,,settled,transfer
CSV
# What the bank says the account holds: the statement's own sum, computed here.
statement_sum() { awk -F, 'NR > 1 && $18 == "settled" { s += $9 * 100 } END { printf "%.2f", s / 100 }' "$@"; }
balance() { "$INDIE" account balance --format json | jq -r '.[] | select(.account == "Qonto") | .balance'; }

run account import Qonto "$T/december.csv" --rules qonto
expect_rc 0 "the statement imports"
expect_out "4 rows, 1 new, 3 already recorded by hand, 0 already imported"
expect_out "line 2 is the payment of F2026-0002 recorded on 2026-12-02 (same amount, F2026-0002 named, 1 day apart)"
expect_out "line 5 is the payment of F2026-0001 recorded on 2026-12-09 (same amount, the payer named, 1 day apart)"
expect_out "line 3 is transaction"
check "Qonto holds what the statement says ($(statement_sum "$T/december.csv"))" \
  test "$(balance)" = "$(statement_sum "$T/december.csv")"

# The same statement again, and an overlapping one with one new row: only that row is added.
snapshot imported
run account import Qonto "$T/december.csv" --rules qonto
expect_rc 0
expect_out "4 rows, 0 new, 4 already imported"
expect_unchanged_since imported
cat >"$T/overlap.csv" <<CSV
$H
q-03,08-12-2026 11:00:00,,,,SNCF Connect,,,-50.00,,,EUR,,,,,,settled,card
q-04,10-12-2026 12:00:00,,,,ACME SAS,FR76111,Virement decembre,1200.00,,,EUR,,,,,,settled,transfer
q-05,15-12-2026 12:00:00,,,,ACME SAS,FR76111,F2026-0003,1200.00,,,EUR,,,,,,settled,transfer
CSV
run account import Qonto "$T/overlap.csv" --rules qonto
expect_out "3 rows, 1 new, 2 already imported"
cat "$T/december.csv" <(tail -n +2 "$T/overlap.csv" | tail -1) >"$T/all.csv"
check "Qonto still holds what the statements say ($(statement_sum "$T/all.csv"))" \
  test "$(balance)" = "$(statement_sum "$T/all.csv")"

# As CSV for scripts: every row with its status and the transaction it is.
run account import Qonto "$T/december.csv" --rules qonto --format csv --dry-run
check "the CSV names the columns" test "$(head -1 <<<"$OUT" | tr -d '\r')" = "line,date,amount,payee,memo,status,tx,matched,why"
finish
