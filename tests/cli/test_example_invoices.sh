# examples/invoices.sh, the three invoices checked by eye (issue 14), keeps working: it renders
# them, and each shows what its kind must show.
. "$(dirname "$0")/lib.sh"
bash "$INDIE_SOURCE/examples/invoices.sh" "$INDIE" "$T/out" >"$T/log" 2>&1
RC=$? ERR=$(cat "$T/log")
expect_rc 0 "the script runs"
for f in franchise-ei sasu-three-rates usd-outside-eu; do
  check "$f.pdf" test -s "$T/out/$f.pdf"
  check "$f-1.png at 80 dpi" test -s "$T/out/$f-1.png"
done
EI=$(pdftotext "$T/out/franchise-ei.pdf" -)
check "franchise: the exemption, no Total TTC" test "${EI#*TVA non applicable, art. 293 B du CGI}" != "$EI" -a "${EI#*Total TTC}" = "$EI"
SASU=$(pdftotext "$T/out/sasu-three-rates.pdf" -)
for want in "Taux" "Base HT" "127,50" "7,01" "5,5" "Total TTC" "RCS Toulouse 732 829 320"; do
  if [[ "$SASU" == *"$want"* ]]; then pass; else fail "the SASU invoice shows: $want"; fi
done
USD=$(pdftotext "$T/out/usd-outside-eu.pdf" -)
for want in "Invoice" "\$3,600.00" "art. 259-1 du CGI" "1 EUR = 1,0512 USD (manuel, 30 novembre 2026)" "Payment terms: 30 days"; do
  if [[ "$USD" == *"$want"* ]]; then pass; else fail "the USD invoice shows: $want"; fi
done
finish
