# Regression (issue 14.11): French documents wrote "Total HT: 600,00 €"; French typography puts
# a no-break space before a colon ("Total HT : 600,00 €"), English none ("Total: …").
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run client add initech --name "Initech LLC" --address "4120 Freidrich Lane, Austin TX" --country US
run invoice new acme --empty -q --service-date 2026-11-10
run invoice line add 1 "Audit" --qty 1 --unit d --price 600
run invoice new initech --empty -q --service-date 2026-11-10
run invoice line add 2 "Audit" --qty 1 --unit d --price 600 --vat 0
NBSP=$'\xc2\xa0'
for f in txt md; do
  run invoice render 1 --to $f -o -
  check "$f, French: a no-break space before each colon" grep -q "Total HT${NBSP}: 600,00" <<<"$OUT"
  check "$f, French: no colon glued to its label" test "$(grep -c 'Total HT:' <<<"$OUT")" = 0
  run invoice render 2 --to $f -o -
  check "$f, English: no space before the colon" grep -q "Total excl. VAT: " <<<"$OUT"
done
finish
