# Regression (issue 14.1): "Net à payer" is the total as issued less what was paid before issue
# (a deposit, acompte), and nothing else. A deposit is given when issuing: it is frozen on the
# invoice (and sealed with it), recorded as a payment of its day in the same transaction, and
# the document asks for the rest, with an EPC QR code for the rest.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run config set bank.iban FR7630006000011234567890189
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run account add Qonto --currency EUR
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 1 "Atelier" --qty 2 --unit d --price 500

# Bad deposits: refused, nothing changes.
snapshot before
run invoice issue 1 --deposit 1000.01
expect_rc 1 "more than the total"
expect_err "--deposit 1,000.01 EUR is more than the invoice's total, 1,000.00 EUR"
run invoice issue 1 --deposit 0
expect_rc 1 "zero"
run invoice issue 1 --deposit 300 --deposit-date 2026-11-22
expect_rc 1 "after the issue date"
expect_err "a deposit is paid before the invoice"
run invoice issue 1 --deposit 300 --deposit-account Nowhere
expect_rc 1 "an unknown account"
expect_err "--deposit-account"
run invoice issue 1 --deposit-date 2026-11-02
expect_rc 2 "a date without a deposit"
expect_unchanged_since before

run invoice issue 1 --deposit 300 --deposit-date 2026-11-05 --deposit-account Qonto
expect_rc 0 "issued with a deposit"
expect_out "A deposit of 300.00 EUR paid on 2026-11-05 is recorded; 700.00 EUR remain to pay."
run invoice show F2026-0001 --format json
check "the deposit is a payment of its day" test "$(jq -c '[.payments[] | [.date, .amount, .account, .note]]' <<<"$OUT")" = '[["2026-11-05","300.00","Qonto","acompte"]]'
check "due: the rest" test "$(jq -r '.due + " " + .status' <<<"$OUT")" = "700.00 partly-paid"
run invoice render F2026-0001 --to json
check "the document: total, deposit, and the rest to pay" \
  test "$(jq -r '[.totals.gross.raw, .totals.deposit.raw, .totals.deposit_date.iso, .totals.due.raw] | join(" ")' <<<"$OUT")" = "1000.00 300.00 2026-11-05 700.00"
check "the QR code asks for the rest" grep -q $'EUR700.00\n' <<<"$(jq -r .payment.epc_qr <<<"$OUT")"
cd "$T"
run invoice render F2026-0001 -o issued.pdf
PDF=$(pdftotext -raw issued.pdf -)
check "the kept PDF says so" bash -c 'grep -q "Acompte versé (05/11/2026) -300,00" <<<"$0" && grep -q "Net à payer 700,00" <<<"$0"' "$PDF"
# A payment after issue changes nothing on the document.
run invoice pay F2026-0001 --amount 700 --date 2026-11-25
run invoice render F2026-0001 -o later.pdf
check "the same document after the last payment" cmp -s issued.pdf later.pdf
run account list --format json
check "the deposit landed in the account" test "$(jq -r '.[0].balance' <<<"$OUT")" = "300.00"
run verify
expect_rc 0 "the deposit is sealed with the invoice"
finish
