# Exchange rates: ECB imports (both layouts), hand-set rates, conversions along a path, and
# every bad input named in the issue, each leaving the data as it was.
. "$(dirname "$0")/lib.sh"
DATA="$INDIE_SOURCE/tests/data"
setup_business

run rate import "$DATA/eurofxref-hist.csv"
expect_rc 0 "import the ECB history"
expect_out "6603 days"
n=$(sqlite3 "$DB" "SELECT count(*) FROM rate")
check "every published rate stored, N/A skipped ($n)" test "$n" = "$(tail -n +2 "$DATA/eurofxref-hist.csv" | tr ',' '\n' | grep -c -E '^[0-9.]+$')"
check "rates kept as exact decimal text" test "$(sqlite3 "$DB" "SELECT rate FROM rate WHERE quote = 'IDR' AND date = '2024-10-11'")" = 17043.21
run rate import "$DATA/eurofxref-hist.csv"
expect_out "0 new"
run rate import - <"$DATA/eurofxref.csv"
run_in "$(cat "$DATA/eurofxref.csv")" rate import -
expect_rc 0 "the one-day layout (spaces, '11 October 2024') from stdin"
expect_out "1 days, 30 rates, 0 new"

# The rate of the day, else the last earlier publication day (2024-10-12 is a Saturday).
run rate convert 100 USD --to EUR --date 2024-10-11
expect_out_is "100.00 USD = 91.42 EUR  (ECB 2024-10-11: 1 EUR = 1.0938 USD)"
run rate convert 100 USD --to EUR --date 2024-10-13 --format json
check "a weekend uses Friday's rate" test "$(jq -r '.converted + " " + .rate_date' <<<"$OUT")" = "91.42 2024-10-11"
# Cross rates go through EUR: 100 / 1.0938 * 0.83705, rounded once.
run rate convert 100 USD --to GBP --date 2024-10-11 --format json
check "USD->GBP through EUR, rounded once" test "$(jq -r '.converted + " " + .via' <<<"$OUT")" = "76.53 USD,EUR,GBP"
run rate convert 1000 JPY --to EUR --date 2024-10-11
expect_out "1000 JPY = 6.14 EUR"
run rate convert 10 EUR --to EUR
expect_out_is "10.00 EUR = 10.00 EUR"

# A hand-set rate in the other direction is used, backwards too, and is the newest.
run rate set USD EUR 0.9234 --date 2026-11-20 --source Wise
expect_out "Set 1 USD = 0.9234 EUR on 2026-11-20"
run rate convert 100 USD --to EUR
expect_out_is "100.00 USD = 92.34 EUR  (Wise 2026-11-20: 1 USD = 0.9234 EUR)"
run rate convert 92.34 EUR --to USD
expect_out "= 100.00 USD"
run rate set USD EUR 0.93 --date 2026-11-20
expect_out "(was 0.9234, Wise)"
run rate list --currency usd --format csv
check "latest per pair: USD->EUR and EUR->USD" test "$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2 | cut -d, -f1-4 | tr '\n' ' ')" = "2024-10-11,EUR,USD,1.0938 2026-11-20,USD,EUR,0.93 "
run rate list --format json
check "latest per pair: one row for each of the ECB's 41 currencies and the hand-set pair" test "$(jq length <<<"$OUT")" = 42
check "the newest EUR->USD" test "$(jq -r '.[] | select(.base == "EUR" and .quote == "USD") | .date + " " + .rate' <<<"$OUT")" = "2024-10-11 1.0938"
run rate list --currency USD --from 2024-10-07 --to 2024-10-11 --format json
check "all rates between two days" test "$(jq length <<<"$OUT")" = 5

# Bad input: a clear error, nothing changed.
snapshot before
run rate set XYZ EUR 1.2
expect_rc 1 "unknown currency"
expect_err "unknown currency 'XYZ'"
run rate set USD EUR 0
expect_rc 1 "a rate of zero"
expect_err "more than 0"
run rate set USD EUR -1.5
expect_rc 1 "a negative rate"
run rate set USD EUR abc
expect_err "rate:"
run rate set USD USD 1
expect_err "two different currencies"
run rate convert 100 USD --to EUR --date 1998-12-31
expect_rc 1 "before any known rate"
expect_err "the first one stored is of 1999-01-04"
expect_err "indie rate set USD EUR RATE --date 1998-12-31"
run rate convert 100 MXN --to XAF
expect_rc 1 "a currency the ECB does not publish"
expect_err "indie rate set"
run rate convert 1.234 USD
expect_rc 1 "too many decimals for the currency"
expect_err "USD allows 2"
printf 'Date,USD,JPY,\n2024-10-11,1.09,abc,\n' >"$T/bad.csv"
run rate import "$T/bad.csv"
expect_rc 1 "a malformed ECB file"
expect_err "bad.csv:2: JPY: 'abc' is not a rate"
printf 'Date,USD,\n2024-10-11,1.09,\n2024-13-01,1.10,\n' >"$T/bad.csv"
run rate import "$T/bad.csv"
expect_err "bad.csv:3: '2024-13-01' is not a date"
printf 'Date,USD,\n2024-10-11,1.09,2,3\n' >"$T/bad.csv"
run rate import "$T/bad.csv"
expect_err "bad.csv:2: 3 values after the date, but the header names 1 currencies"
printf 'Date,USD,ZZZ,\n' >"$T/bad.csv"
run rate import "$T/bad.csv"
expect_err "bad.csv:1: column 3: unknown currency 'ZZZ'"
printf 'Day;USD\n' >"$T/bad.csv"
run rate import "$T/bad.csv"
expect_err "not an ECB reference-rate file"
printf 'Date,USD,\n2024-12-02,1.05,\n2024-12-03,0,\n' >"$T/bad.csv"
run rate import "$T/bad.csv"
expect_err "bad.csv:3: USD: a rate must be more than 0"
run rate import "$T/missing.csv"
expect_rc 1 "a missing file"
expect_unchanged_since before
finish
