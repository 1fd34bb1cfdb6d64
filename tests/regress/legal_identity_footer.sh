# Regression (issue 14.13): the PDF's footer named the seller and its SIREN only; a company's
# legal identity (legal form, share capital with its currency, registered office, RCS, VAT
# number) was on the last page at most. It is now on every page, and a share capital that is not
# an amount with its currency is refused.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
snapshot before
run config set business.share_capital 1000
expect_rc 1 "a capital without its currency"
expect_err "'1000' is not an amount with its currency; write it like \"1000 EUR\""
run config set business.share_capital "mille euros"
expect_rc 1 "words"
expect_unchanged_since before
run config set business.share_capital "1 000 €"
expect_rc 0; expect_out "business.share_capital = 1000 EUR"
run config set business.legal_form sasu
run config set business.name "Atelier Martin"
run config set business.rcs_city Auch
run config set business.vat_regime standard
run config set business.vat_number FR44732829320
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run invoice new acme --empty -q --period 2026-11-01..2026-11-30
for i in $(seq 1 36); do "$INDIE" invoice line add 1 "Prestation $i" --qty 1 --unit d --price 100 >/dev/null; done
run invoice issue 1 --date 2026-11-20
expect_rc 0 "issued"
run invoice render F2026-0001 -o "$T/f.pdf"
expect_rc 0 "rendered"
PAGES=$(pdfinfo "$T/f.pdf" | awk '/^Pages:/ {print $2}')
check "more than one page" test "$PAGES" -gt 1
for p in $(seq 1 "$PAGES"); do
  TEXT=$(pdftotext -f "$p" -l "$p" "$T/f.pdf" - | tr '\n' ' ')
  for want in "Atelier Martin SASU au capital de 1" "000,00" "12 rue des Lilas, 32000 Auch" "RCS Auch 732 829 320" "TVA FR44732829320"; do
    if [[ "$TEXT" == *"$want"* ]]; then pass; else fail "page $p shows: $want"; fi
  done
done
run invoice render F2026-0001 --to json
check "the identity is in the data templates see" test "$(jq -r .seller.identity <<<"$OUT" | sed 's/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g')" = "Atelier Martin SASU au capital de 1 000,00 € · 12 rue des Lilas, 32000 Auch · RCS Auch 732 829 320 · TVA FR44732829320"
finish
