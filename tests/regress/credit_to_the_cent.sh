# Regression (issue 14.4, 14.6): crediting lines one by one rounded each credit note's VAT on its
# own; crediting the last line, or "all that remains", was then refused ("120.04 is more than the
# 120.03 that remains"), or the invoice stayed 0.01 due for ever. The note that takes the last of
# a rate's base now takes exactly the VAT left, and the invoice is cancelled with nothing due.
# An amount on a multi-rate invoice is split pro rata of the bases; part of a line's quantity
# can be credited.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run config set business.vat_regime standard
run config set business.vat_number FR40303265045
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty --service-date 2026-11-02 -q
# Two lines of 100.03: each line's VAT is 20.006, but the invoice's is 20 % of 200.06, 40.01.
run invoice line add 1 "Audit" --qty 1 --unit d --price 100.03
run invoice line add 1 "Atelier" --qty 1 --unit d --price 100.03
run invoice issue 1 --date 2026-11-20
expect_out "240.07 EUR including VAT"
run invoice credit F2026-0001 --line 1 --reason "Audit annulé" --date 2026-11-21
expect_rc 0 "line 1"; expect_out "120.04"
run invoice credit F2026-0001 --line 2 --reason "Atelier annulé" --date 2026-11-21
expect_rc 0 "line 2 takes exactly what is left"
expect_out "120.03"; expect_out "F2026-0001 is now cancelled"
run invoice list --format json
check "cancelled, nothing due" test "$(jq -r '.[] | select(.number == "F2026-0001") | .status + " " + .due' <<<"$OUT")" = "cancelled 0.00"
run invoice show A2026-0002 --format json
check "the closing note's VAT is what was left: 20.00, not 20 % of 100.03" test "$(jq -r '.vat_total' <<<"$OUT")" = "20.00"
run verify
expect_rc 0 "the notes are sealed with their fixed VAT"

# The same invoice closed by "all that remains" after line 1.
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 4 "Audit" --qty 1 --unit d --price 100.03
run invoice line add 4 "Atelier" --qty 1 --unit d --price 100.03
run invoice issue 4 --date 2026-11-22
run invoice credit F2026-0002 --line 1 --reason "Audit annulé" --date 2026-11-22
run invoice credit F2026-0002 --reason "Solde" --date 2026-11-22
expect_rc 0 "the rest"; expect_out "120.03"; expect_out "now cancelled"
run invoice credit F2026-0002 --reason "Encore" --date 2026-11-22
expect_rc 1 "nothing left"; expect_err "already fully credited"

# Two rates and an amount: split pro rata of the bases (1000 at 20 %, 500 at 10 %).
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 7 "Développement" --qty 10 --unit d --price 100
run invoice line add 7 "Formation" --qty 5 --unit d --price 100 --vat 10
run invoice issue 7 --date 2026-11-23
run invoice credit F2026-0003 --amount 150 --reason "Geste commercial" --date 2026-11-23
expect_rc 0 "an amount on two rates"
run invoice show A2026-0005 --format json
check "100.00 at 20 % and 50.00 at 10 %" test "$(jq -r '[.vat[] | "\(.rate):\(.base)"] | join(" ")' <<<"$OUT")" = "20:100.00 10:50.00"
# Part of a line's quantity.
run invoice credit F2026-0003 --line 1 --qty 2 --reason "Deux jours non réalisés" --date 2026-11-23
expect_rc 0 "two days of line 1"
expect_out "240.00"
snapshot before
run invoice credit F2026-0003 --line 1 --qty 9 --reason "Trop" --date 2026-11-23
expect_rc 1 "more than the line has left"; expect_err "--qty 9: line 1 of F2026-0003 has 8 left to credit"
run invoice credit F2026-0003 --qty 1 --reason "Sans ligne" --date 2026-11-23
expect_rc 2 "--qty needs --line"
expect_unchanged_since before
run invoice credit F2026-0003 --reason "Solde" --date 2026-11-23
expect_rc 0 "the rest"
run invoice list --format json
check "cancelled to the cent" test "$(jq -r '.[] | select(.number == "F2026-0003") | .status + " " + .due' <<<"$OUT")" = "cancelled 0.00"
finish
