# indie report fx: realized and unrealized exchange results, worked out by hand below.
. "$(dirname "$0")/lib.sh"

setup_business
# 1 EUR = … USD, so 1 USD is worth 0.80, 1.00, 0.625, 0.80 and 1.00 EUR on these days.
for r in "2026-01-02 1.25" "2026-03-02 1.00" "2026-06-30 1.60" "2026-09-01 1.25" "2026-12-01 1.00"; do
  set -- $r
  run rate set EUR USD "$2" --date "$1"
done
run account add Qonto --currency EUR
run account add "Wise USD" --currency USD --opening 1000 --on 2026-01-02   # booked at 800.00 EUR
run client add us --name "US Corp" --address "1 Main St, New York" --country US --currency USD

run report fx --to 2026-12-31
expect_rc 0 "a report with nothing realized yet"
check "the opening balance revalued on --to" \
  test "$(printf '%s\n' "$OUT" | grep '^unrealized  account' | tr -s ' ')" = "unrealized account 2026-12-31 Wise USD 1,000.00 USD 800.00 1,000.00 +200.00 EUR"

run invoice new us --empty --service-date 2026-11-02 -q
run invoice line add 1 "Dev" --qty 1 --price 1000
run invoice issue 1 --date 2026-01-05 --force --eur-rate 1.25                      # booked at 800.00 EUR
run invoice pay F2026-0001 --amount 1000 --date 2026-03-02 --account "Wise USD"   # worth 1,000.00 EUR
run account transfer "Wise USD" Qonto 800 --received 480 --fee 5 --date 2026-06-30
run invoice new us --empty --service-date 2026-11-02 -q
run invoice line add 2 "Dev" --qty 1 --price 500
run invoice issue 2 --date 2026-09-01 --force --eur-rate 1.25                      # booked at 400.00 EUR, unpaid

snapshot before
run report fx --to 2026-12-31 --format csv
expect_rc 0 "report fx"
# payment:   1,000 USD received at 1.00 against 800.00 booked at issue: +200.00
# transfer:  800 USD are worth 500.00 EUR on 2026-06-30, 480.00 arrived: -20.00
# account:   Wise held 2,000 USD at a cost of 1,800.00; the 800 sent cost 720.00 and were worth
#            500.00 (-220.00); the 5.00 fee cost 4.50 and was worth 3.13 (-1.37)
# unrealized on 2026-12-31: 1,195 USD cost 1,075.50 and are worth 1,195.00 (+119.50);
#            the 500 USD still due were booked at 400.00 and are worth 500.00 (+100.00)
expected="kind,source,date,item,amount,currency,booked,valued,result,value_currency
realized,payment,2026-03-02,F2026-0001 us,1000.00,USD,800.00,1000.00,200.00,EUR
realized,transfer,2026-06-30,Wise USD -> Qonto,800.00,USD,500.00,480.00,-20.00,EUR
realized,account,,Wise USD,805.00,USD,724.50,503.13,-221.37,EUR
unrealized,account,2026-12-31,Wise USD,1195.00,USD,1075.50,1195.00,119.50,EUR
unrealized,receivable,2026-12-31,F2026-0002 us,500.00,USD,400.00,500.00,100.00,EUR
realized,total,,,,,,,-41.37,EUR
unrealized,total,,,,,,,219.50,EUR
total,total,,,,,,,178.13,EUR"
check "every result, worked out by hand" test "$(printf '%s\n' "$OUT" | tr -d '\r')" = "$expected"
# What the business has on 2026-12-31 (480.00 + 1,195.00 + 500.00) against what it started with
# and invoiced (800.00 + 800.00 + 400.00) is +175.00: the exchange result less the 3.13 fee.
check "realized and unrealized add up to the whole change in value" test "$(printf '%s\n' "$OUT" | tail -1 | cut -d, -f9)" = 178.13

run report fx --to 2026-12-31 --as-of 2026-06-30 --format json
check "revaluation at an earlier day: 1,195 USD at 1.60" \
  test "$(jq -r '.[] | select(.kind == "unrealized" and .source == "account") | "\(.valued) \(.result)"' <<<"$OUT")" = "746.88 -328.62"
check "no receivable before the invoice was issued" test "$(jq '[.[] | select(.source == "receivable")] | length' <<<"$OUT")" = 0
check "JSON amounts are exact strings" test "$(jq -r '.[0].result | type' <<<"$OUT")" = string

run report fx --from 2026-04-01 --to 2026-12-31 --format json
check "the period leaves out the March payment" test "$(jq '[.[] | select(.source == "payment")] | length' <<<"$OUT")" = 0
check "but keeps the June transfer" test "$(jq '[.[] | select(.source == "transfer")] | length' <<<"$OUT")" = 1

run report fx --to 2026-12-31 --in USD --format json
check "in USD, the USD account has no exchange result" test "$(jq '[.[] | select(.item == "Wise USD")] | length' <<<"$OUT")" = 0
check "but the EUR that arrived does" test "$(jq -r '.[] | select(.source == "transfer") | "\(.amount) \(.currency) \(.booked) \(.valued)"' <<<"$OUT")" = "800.00 USD 800.00 768.00"

run report fx --to 2026-12-31
expect_out "+178.13"
run report fx --to 2026-12-31 --format tsv
check "TSV has one header and eight rows" test "$(printf '%s\n' "$OUT" | wc -l)" = 9

# --- bad input: a clear error, and nothing written ------------------------------------------
run report fx --from 2026-12-01 --to 2026-01-01
expect_rc 2 "a period that ends before it starts"
expect_err "--from 2026-12-01 is after --to 2026-01-01"
run report fx --in XYZ
expect_rc 1 "an unknown currency"
expect_err "unknown currency 'XYZ'"
run report fx --as-of someday
expect_rc 1 "a bad date"
expect_err "--as-of"
expect_unchanged_since before

run account add Old --currency GBP --opening 10 --on 2025-06-01
snapshot before
run report fx --to 2026-12-31
expect_rc 1 "a movement before any known rate"
expect_err "account \"Old\" needs a GBP rate to EUR on 2025-06-01"
expect_err "indie rate set GBP EUR"
run report fx --to 2026-12-31 --format json
expect_rc 1 "the same in JSON"
expect_out_is ""
expect_unchanged_since before

finish
