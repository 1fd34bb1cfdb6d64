# Regression (issue 14.2): an invoice whose lines had no period issued with no service date at
# all, though the date of the service is a mandatory mention (CGI art. 242 nonies A, I-7°).
# Issuing now refuses it, naming the lines and the fix; the invoice (invoice new/edit/issue
# --service-date or --period) or each line gives the date, and the document prints it.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty -q
run invoice line add 1 "Audit" --qty 1 --unit d --price 600
run invoice line add 1 "Atelier" --qty 1 --unit d --price 400
snapshot before
run invoice issue 1 --date 2026-11-20
expect_rc 1 "no service date anywhere"
expect_err "lines 1, 2 have no service date, and the invoice has none"
expect_err "indie invoice edit 1 --period 2026-11-01..2026-11-30"
expect_err "indie invoice issue 1 --service-date DATE"
expect_unchanged_since before
run invoice edit 1 --service-date 2026-11-18 --period 2026-11-01..2026-11-30
expect_rc 2 "one or the other"; expect_err "not both"
run invoice edit 1 --service-date 2026-11-01..2026-11-30
expect_rc 1 "a span is a period"; expect_err "--service-date: one day"
run invoice edit 1 --period 2026-11-31
expect_rc 1 "an impossible date"; expect_err "--period"
expect_unchanged_since before
run invoice edit 1 --period 2026-11-02..2026-11-13
expect_rc 0 "the invoice's own period"; expect_out "service 2026-11-02..2026-11-13"
run invoice issue 1 --date 2026-11-20
expect_rc 0 "issued with the invoice's period"
run invoice render F2026-0001 --to txt -o -
expect_out "Période de prestation : du 2 novembre 2026 au 13 novembre 2026"
run invoice show F2026-0001 --format json
check "the period is the invoice's" test "$(jq -r .period <<<"$OUT")" = "2026-11-02..2026-11-13"

# The day of issue, said at issue; and a line with its own period needs nothing more.
run invoice new acme --empty -q
run invoice line add 2 "Conseil" --qty 1 --unit d --price 600
run invoice issue 2 --date 2026-11-21 --service-date 2026-11-21
expect_rc 0 "--service-date at issue"
run invoice show F2026-0002 --format json
check "service date printed" test "$(jq -r .period <<<"$OUT")" = "2026-11-21"
run invoice new acme --empty -q --service-date 2026-11-05
run invoice line add 3 "Conseil" --qty 1 --unit d --price 600
run invoice issue 3 --date 2026-11-22
expect_rc 0 "invoice new --service-date"
# Credit notes take their invoice's service date.
run invoice credit F2026-0002 --reason "Annulée" --date 2026-11-22
expect_rc 0 "a credit note needs no date of its own"
finish
