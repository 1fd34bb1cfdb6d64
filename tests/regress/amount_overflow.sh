# Regression (issue 18.2): --amount 92233720368547758.07 --allow-overpay overflowed (UBSan
# abort; the release build stored it and every later listing failed). Amounts beyond
# 100,000,000,000.00 EUR (10^13 minor units) are refused where they enter; nothing is stored.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty --service-date 2026-11-02
run invoice line add 1 "Audit" --qty 1 --price 1000
run invoice issue 1
expect_rc 0 "issued"
snapshot before
run invoice pay F2026-0001 --amount 92233720368547758.07 --allow-overpay
expect_rc 1 "the payment is refused"
expect_err "is more than indie accepts for one amount (100,000,000,000.00 EUR)"
expect_unchanged_since before
run account add Qonto --currency EUR --opening 92233720368547758.07
expect_rc 1 "an opening balance at the int64 limit is refused"
expect_unchanged_since before
run project add acme/web --rate 92233720368547758.07/h
expect_rc 1 "a project rate at the int64 limit is refused"
expect_unchanged_since before
run invoice new acme --empty --service-date 2026-11-02
run invoice line add 2 "Huge" --qty 1000000 --price 1000000000
expect_rc 1 "a line whose total is beyond the limit is refused"
expect_err "the line total"
# Everything still lists, as JSON too.
run invoice list --format json
expect_rc 0 "invoice list still works"
check "valid JSON" jq -e 'length == 2' <<<"$OUT"
run report receivables
expect_rc 0 "receivables still work"
finish
