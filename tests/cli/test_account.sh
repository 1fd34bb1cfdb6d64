# Accounts: balances in their own currency, transactions, registers, transfers between
# currencies, balances valued in one currency, invoice payments landing in an account, and the
# bad inputs of the issue, each leaving the data as it was.
. "$(dirname "$0")/lib.sh"
setup_business

run account add Qonto --currency EUR --opening 3250.40 --on 2026-01-01
expect_rc 0 "add an account with an opening balance"
run account add "Wise USD" --currency usd --kind wallet --opening 1200 --on 2026-01-01
run account add "Wise GBP" --currency GBP --kind wallet
run account add "Cash JPY" --currency JPY --kind cash --opening 5000 --on 2026-01-01
run account tx add Qonto -- -42.50 --payee OVH --category hosting --date 2026-11-02
expect_rc 0 "an expense after --, flags after it"
expect_out "balance 3,207.90 EUR"
run account tx add Qonto 1500 --date 2026-11-03 --payee "ACME SAS"
run account tx add Qonto -100 --date 2026-10-15 --payee "URSSAF" --category social
run account register Qonto --from 2026-11-01 --to 2026-11-30 --format csv
check "register for a month starts from the balance before it" test \
  "$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2 | cut -d, -f2-4 | tr '\n' ' ')" = "2026-11-02,-42.50,3107.90 2026-11-03,1500.00,4607.90 "
run account register Qonto --format json
check "full register in date order, running balance" test "$(jq -r '[.[].balance] | join(" ")' <<<"$OUT")" = "3250.40 3150.40 3107.90 4607.90"

# A transfer between currencies: both legs, the implied rate, the fee as an expense.
run account transfer "Wise USD" Qonto 1000 --received 912.40 --fee 4.14 --date 2026-11-10
expect_rc 0 "transfer between currencies"
expect_out "1 USD = 0.9124 EUR"
run account register "Wise USD" --format json
check "USD leg and fee in USD" test "$(jq -r '[.[] | .amount + ":" + .origin] | join(" ")' <<<"$OUT")" = "1200.00:opening -1000.00:transfer -4.14:fee"
check "stored rate" test "$(sqlite3 "$DB" "SELECT rate FROM transfer")" = 0.9124
run account show "wise usd" --format json
check "show: balance and count" test "$(jq -r '.balance + " " + (.transactions|tostring)' <<<"$OUT")" = "195.86 3"

# Balances are converted before they are added; the rate of the as-of day.
run rate set EUR USD 1.10 --date 2026-01-01 --source test
run rate set EUR GBP 0.85 --date 2026-01-01 --source test
run rate set EUR JPY 160 --date 2026-01-01 --source test
run account balance --in EUR --as-of 2026-11-30 --format json
check "each balance valued in EUR" test "$(jq -r '[.[] | .account + "=" + .value] | join(" ")' <<<"$OUT")" = "Cash JPY=31.25 Qonto=5520.30 Wise GBP=0.00 Wise USD=178.05"
run account balance --in EUR --as-of 2026-11-30
expect_out "total"
expect_out "5,729.60"
run account balance --in USD --as-of 2026-11-30 --format csv
check "valued in USD through EUR (JPY->EUR->USD)" test "$(printf '%s\n' "$OUT" | tr -d '\r' | grep '^Cash JPY' | cut -d, -f6)" = "34.38"
run account balance --as-of 2026-10-31 --format json
check "as of an earlier day" test "$(jq -r '.[] | select(.account == "Qonto") | .balance' <<<"$OUT")" = "3150.40"
run account list --format json
check "list: balance and value in the base currency" test "$(jq -r '.[] | select(.name == "Wise USD") | .balance + " " + .value' <<<"$OUT")" = "195.86 178.05"

# Editing and removing.
run account register Qonto --format json
register=$OUT
expense=$(jq -r '.[] | select(.payee == "OVH") | .id' <<<"$register")
run account tx edit "$expense" --category infra --amount -45
expect_rc 0 "edit a manual transaction"
check "balance follows an edit" test "$("$INDIE" account show Qonto --format json | jq -r .balance)" = 5517.80
leg=$(jq -r '.[] | select(.origin == "transfer") | .id' <<<"$register")
run account tx edit "$leg" --amount 1
expect_rc 1 "a transfer leg's amount is changed through the transfer"
run account tx rm "$leg"
expect_out "Removed transfer 1 (3 transactions)"
check "both legs and the fee went" test "$("$INDIE" account show "Wise USD" --format json | jq -r .balance)" = 1200.00

# An invoice payment lands in the account, in the account's currency.
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 1 "Audit" --qty 1 --unit d --price 600
run invoice issue 1 --date 2026-11-05 --force
run invoice pay F2026-0001 --amount 600 --date 2026-11-20 --account "Wise USD"
expect_rc 1 "a EUR payment into a USD account"
expect_err "account Wise USD is in USD, but the money is in EUR"
run invoice pay F2026-0001 --amount 600 --date 2026-11-20 --account qonto
expect_out "into Qonto"
run account register Qonto --from 2026-11-20 --format json
check "payment in the register, linked to its invoice" test "$(jq -c '.[0] | [.amount, .origin, .invoice, .payee]' <<<"$OUT")" = '["600.00","payment","F2026-0001","acme"]'
payment=$(jq -r '.[0].id' <<<"$OUT")
run account tx rm "$payment"
expect_rc 1 "a payment stays with its invoice"

# Bad input: a clear error, nothing changed.
snapshot before
run account add Other --currency XYZ
expect_rc 1 "unknown currency"
expect_err "--currency: unknown currency 'XYZ'"
run account add qonto --currency EUR
expect_rc 1 "duplicate name"
expect_err "already exists"
run account add Nowhere
expect_rc 2 "no currency"
run account transfer Qonto qonto 10
expect_rc 1 "a transfer to the same account"
expect_err "two different accounts"
run account transfer "Wise USD" Qonto 10
expect_err "say what arrived with --received"
run account tx add Qonto 12.345
expect_rc 1 "too many decimals"
expect_err "EUR allows 2"
run account tx add "Cash JPY" 10.5
expect_err "JPY allows none"
run account transfer Qonto "Wise USD" 10 --received 10.999
expect_err "--received:"
run account tx add Qonto 0
expect_err "a transaction of 0"
run account tx add Qonot 10
expect_rc 1 "unknown account"
expect_err "did you mean 'Qonto'"
run account balance --in XYZ
expect_err "--in: unknown currency"
run account add Peso --currency MXN --opening 100 --on 2026-11-01
expect_rc 0
snapshot with_peso
run account balance --in EUR --as-of 2026-11-30
expect_rc 1 "a currency without a rate"
expect_err "indie rate set MXN EUR RATE"
run account balance --in EUR --as-of 2026-11-30 --format json
expect_rc 1 "a currency without a rate, in JSON"
expect_out_is ""
run account tx edit 9999 --note x
expect_rc 1 "unknown transaction"
expect_unchanged_since with_peso

# Regression: a name that looks like another account's id is a name, not that account.
qonto_id=$("$INDIE" account show Qonto --format json | jq .id)
run account add "$qonto_id" --currency EUR
expect_rc 0 "an account named like another's id"
check "its name finds it" test "$("$INDIE" account show "$qonto_id" --format json | jq -r .name)" = "$qonto_id"
finish
