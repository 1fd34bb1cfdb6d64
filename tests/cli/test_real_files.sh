# Genuine export files written by Toggl, PayPal and Stripe (tests/data/real/, with their sources):
# every row kept, dates and totals as the files say, checked against figures Python computes
# from the files with its own csv and datetime modules.
. "$(dirname "$0")/lib.sh"
REAL="$INDIE_SOURCE/tests/data/real"
setup_business

# Toggl (tuttle's export): 12-hour times, a misleading 12-hour Duration column, and three pairs
# of entries that overlap by seconds, as real timers do.
py() { python3 -c "$1" "$REAL/toggl-tuttle.csv"; }
EXPECTED_SECONDS=$(py '
import csv, sys
from datetime import datetime as D
f = "%Y-%m-%d %I:%M:%S %p"
print(sum(int((D.strptime(r["End date"] + " " + r["End time"], f) - D.strptime(r["Start date"] + " " + r["Start time"], f)).total_seconds()) for r in csv.DictReader(open(sys.argv[1]))))')
EXPECTED_DEV=$(py '
import csv, sys
from datetime import datetime as D
f = "%Y-%m-%d %I:%M:%S %p"
print(sum(int((D.strptime(r["End date"] + " " + r["End time"], f) - D.strptime(r["Start date"] + " " + r["Start time"], f)).total_seconds()) for r in csv.DictReader(open(sys.argv[1])) if r["Project"] == "dev"))')
snapshot before
run time import "$REAL/toggl-tuttle.csv" --from toggl --create
expect_rc 1 "entries overlapping by seconds are refused without --allow-overlap"
expect_err "--allow-overlap"; expect_err "Nothing was imported"
expect_unchanged_since before
run time import "$REAL/toggl-tuttle.csv" --from toggl --create --allow-overlap
expect_rc 0 "toggl"; expect_out "Added 29 entries"
run time list --from 2022-01-01 --to 2022-01-31 --format json
check "29 entries" test "$(jq length <<<"$OUT")" = 29
check "total time as the file's starts and ends say ($EXPECTED_SECONDS s)" test "$(jq '[.[].seconds] | add' <<<"$OUT")" = "$EXPECTED_SECONDS"
check "dev's time ($EXPECTED_DEV s)" test "$(jq '[.[] | select(.project | endswith("/dev")) | .seconds] | add' <<<"$OUT")" = "$EXPECTED_DEV"
check "12-hour times read: 10:30:34 AM in Paris" test "$(jq -r '.[0].start' <<<"$OUT")" = "2022-01-06T10:30:34+01:00"
check "PM read: 10:00:00 PM" test "$(jq -r '[.[] | select(.start == "2022-01-19T22:00:00+01:00")] | length' <<<"$OUT")" = 1
check "a 20-minute entry (Duration says 12:20:00 AM)" test "$(jq '[.[] | select(.start == "2022-01-19T18:15:49+01:00") | .seconds] | .[0]' <<<"$OUT")" = 1200
check "German text kept" test "$(jq -r '[.[].note] | map(select(startswith("2. Zwischen"))) | .[0]' <<<"$OUT")" = "2. Zwischengespräch - HeatingEngineering"
run time import "$REAL/toggl-tuttle.csv" --from toggl --create --allow-overlap
expect_out "Added 0 entries"; expect_out "29 already there"

# PayPal (hledger's example): completed payments in, pending bank deposits out, the fee apart.
NET=$(python3 -c '
import csv, sys
from decimal import Decimal
print(sum((Decimal(r["Net"]) for r in csv.DictReader(open(sys.argv[1])) if r["Status"] == "Completed"), Decimal(0)))' "$REAL/paypal-hledger.csv")
run account add "PayPal USD" --currency USD
run account import "PayPal USD" "$REAL/paypal-hledger.csv" --rules paypal
expect_rc 0 "paypal"; expect_out "5 rows, 5 new"; expect_out "Left out by the rules (3):"
run account list --format json
check "balance is the completed rows' Net ($NET)" test "$(jq -r '.[] | select(.name == "PayPal USD") | .balance' <<<"$OUT")" = "$NET"
run account register "PayPal USD" --format json
check "US dates: 10/22/2019 is 22 October" test "$(jq -r '.[-1].date' <<<"$OUT")" = "2019-10-22"
check "the fee of the received payment" test "$(jq -r '.[-1].amount + " " + .[-1].category' <<<"$OUT")" = "-0.59 fees"

# Stripe (hledger's example): lower-case currency, a refund.
run account add "Stripe USD" --currency USD
run account import "Stripe USD" "$REAL/stripe-hledger.csv" --rules stripe
expect_rc 0 "stripe"; expect_out "2 rows, 2 new"
run account list --format json
check "balance is the sum of net" test "$(jq -r '.[] | select(.name == "Stripe USD") | .balance' <<<"$OUT")" = "11.23"
finish
