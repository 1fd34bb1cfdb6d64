# Regression (issue 14.14): the payment block gave the IBAN as one block of digits and no way to
# pay by phone. An issued invoice in euros, with an IBAN, now carries the EPC QR code a banking
# app reads ("GiroCode", EPC069-12 v002): decoded here by zbarimg, an independent reader, it is
# the transfer to make. The due date is in bold, the reference to quote beside it.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run config set bank.iban "FR7630006000011234567890189"
run config set bank.bic AGRIFRPP
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run client add initech --name "Initech LLC" --address "4120 Freidrich Lane, Austin TX" --country US --currency USD
run invoice new acme --empty -q --service-date 2026-11-10
run invoice line add 1 "Audit" --qty 2.5 --unit d --price 650
run invoice render 1 --to json
check "a draft has no QR code: it is not to be paid" test "$(jq -r .payment.epc_qr <<<"$OUT")" = null
run invoice issue 1 --date 2026-11-20
run invoice render F2026-0001 --to json
WANT=$(printf 'BCD\n002\n1\nSCT\nAGRIFRPP\nCamille Martin EI\nFR7630006000011234567890189\nEUR1625.00\n\n\nF2026-0001')
check "the EPC payload" test "$(jq -r .payment.epc_qr <<<"$OUT")" = "$WANT"
check "the reference to quote" test "$(jq -r .payment.reference <<<"$OUT")" = "F2026-0001"
run invoice render F2026-0001 -o "$T/f.pdf"
pdftoppm -r 200 -png -f 1 -l 1 "$T/f.pdf" "$T/page"
check "the QR code in the PDF reads as the payload" test "$(zbarimg -q --raw "$T/page-1.png" 2>/dev/null)" = "$WANT"
TEXT=$(pdftotext "$T/f.pdf" -)
for want in "Référence à rappeler" "F2026-0001" "FR76 3000 6000 0112 3456 7890 189" "Scanner pour payer"; do
  if [[ "$TEXT" == *"$want"* ]]; then pass; else fail "the payment block shows: $want"; fi
done
# Not in euros: no QR code (a SEPA transfer is in euros).
run invoice new initech --empty -q --service-date 2026-11-10
run invoice line add 2 "Consulting" --qty 1 --unit d --price 900 --vat 0
run invoice issue 2 --date 2026-11-20 --eur-rate 1.05
run invoice render F2026-0002 --to json
check "no QR code for a USD invoice" test "$(jq -r .payment.epc_qr <<<"$OUT")" = null
finish
