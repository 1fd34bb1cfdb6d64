# Credit notes, payments, foreign currency, reverse charge and the receivables report, end to end.
. "$(dirname "$0")/lib.sh"

setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run project add acme/web --name "Site web" --rate 80/h
run time add acme/web 2026-11-02 09:00-12:00 "maquettes"
run time add acme/web 2026-11-03 09:00-12:00 "intégration"
run invoice new acme -q
run invoice line add 1 "Audit" --qty 1 --unit d --price 600 --period 2026-11-04
run invoice issue 1 --date 2026-11-05 --force
expect_out "Issued F2026-0001 to acme: 1,080.00 EUR"

# --- payments ----------------------------------------------------------------------------
run invoice new acme --empty --service-date 2026-11-02 -q
snapshot before
run invoice pay 2 --amount 10
expect_rc 1 "a payment on a draft"
expect_err "draft 2 is not issued"
expect_err "indie invoice issue 2"
run invoice pay F2026-0001 --amount 10.001
expect_rc 1 "too many decimals"
expect_err "--amount"
run invoice pay F2026-0001 --amount 2000
expect_rc 1 "overpayment"
expect_err "more than the 1,080.00 EUR still due"
expect_err "--allow-overpay"
run invoice pay F2026-0001 --amount 100 --currency USD
expect_rc 1 "another currency with no rate"
expect_err "no exchange rate from USD to EUR"
expect_err "--rate"
run invoice pay F2026-0001 --amount 100 --method bitcoin
expect_rc 1 "bad method"
expect_unchanged_since before

run account add Qonto --currency EUR
run invoice pay F2026-0001 --amount 500 --date 2026-11-20 --account "qonto" --method transfer
expect_rc 0 "partial payment"
expect_out "580.00 EUR still due"
run invoice list --format json
check "status partly-paid" test "$(jq -r '.[] | select(.number == "F2026-0001") | .status' <<<"$OUT")" = partly-paid
INDIE_NOW=2026-12-10T10:00:00Z run invoice list --overdue --format csv
check "overdue after the due date (2026-12-05)" test "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f2,7,14,15)" = "F2026-0001,5,580.00,overdue"
INDIE_NOW=2026-12-10T10:00:00Z run report receivables --format csv
check "receivables: 1-30 days bucket" test "$(printf '%s\n' "$OUT" | sed -n 2p | tr -d '\r')" = "acme,EUR,0.00,580.00,0.00,0.00,0.00,580.00"
run report receivables --as-of 2026-11-10 --format csv
check "receivables as of a date before the payment" test "$(printf '%s\n' "$OUT" | sed -n 2p | tr -d '\r')" = "acme,EUR,1080.00,0.00,0.00,0.00,0.00,1080.00"
run invoice pay F2026-0001 --amount 580
expect_out "paid in full"
run invoice list --status paid --format json
check "status paid" test "$(jq -r '.[0].number' <<<"$OUT")" = F2026-0001
run invoice pay F2026-0001 --amount 5 --allow-overpay
expect_rc 0 "overpay allowed"
expect_out "overpaid by 5.00 EUR"

# --- credit notes ------------------------------------------------------------------------
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 3 "Dév" --qty 10 --unit h --price 80
run invoice line add 3 "Audit" --qty 1 --unit d --price 600
run invoice issue 3
expect_out "Issued F2026-0002"
snapshot before
run invoice credit F2026-0002 --amount 2000 --reason "trop"
expect_rc 1 "a credit larger than what remains"
expect_err "is more than the 1,400.00 EUR that remains"
run invoice credit F2026-0002 --line 7 --reason "x"
expect_rc 1 "no such line"
run invoice credit F2026-0002 --line 1
expect_rc 2 "no reason"
run invoice credit 2 --reason "x"
expect_rc 1 "credit a draft"
run invoice credit F2026-0002 --line 1 --amount 5 --reason "x"
expect_rc 2 "line and amount together"
run invoice credit F2026-0002 --amount 100 --release-time --reason "x"
expect_rc 2 "release-time needs a full credit"
expect_unchanged_since before

run invoice credit F2026-0002 --line 2 --reason "Audit annulé" --date 2026-11-21
expect_rc 0 "credit one line"
expect_out "Issued credit note A2026-0001 for F2026-0002: 600.00 EUR including VAT. 800.00 EUR of F2026-0002 remains."
run invoice show A2026-0001 --format json
check "type 381" test "$(jq -r .type_code <<<"$OUT")" = 381
check "cites the number and date" test "$(jq -r '"\(.credits.number) \(.credits.issue_date)"' <<<"$OUT")" = "F2026-0002 2026-11-21"
check "credit note mention" test "$(jq -e '.mentions | map(select(test("Avoir sur la facture n° F2026-0002 du 2026-11-21"))) | length == 1' <<<"$OUT")" = true
check "credit note keeps the VAT mention" test "$(jq -e '.mentions | map(select(test("293 B"))) | length == 1' <<<"$OUT")" = true
run invoice credit F2026-0002 --line 2 --reason "again"
expect_rc 1 "a line credited twice"
expect_err "already credited by A2026-0001"
run invoice credit F2026-0002 --amount 300 --reason "Geste"
expect_out "A2026-0002"
expect_out "500.00 EUR of F2026-0002 remains"
run invoice credit F2026-0002 --reason "Solde"
expect_out "F2026-0002 is now cancelled"
run invoice list --status cancelled --format json
check "fully credited is cancelled" test "$(jq -r '.[0].number' <<<"$OUT")" = F2026-0002
run invoice list --format json
row=$(jq -c '.[] | select(.number == "F2026-0002") | [.credited == .total, .due, .paid]' <<<"$OUT")
check "list: credited equals the total, nothing due ($row)" test "$row" = '[true,"0.00","0.00"]'
original=$(jq '.[] | select(.number == "F2026-0002") | .id' <<<"$OUT")
notes=$(jq -c --argjson id "$original" '[.[] | select(.credits_id == $id) | [.kind, .due_date, .status]] | unique' <<<"$OUT")
check "list: credit notes point at the invoice, have no due date ($notes)" test "$notes" = '[["credit-note",null,"issued"]]'
run invoice list
check "list table: amounts grouped by thousands" grep -q "1,080.00" <<<"$OUT"
run invoice credit F2026-0002 --reason "more"
expect_rc 1 "nothing left to credit"
run invoice pay A2026-0001 --amount 1
expect_rc 1 "a payment on a credit note"

# A full credit with --release-time makes the time billable again; the invoice keeps its links.
run time list --unbilled --format json
check "time is billed before the credit" test "$(jq length <<<"$OUT")" = 0
run invoice credit F2026-0001 --reason "Erreur de client" --release-time
expect_rc 0 "full credit releasing time"
expect_out "Its 2 time entries are unbilled again"
run time list --unbilled --format json
check "time is billable again" test "$(jq length <<<"$OUT")" = 2
run invoice show F2026-0001 --format json
check "the invoice still says what it billed" test "$(jq '[.lines[].time_entries] | add' <<<"$OUT")" = 2
check "credited and paid: due is the refund owed" test "$(jq -r '"\(.status) \(.due)"' <<<"$OUT")" = "cancelled -1085.00"
run invoice new acme -q
expect_rc 0 "the released time is billed again"

# --- a foreign-currency invoice ----------------------------------------------------------
run client add us --name "US Corp" --address "1 Main St, New York" --country US --currency USD
run project add us/app --name App --rate 100/h
run time add us/app 2026-11-04 09:00-17:00 "dev"
run invoice new us -q
US=$OUT
snapshot before
run invoice issue "$US"
expect_rc 1 "no EUR rate"
expect_err "--eur-rate"
expect_unchanged_since before
run invoice issue "$US" --eur-rate 1.1225 --rate-date 2026-11-20
expect_out "Issued F2026-0003 to us: 800.00 USD"
run invoice show F2026-0003 --format json
check "category O outside the EU" test "$(jq -r .vat_category <<<"$OUT")" = O
# Regression (issue 14.7): a typed rate was stored and printed as the ECB's ("BCE").
check "the rate is frozen with its date and real source" test "$(jq -r '.eur_rate | "\(.rate) \(.date) \(.source)"' <<<"$OUT")" = "1.1225 2026-11-20 manual"
check "the rate is printed as typed by hand" test "$(jq -e '.mentions | map(select(. == "Taux de change\u00a0: 1 EUR = 1,1225 USD (manuel, 20 novembre 2026)")) | length == 1' <<<"$OUT")" = true
run invoice pay F2026-0003 --amount 700 --received 620.50EUR
expect_out "Exchange loss: -3.11 EUR"
run invoice pay F2026-0003 --amount 50 --currency EUR --rate 1.2
expect_out "settles 60.00 USD"
run invoice pay F2026-0003 --amount 30 --currency EUR
expect_rc 0 "the known rate converts a payment"
expect_out "settles 33.68 USD"
run report receivables --format csv
check "receivables in the invoice's currency" test "$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n 2p)" = "us,USD,6.32,0.00,0.00,0.00,0.00,6.32"

# --- EU reverse charge -------------------------------------------------------------------
run client add gmbh --name "Muster GmbH" --address "Hauptstr. 1, Berlin" --country DE
run invoice new gmbh --empty --service-date 2026-11-02 -q
DE=$OUT
run invoice line add "$DE" "Beratung" --qty 1 --price 1000
snapshot before
run invoice issue "$DE"
expect_rc 1 "reverse charge without the client's VAT number"
expect_err "client's VAT number"
expect_err "your intra-EU VAT number"
expect_unchanged_since before
run config set business.vat_number FR44732829320
run client edit gmbh --vat-number DE136695976
run invoice issue "$DE"
expect_rc 0 "reverse charge"
run invoice show F2026-0004 --format json
check "category AE" test "$(jq -r '"\(.vat_category) \(.vat_exemption_code) \(.vat_total)"' <<<"$OUT")" = "AE VATEX-EU-AE 0.00"
check "Autoliquidation" test "$(jq -e '.mentions | map(select(test("Autoliquidation"))) | length == 1' <<<"$OUT")" = true
check "both VAT numbers" test "$(jq -r '"\(.seller.vat_number) \(.buyer.vat_number)"' <<<"$OUT")" = "FR44732829320 DE136695976"
check "the mention cites art. 259-1 du CGI and art. 196 of the directive, not 283-2 (issue 14.9)" \
  test "$(jq -e '.mentions | map(select(test("art. 259-1 du CGI et art. 196 de la directive"))) | length == 1' <<<"$OUT")" = true
run invoice render F2026-0004 --to txt -o -
expect_out "VAT: reverse charge (Autoliquidation)"
expect_out_not "Total TTC"

# --- standard regime: VAT per rate -------------------------------------------------------
run config set business.vat_regime standard
run invoice new acme --empty --service-date 2026-11-02 -q
STD=$OUT
run invoice line add "$STD" "A" --qty 1 --price 0.03
run invoice line add "$STD" "B" --qty 1 --price 0.03
run invoice line add "$STD" "C" --qty 1 --price 0.03
run invoice line add "$STD" "Livre" --qty 1 --price 10 --vat 5.5
run invoice line add "$STD" "x" --qty 1 --price 1 --vat 19.6
expect_rc 1 "not a French rate"
expect_err "20, 10, 5.5, 2.1"
run invoice show "$STD" --format json
check "VAT per rate on the summed bases" test "$(jq -r '[.vat[] | "\(.rate):\(.base):\(.vat)"] | join(" ")' <<<"$OUT")" = "20:0.09:0.02 5.5:10.00:0.55"
check "TTC = HT + TVA" test "$(jq -r '"\(.net) \(.vat_total) \(.total)"' <<<"$OUT")" = "10.09 0.57 10.66"

# --- a rate typed at issue is frozen on the invoice, not written over a stored one ---------
sqlite3 "$DB" "INSERT OR REPLACE INTO rate VALUES ('EUR', 'USD', '2026-11-21', '1.2', 'ECB')"
run invoice new us --empty --service-date 2026-11-02 -q
US2=$OUT
run invoice line add "$US2" "Support" --qty 1 --price 10
run invoice issue "$US2" --eur-rate 1.5
check "a typed rate is frozen on the invoice" test "$("$INDIE" invoice show "$US2" --format json | jq -r .eur_rate.rate)" = 1.5
check "but does not overwrite a stored ECB rate" test "$(sqlite3 "$DB" "SELECT rate || ' ' || source FROM rate WHERE base = 'EUR' AND quote = 'USD' AND date = '2026-11-21'")" = "1.2 ECB"

# A stored ECB rate is printed as the BCE's; one older than five days is used with a warning
# that says how to refresh the rates (issue 14.7).
run client add ca --name "Maple Inc" --address "1 Bay St, Toronto" --country CA --currency CAD
run invoice new ca --empty --service-date 2026-11-02 -q
CA=$OUT
run invoice line add "$CA" "Support" --qty 1 --price 10
sqlite3 "$DB" "INSERT INTO rate VALUES ('EUR', 'CAD', '2026-11-13', '1.61', 'ECB')"
run invoice issue "$CA"
expect_rc 0 "issued with the stored rate"
expect_err "warning: the newest EUR/CAD rate stored is of 2026-11-13, 8 days before 2026-11-21: the rates were not refreshed. Import the ECB's recent ones (indie rate import eurofxref.csv"
run invoice show "$CA" --format json
check "the ECB's rate is printed as the BCE's" test "$(jq -e '.mentions | map(select(. == "Taux de change\u00a0: 1 EUR = 1,61 CAD (BCE, 13 novembre 2026)")) | length == 1' <<<"$OUT")" = true
run client add ch --name "Swiss AG" --address "1 Bahnhofstrasse, Zürich" --country CH --currency CHF
run invoice new ch --empty --service-date 2026-11-02 -q
CH=$OUT
run invoice line add "$CH" "Support" --qty 1 --price 10
sqlite3 "$DB" "INSERT INTO rate VALUES ('EUR', 'CHF', '2026-11-17', '0.93', 'ECB')"
run invoice issue "$CH"
expect_rc 0 "a rate four days old"
check "no warning for a recent rate" test -z "$ERR"
finish
