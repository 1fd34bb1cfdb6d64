# The books (issue 15): the receipts journal, the URSSAF declaration and the thresholds, on a
# year worked out by hand: EUR and USD receipts, a refund after a credit note, cash receipts, a
# mixed activity (services and goods), clients in France, the EU and the US.
. "$(dirname "$0")/lib.sh"
setup_business
run config set business.vat_number FR44732829320
run config set business.activity mixed
run config set urssaf.frequency quarterly
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run client add globex --name "Globex GmbH" --address "Unter den Linden 1, 10117 Berlin" --country DE --vat-number DE129273398
run client add initech --name "Initech Inc." --address "4120 Freidrich Ln, Austin TX" --country US --currency USD
run client add marie --name "Marie Dupont" --address "3 rue Haute, 32000 Auch" --country FR --vat-treatment consumer
run account add Qonto --currency EUR
run account add "Wise USD" --currency USD --kind wallet
run account add Caisse --currency EUR --kind cash
# 1 EUR = 1.20 USD on the day of the USD invoice, 1.25 on the day the dollars arrived: 2,000 USD
# is 1,600.00 EUR in the receipts journal.
run rate set EUR USD 1.20 --date 2026-04-01
run rate set EUR USD 1.25 --date 2026-04-15

invoice() { # invoice CLIENT DATE DESCRIPTION PRICE [ACTIVITY]: issues a one-line invoice
  run invoice new "$1" --empty --service-date "$2" -q
  local d=$OUT
  run invoice line add "$d" "$3" --qty 1 --price "$4" ${5:+--activity "$5"}
  run invoice issue "$d" --date "$2" --force
  [ "$RC" = 0 ] || fail "issue $3: $ERR"
}
invoice acme 2026-03-01 "Site vitrine" 1000 bnc          # F2026-0001
invoice initech 2026-04-01 "API audit" 2000 bnc          # F2026-0002, USD
invoice globex 2026-05-01 "Workshop" 500 bnc             # F2026-0003
# F2026-0004: a private client buys goods (300, bic-sales) and a lesson (200, bnc).
run invoice new marie --empty --service-date 2026-06-01 -q
D=$OUT
run invoice line add "$D" "Poterie" --qty 1 --price 300 --activity bic-sales
run invoice line add "$D" "Cours" --qty 1 --price 200 --activity bnc
run invoice issue "$D" --date 2026-06-01 --force
expect_rc 0 "a mixed invoice is issued when each line says its activity"

# A line that says nothing, on a mixed business, is refused at issue, naming it.
run invoice new acme --empty --service-date 2026-06-02 -q
D5=$OUT
run invoice line add "$D5" "Conseil" --qty 1 --price 10
snapshot mixed
run invoice issue "$D5" --date 2026-06-02 --force
expect_rc 1 "a line without activity on a mixed business"
expect_err "line 1 (Conseil): business.activity is mixed"
expect_unchanged_since mixed
run invoice rm "$D5"

run invoice pay F2026-0001 --amount 1000 --date 2026-03-10 --account Qonto
run invoice pay F2026-0002 --amount 2000 --date 2026-04-15 --account "Wise USD"
run invoice pay F2026-0003 --amount 500 --date 2026-05-05 --account Qonto
run invoice pay F2026-0004 --amount 50 --date 2026-06-01 --method cash --account Caisse
run invoice pay F2026-0004 --amount 60 --date 2026-06-01 --method cash --account Caisse
run invoice pay F2026-0004 --amount 390 --date 2026-06-20 --account Qonto
run account tx add Caisse 45 --date 2026-06-01 --receipt --activity bic-sales --payee "Vente comptoir" --note "Bol"
expect_rc 0 "a sale without invoice, as a receipt"
expect_out "Added receipt"
run invoice credit F2026-0001 --amount 100 --reason "Remise" --date 2026-07-01 --force
expect_rc 0 "the credit note"
run invoice refund F2026-0001 --amount 100 --date 2026-07-02 --account Qonto
expect_rc 0 "the refund"

# The journal: one row per receipt, in EUR, negative for the refund.
run report receipts --year 2026 --format json
expect_rc 0 "the receipts journal"
rows=$(jq -c '[.[] | select(.kind != "month" and .kind != "total")]' <<<"$OUT")
check "8 receipts" test "$(jq length <<<"$rows")" = 8
check "in the order received" test "$(jq -r 'map(.date) | join(" ")' <<<"$rows")" = \
  "2026-03-10 2026-04-15 2026-05-05 2026-06-01 2026-06-01 2026-06-01 2026-06-20 2026-07-02"
check "2,000 USD at 1.25 is 1,600.00 EUR, at the ECB rate of the day" \
  test "$(jq -r '.[1] | .amount + " " + .currency + " " + .eur + " " + .basis' <<<"$rows")" = "2000.00 USD 1600.00 ecb"
check "the refund is a negative row naming the credit note" \
  test "$(jq -r '.[7] | .kind + " " + .eur + " " + .credit_notes' <<<"$rows")" = "refund -100.00 A2026-0001"
check "the mixed payment of 50 splits 30 goods, 20 services" \
  test "$(jq -r '.[3] | .bic_sales + " " + .bnc' <<<"$rows")" = "30.00 20.00"
check "the sale in the cash account is there" \
  test "$(jq -r '.[5] | .kind + " " + .client + " " + .method + " " + .bic_sales' <<<"$rows")" = "sale Vente comptoir cash 45.00"
total=$(jq -c '.[] | select(.kind == "total")' <<<"$OUT")
# 1000 + 1600 + 500 + 50 + 60 + 45 + 390 - 100 = 3545; services 3200, goods 345.
check "the year's total" test "$(jq -r '.eur + " " + .bnc + " " + .bic_sales' <<<"$total")" = "3545.00 3200.00 345.00"
check "June's total" test "$(jq -r '.[] | select(.kind == "month" and .date == "2026-06-30") | .eur' <<<"$OUT")" = "545.00"
check "a month with nothing has its total" test "$(jq -r '.[] | select(.kind == "month" and .date == "2026-01-31") | .eur' <<<"$OUT")" = "0.00"

# The journal as a document, printable for an inspection.
run report receipts --year 2026 --to pdf -o "$T/journal.pdf"
expect_rc 0 "the journal as a PDF"
PDF=$(pdftotext -layout "$T/journal.pdf" -)
for want in "Livre des recettes" "Encaissé le" "F2026-0001" "A2026-0001" "2 000,00 \$US" "Total du mois" "3 545,00"; do
  if [[ "$PDF" == *"${want// /$'\u00a0'}"* || "$PDF" == *"$want"* ]]; then pass; else fail "the PDF journal shows: $want"; fi
done
run report receipts --period 2026-06 --to html -o -
expect_out "<h1>Livre des recettes</h1>"
run report receipts --period 2026-06 --to txt --lang en -o -
expect_out "Receipts journal 2026-06"
expect_out "Period total: €545.00"
run report receipts --period 2026-06 --to pdf --template mine
expect_rc 2 "a template is for html, md and txt"

# Cash receipts under 76 EUR from private persons, grouped per day.
run report receipts --period 2026-06 --group-cash --format json
rows=$(jq -c '[.[] | select(.kind != "month" and .kind != "total")]' <<<"$OUT")
check "three cash receipts of 1 June are one row" test "$(jq length <<<"$rows")" = 2
check "the group holds 50 + 60 + 45" test "$(jq -r '.[0] | .eur + " " + (.grouped|tostring)' <<<"$rows")" = "155.00 3"
run report receipts --period 2026-06 --format csv
expect_out "kind,date,client,nature,invoice,credit_notes,method,amount,currency,eur,basis"
check "the CSV: a header, 4 receipts, June's total and the period's" \
  test "$(printf '%s\n' "$OUT" | wc -l)" = 7

# The URSSAF declaration of the second quarter: services 1600 + 500 + 200 = 2300, goods 345.
# 2026 rates: BNC 25.6 % -> 588.80, sales 12.3 % -> 42.435 -> 42.44; CFP 0.2 % -> 4.60,
# 0.1 % -> 0.345 -> 0.35. Due on 31 July.
run report urssaf --period 2026-Q2 --format json
expect_rc 0 "the URSSAF declaration"
check "BNC line" test "$(jq -r '.[] | select(.line == "bnc") | "\(.declared) \(.contributions) \(.cfp)"' <<<"$OUT")" = "2300 588.80 4.60"
check "sales line" test "$(jq -r '.[] | select(.line == "bic-sales") | "\(.declared) \(.contributions) \(.cfp)"' <<<"$OUT")" = "345 42.44 0.35"
check "total and due date" test "$(jq -r '.[] | select(.line == "total") | "\(.declared) \(.estimate) \(.due)"' <<<"$OUT")" = "2645 636.19 2026-07-31"
# The third quarter has only the refund: -100 of BNC.
run report urssaf --period 2026-Q3 --format json
check "a refund lowers the quarter's turnover" test "$(jq -r '.[] | select(.line == "bnc") | .declared' <<<"$OUT")" = "-100"
# With the income tax paid with the contributions (2.2 % and 1 %) and the ACRE (50 %, started
# before 1 July 2026): BNC 12.8 % of 2300 = 294.40.
run config set urssaf.versement_liberatoire yes
run config set urssaf.acre_start 2026-03-01
run report urssaf --period 2026-Q2 --format json
check "ACRE halves the contributions" test "$(jq -r '.[] | select(.line == "bnc") | "\(.rate) \(.contributions) \(.income_tax)"' <<<"$OUT")" = "12.8 294.40 50.60"
run report urssaf --period 2026-Q2
expect_out "URSSAF declaration for 2026-Q2, to file and pay by 2026-07-31 (ACRE: contributions cut by 50 %)"
run config set urssaf.acre_start ""
run config set urssaf.versement_liberatoire no

# Thresholds: the franchise counts services made in France (1000 + 200 - 100 = 1100; the US and
# German clients' 2,100 are abroad), the micro ceiling every service (3200); goods count all.
run report thresholds --year 2026 --as-of 2026-12-31 --format json
expect_rc 0 "the thresholds"
check "franchise, services: in France only" test "$(jq -r '.[] | select(.threshold == "franchise_services_base") | .counted' <<<"$OUT")" = "1100.00"
check "franchise, goods: all sales in France" test "$(jq -r '.[] | select(.threshold == "franchise_goods_base") | .counted' <<<"$OUT")" = "1445.00"
check "micro ceiling, services: every receipt" test "$(jq -r '.[] | select(.threshold == "micro_services_ceiling") | .counted' <<<"$OUT")" = "3200.00"
check "micro ceiling, sales: the whole turnover" test "$(jq -r '.[] | select(.threshold == "micro_sales_ceiling") | .counted' <<<"$OUT")" = "3545.00"

# A lower threshold in the config (a year's figures corrected by the user) is crossed by a payment,
# which warns, naming it. The count peaked at 1,200 in June (before the refund), so 1,200 was not
# crossed then; 1,100 + 150 in August crosses it.
printf '\n[figures.2026]\nfranchise_services_increased = "1200"\n' >>"$CONFIG"
run report figures --year 2026 --format json
check "the config's figure wins, and says so" test "$(jq -r '.[] | select(.figure == "franchise_services_increased") | .value + " " + .source' <<<"$OUT")" = "1200 config"
invoice acme 2026-08-01 "Maintenance" 150 bnc
run invoice pay F2026-0005 --amount 150 --date 2026-08-05
expect_rc 0 "the payment is recorded"
expect_err "your receipts of 2026 reach 1,250.00 EUR, above franchise_services_increased (1,200.00 EUR): exceeded on 2026-08-05: VAT is due from that day"
run invoice pay F2026-0005 --amount 0.01 --date 2026-08-06 --allow-overpay
check "crossed once: no second warning" test -z "$ERR"

# Bad input: a clear error, nothing changed.
snapshot bad
run report urssaf --period 2026-13
expect_rc 1 "a month that does not exist"
expect_err "--period: '2026-13' is not a period (a month is 01 to 12)"
run report urssaf --period 2026-Q5
expect_rc 1 "a quarter that does not exist"
expect_err "(a quarter is Q1 to Q4)"
run report urssaf --period 2026
expect_rc 1 "a year is not a declaration period"
expect_err "not a year"
run report thresholds --year 2031
expect_rc 1 "a year without figures"
expect_err "no franchise_services_base for 2031"
expect_err "[figures.2031]"
run report receipts --period 2026-06 --year 2026
expect_rc 2 "two spans"
run account tx add Caisse 10 --receipt --activity mixed
expect_rc 1 "a receipt must be one activity"
expect_err "business.activity is mixed"
run account tx add Caisse 10 --activity bnc
expect_rc 2 "--activity without --receipt"
printf '[figures.2027]\nurssaf_bnc = 26.1\n' >"$T/bad.toml"
run --config "$T/bad.toml" report figures
expect_rc 1 "a float figure"
expect_err "write the value as a quoted decimal"
printf '[figures.2027]\nurssaf_bcn = "26.1"\n' >"$T/bad.toml"
run --config "$T/bad.toml" report figures
expect_rc 1 "a misspelt figure"
expect_err "Did you mean 'urssaf_bnc'?"
expect_unchanged_since bad

# A receipt is final, like a payment.
run account register Caisse --format json
R=$(jq -r '.[] | select(.amount == "45.00") | .id' <<<"$OUT")
snapshot final
run account tx rm "$R"
expect_rc 1 "a receipt cannot be removed"
expect_err "a receipt of the receipts journal is final"
run account tx edit "$R" --amount 46
expect_rc 1 "nor changed"
expect_unchanged_since final
run account tx edit "$R" --category poterie
expect_rc 0 "its category can change"

# The year, month by month: June 545.00; the running total excluding VAT reaches 3,545.00 in
# July, after the refund.
run report year 2026 --format json
expect_rc 0 "the year"
check "twelve months" test "$(jq length <<<"$OUT")" = 12
check "June's receipts and the total in July" test "$(jq -r '"\(.[5].receipts) \(.[6].cumulative_net)"' <<<"$OUT")" = "545.00 3545.00"
run report year 2026
expect_out "Jun         545.00"
expect_out "█"
expect_out "franchise_services_base"
expect_out_not $'\e['
run report year 2026 --to svg -o "$T/year.svg"
expect_rc 0 "the chart as SVG"
check "an SVG file" grep -q "<svg" "$T/year.svg"
run report year 2026 --to png -o "$T/year.png"
check "a PNG file" test "$(head -c 4 "$T/year.png" | tail -c 3)" = "PNG"
run report year 26
expect_rc 1 "not a year"
expect_err "'26' is not a year"
run report year 2026 --to gif
expect_rc 2 "not a chart format"

# The DES: services to EU businesses under reverse charge, by VAT number, in whole euros; a
# credit note subtracts. May: the 500.00 workshop for Globex. August: 1,000.40 - 300 = 700.40.
run report des --month 2026-05 --format json
expect_rc 0 "the DES of May"
check "one line, Globex's VAT number, 500 EUR" test "$(jq -r '.[] | "\(.line) \(.vat_number) \(.eur) \(.value)"' <<<"$OUT")" = "1 DE129273398 500.00 500"
invoice globex 2026-08-10 "Audit" 1000.40 bnc
run invoice credit F2026-0006 --amount 300 --reason "Jour annulé" --date 2026-08-11 --force
run report des --month 2026-08 --format json
check "the credit note subtracts, rounded to the euro" test "$(jq -r '.[0] | "\(.documents) \(.eur) \(.value)"' <<<"$OUT")" = "F2026-0006 A2026-0002 700.40 700"
run report des --month 2026-06
expect_rc 0 "a month without any"
expect_err "Nothing to declare for 2026-06"
run report des --month 2026-08 --to xml -o "$T/des.xml"
expect_rc 0 "the DES file"
x() { xmllint --xpath "string($1)" "$T/des.xml"; }
check "the file: declarant, month, year" test "$(x /fichier_des/declaration_des/num_tvaFr) $(x //mois_des) $(x //an_des)" = "FR44732829320 08 2026"
check "the file: one line of 700 for DE129273398" test "$(x //ligne_des/numlin_des) $(x //ligne_des/valeur) $(x //ligne_des/partner_des)" = "1 700 DE129273398"
check "the file: numbered by year and month" test "$(x //num_des)" = 2608
snapshot des
run report des --month 2026-Q3
expect_rc 1 "a quarter is not a DES month"
expect_err "the DES is monthly"
run report des --month 2026-08 --to pdf
expect_rc 2 "an unknown format"
run report des --month 2026-06 --to xml
expect_rc 1 "an empty month has no file"
expect_err "a month without any needs no DES"
expect_unchanged_since des

# Not a micro-entrepreneur: no URSSAF declaration.
run config set business.legal_form SASU
run report urssaf --period 2026-Q2
expect_rc 1 "a company"
expect_err "indie report urssaf is for micro-entrepreneurs"
[ -n "${KEEP:-}" ] && cp "$DB" "$CONFIG" "$KEEP"/
finish
