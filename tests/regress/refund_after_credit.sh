# Regression (issue 14.5): a paid invoice that was then credited showed "due -140.00" for ever,
# and the refund could not be recorded (`pay --amount -140` was refused). `indie invoice refund`
# records the money going back (out of the account), closes what was owed back, and counts as a
# negative receipt: the receipts the franchise thresholds count go down by it.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run account add Qonto --currency EUR
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 1 "Atelier" --qty 2 --unit d --price 350
run invoice issue 1 --date 2026-11-20
expect_out "700.00 EUR"
run invoice pay F2026-0001 --amount 700 --account Qonto --date 2026-11-20
expect_rc 0 "paid in full"
expect_out "(payment 1)"
run invoice credit F2026-0001 --amount 140 --reason "Demi-journée annulée" --date 2026-11-21
expect_rc 0 "credited 140 after payment"
run invoice list --format json
check "before the refund: 140 owed back" test "$(jq -r '.[0].due' <<<"$OUT")" = "-140.00"

# What cannot be refunded is refused, and nothing changes.
snapshot before
run invoice refund F2026-0001 --amount 140.01 --account Qonto
expect_rc 1 "more than is owed back"
expect_err "140.01 EUR is more than the 140.00 EUR that F2026-0001 owes back to the client"
run invoice refund F2026-0001 --amount -140
expect_rc 1 "a negative amount"
expect_err "--amount is the money paid back, more than 0"
run invoice refund F2026-0001 --amount 140 --account Nowhere
expect_rc 1 "an unknown account"
expect_err "--account"
run invoice refund F2026-0001 --amount 140 --date 2026-11-19
expect_rc 1 "before the invoice"
expect_err "a refund cannot come before it"
run invoice refund F2026-0001 --amount 140 --sent 12USD --account Qonto
expect_rc 1 "an account in another currency than what was sent"
expect_err "account Qonto is in EUR, but the money is in USD"
run invoice refund F2026-0009 --amount 1
expect_rc 1 "an unknown invoice"
expect_unchanged_since before

# The refund, named by the credit note's number.
run invoice refund A2026-0001 --amount 140 --account Qonto --date 2026-11-25
expect_rc 0 "refund"
expect_out "Refunded 140.00 EUR on F2026-0001 from Qonto (payment 2); nothing due."
run invoice list --format json
check "after: nothing due, the invoice stays paid" test "$(jq -r '.[0].due + " " + .[0].status' <<<"$OUT")" = "0.00 paid"
run invoice show F2026-0001 --format json
check "the refund is a negative payment" test "$(jq -c '[.payments[] | [.id, .kind, .amount, .account]]' <<<"$OUT")" = '[[1,"payment","700.00","Qonto"],[2,"refund","-140.00","Qonto"]]'
run invoice show F2026-0001
expect_out "Refund 2: 140.00 EUR on 2026-11-25 by transfer from Qonto"
run account register Qonto --format json
check "the money left the account" test "$(jq -c '[.[] | [.amount, .category]]' <<<"$OUT")" = '[["700.00","invoice"],["-140.00","refund"]]'
run account list --format json
check "the account holds 560" test "$(jq -r '.[0].balance' <<<"$OUT")" = "560.00"
run invoice refund F2026-0001 --amount 1
expect_rc 1 "nothing is owed back any more"
expect_err "nothing was paid on F2026-0001 beyond what it is owed (0.00 EUR still due)"

# A negative receipt: the year's receipts are 560, so a new payment of 36,900 does not cross the
# 37,500 franchise threshold (with 700 counted it would).
run client add big --name "Big SA" --address "2 rue de Rivoli, 75001 Paris" --country FR --siren 552100554
run invoice new big --empty --service-date 2026-11-03 -q
D=$OUT
run invoice line add "$D" "Mission" --qty 1 --price 36900
run invoice issue "$D" --date 2026-11-20
run invoice pay F2026-0002 --amount 36900 --date 2026-11-26
expect_rc 0 "paid"
check "560 + 36,900 stays under the threshold: no warning" test -z "$ERR"
run verify
expect_rc 0 "the refund is sealed like a payment"

# A USD invoice refunded in euros: the exchange result of the money going back.
run client add us --name "US Corp" --address "1 Main St, New York" --country US --currency USD
run invoice new us --empty --service-date 2026-11-04 -q
D=$OUT
run invoice line add "$D" "Consulting" --qty 1 --price 1000
run invoice issue "$D" --date 2026-11-20 --eur-rate 1.25 --rate-date 2026-11-20
run invoice pay F2026-0003 --amount 1000 --received 800EUR
expect_rc 0 "paid 800 EUR at the invoice's rate"
run invoice credit F2026-0003 --amount 100 --reason "Remise" --date 2026-11-21
run invoice refund F2026-0003 --amount 100 --sent 82.50EUR
expect_rc 0 "refund of 100 USD that cost 82.50 EUR"
# Booked at 1 EUR = 1.25 USD, 100 USD were 80.00 EUR; paying them back cost 82.50: a loss of 2.50.
expect_out "Exchange loss: -2.50 EUR"
run invoice show F2026-0003 --format json
check "refund stored with its exchange result" test "$(jq -c '.payments[1] | [.amount, .received, .received_currency, .fx_gain]' <<<"$OUT")" = '["-100.00","-82.50","EUR","-2.50"]'
check "nothing due" test "$(jq -r .due <<<"$OUT")" = "0.00"
finish
