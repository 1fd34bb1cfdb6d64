# indie client statement (issue 14.1): issued invoices never change, so what happened to them
# (credit notes, payments, refunds) is told on the client's statement of account, with the
# running balance and what is overdue, as a listing (table, CSV, JSON) or a document (PDF, HTML,
# Markdown, text, JSON) in the client's language.
. "$(dirname "$0")/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run client add us --name "US Corp" --address "1 Main St, New York" --country US --currency USD --lang en
run client statement acme
expect_rc 0 "an empty statement"
expect_out "Nothing recorded for acme up to 2026-11-21."
run account add Qonto --currency EUR
for n in 1 2; do
  run invoice new acme --empty --service-date 2026-10-0$n -q
  run invoice line add "$OUT" "Atelier $n" --qty 1 --unit d --price $((n * 500))
done
run invoice issue 1 --date 2026-10-05 --force
run invoice issue 2 --date 2026-11-02 --force
run invoice pay F2026-0001 --amount 200 --account Qonto --date 2026-10-20
run invoice credit F2026-0002 --amount 100 --reason "Remise" --date 2026-11-10 --force
run invoice pay F2026-0002 --amount 900 --account Qonto --date 2026-11-12
run invoice pay F2026-0002 --amount 50 --account Qonto --date 2026-11-13 --allow-overpay
run invoice refund F2026-0002 --amount 50 --account Qonto --date 2026-11-14

run client statement acme --format json
expect_rc 0 "json"
check "every movement, in date order" test "$(jq -c '[.[] | [.date, .kind, .document]]' <<<"$OUT")" = \
  '[["2026-10-05","invoice","F2026-0001"],["2026-10-20","payment","F2026-0001"],["2026-11-02","invoice","F2026-0002"],["2026-11-10","credit-note","A2026-0001"],["2026-11-12","payment","F2026-0002"],["2026-11-13","payment","F2026-0002"],["2026-11-14","refund","F2026-0002"]]'
# Computed by hand: 500 - 200 + 1000 - 100 - 900 - 50 + 50 = 300 (F2026-0001, due 4 November).
check "the running balance" test "$(jq -c '[.[] | .balance]' <<<"$OUT")" = '["500.00","300.00","1300.00","1200.00","300.00","250.00","300.00"]'
check "a credit note is a credit on its invoice, without a due date" \
  test "$(jq -c '.[3] | [.credit, .debit, .invoice, .due_date]' <<<"$OUT")" = '["100.00",null,"F2026-0002",null]'
run client statement acme
expect_out "EUR on 2026-11-21: 300.00 EUR due, of which 300.00 EUR overdue."
run client statement acme --format csv
check "CSV: a header and seven rows" test "$(wc -l <<<"$OUT")" = 8
check "CSV: the refund is a debit" grep -q "^EUR,2026-11-14,refund,F2026-0002,F2026-0002,,50.00,,300.00,4" <<<"$(tr -d '\r' <<<"$OUT")"

# --as-of and --from.
run client statement acme --as-of 2026-10-31 --format json
check "as of 31 October: the first invoice and its payment" test "$(jq -c '[.[] | .balance]' <<<"$OUT")" = '["500.00","300.00"]'
run client statement acme --as-of 2026-10-31
expect_out "300.00 EUR due."
expect_out_not "overdue"
run client statement acme --from 2026-11-01 --to json
check "from 1 November: the opening balance carries October" test "$(jq -r '.currencies[0].opening.raw + " " + (.currencies[0].rows | length | tostring) + " " + .currencies[0].closing.raw' <<<"$OUT")" = "300.00 5 300.00"

# As a document, like an invoice.
cd "$T"
run client statement acme --to pdf
expect_rc 0 "pdf"
expect_out "Wrote statement-acme-2026-11-21.pdf"
PDF=$(pdftotext -raw statement-acme-2026-11-21.pdf -)
check "PDF: the title, the client and the balance" bash -c 'grep -q "Relevé de compte" <<<"$0" && grep -q "ACME SAS" <<<"$0" && grep -q "Reste dû" <<<"$0" && grep -q "Dont échu" <<<"$0"' "$PDF"
check "PDF: the refund and the payment method in French" bash -c 'grep -q "Remboursement" <<<"$0" && grep -q "(virement)" <<<"$0"' "$PDF"
run client statement acme --to txt -o -
check "text: the balance" grep -q "Reste dû.*: 300,00.€" <<<"$OUT"
run client statement acme --to html -o acme.html
check "HTML written" grep -q "<h1>Relevé de compte</h1>" acme.html
run client statement acme --to md -o - --lang en
expect_out "| 2026-11-14 | F2026-0002 | Refund (transfer) |"
expect_out "**Balance due: €300.00**"

# A client owed money back, in another currency and language.
run invoice new us --empty --service-date 2026-11-03 -q
run invoice line add "$OUT" "Consulting" --qty 1 --price 1000
run invoice issue "$(jq -r '.[-1].id' <<<"$("$INDIE" invoice list --format json)")" --date 2026-11-05 --force --eur-rate 1.1 --rate-date 2026-11-05
run invoice pay F2026-0003 --amount 1000 --date 2026-11-06
run invoice credit F2026-0003 --amount 250 --reason "Discount" --date 2026-11-15 --force
expect_rc 0 "credit note on a paid USD invoice"
run client statement us
expect_out "USD on 2026-11-21: 250.00 USD owed back to the client (indie invoice refund)."
run client statement us --to txt -o -
expect_out "Balance in your favour: \$250.00"

# Bad input: clear errors, nothing written, nothing changed.
snapshot before
run client statement nobody
expect_rc 1 "unknown client"
expect_err "no client"
run client statement acme --as-of 2026-13-01
expect_rc 1 "a bad date"
expect_err "--as-of"
run client statement acme --from 2026-12-01 --as-of 2026-11-30
expect_rc 1 "from after as-of"
expect_err "--from 2026-12-01 is after --as-of 2026-11-30"
run client statement acme --to docx
expect_rc 1 "unknown format"
expect_err "unknown document format 'docx'"
run client statement acme --to pdf --template classic
expect_rc 2 "a template for the PDF"
expect_unchanged_since before
finish
