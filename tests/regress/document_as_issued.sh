# Regression (issue 14.1, first part): rendering an issued invoice again after a payment and a
# credit note added "Avoirs" and "Déjà réglé" lines and changed "Net à payer" under the same
# number. An issued invoice's document now prints the invoice as issued, in every format.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty -q --service-date 2026-11-10
run invoice line add 1 "Audit" --qty 3 --unit d --price 600
run invoice line add 1 "Atelier" --qty 1 --unit d --price 400
run invoice issue 1 --date 2026-11-20
for f in txt md html; do "$INDIE" invoice render F2026-0001 --to $f -o "$T/before.$f" >/dev/null || fail "render $f"; done
"$INDIE" invoice render F2026-0001 --to json -o "$T/before.json" >/dev/null || fail "render json"
run account add Qonto --currency EUR
run invoice pay F2026-0001 --amount 1000 --date 2026-11-25 --account Qonto
expect_rc 0 "a payment"
run invoice credit F2026-0001 --line 2 --reason "Atelier annulé" --date 2026-11-26
expect_rc 0 "a credit note"
for f in txt md html json; do
  "$INDIE" invoice render F2026-0001 --to $f -o "$T/after.$f" >/dev/null || fail "render $f"
  check "the $f document is the same after a payment and a credit note" cmp -s "$T/before.$f" "$T/after.$f"
done
run invoice render F2026-0001 --to txt -o -
check "Net à payer is the total as issued" grep -q "^Net à payer.: 2.200,00.€$" <<<"$OUT"
expect_out_not "Déjà réglé"; expect_out_not "Avoirs"
# What was paid and credited is still known, where it belongs: the invoice's listing.
run invoice list --format json
check "the listing shows what is due" test "$(jq -r '.[] | select(.number == "F2026-0001") | .due' <<<"$OUT")" = "800.00"
finish
