# Regression (issue 14.3): `invoice issue --date 2025-12-31` on 21 Nov 2026 was accepted and
# opened a 2025 series; `--date 2026-12-28` blocked issuing today until the 28th. A date more
# than 7 days from today is refused, saying why, unless --force; nothing changes.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty --service-date 2026-11-02
run invoice line add 1 "Audit" --qty 1 --price 1000
snapshot before
run invoice issue 1 --date 2025-12-31
expect_rc 1 "last year's date is refused"
expect_err "--date 2025-12-31 is 325 days before today (2026-11-21): an invoice is dated the day it is issued, and this one would open a series for 2025. Leave --date out to issue it today, or add --force if it really was issued on 2025-12-31"
expect_unchanged_since before
run invoice issue 1 --date 2026-12-28
expect_rc 1 "a future date is refused"
expect_err "--date 2026-12-28 is 37 days after today (2026-11-21): an invoice cannot be dated in the future"
expect_unchanged_since before
run invoice issue 1 --date 2026-11-05 --force
expect_rc 0 "--force: it really was issued on the 5th"
expect_out "Issued F2026-0001"
run invoice credit F2026-0001 --amount 10 --reason "Geste" --date 2026-12-01
expect_rc 1 "a credit note ten days ahead is refused too"
expect_err "a credit note cannot be dated in the future"
run invoice new acme --empty --service-date 2026-11-02
run invoice line add 2 "Conseil" --qty 1 --price 100
run invoice issue 2 --date 2026-11-14
expect_rc 0 "a week back is fine"
run invoice list --format json
check "numbers follow the dates given" test "$(jq -r 'map(.number + " " + .issue_date) | join(", ")' <<<"$OUT")" = "F2026-0001 2026-11-05, F2026-0002 2026-11-14"
finish
