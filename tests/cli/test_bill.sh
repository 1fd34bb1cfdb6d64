# Supplier e-invoices read in (issue 16): indie bill import reads a Factur-X PDF, a CII or a UBL
# file, checks its arithmetic as EN 16931 does, keeps the file as received, and refuses whole
# (nothing recorded) a file it cannot read or that does not add up. Tested on the official
# EN 16931 examples (tests/data/einvoice/README.md) with figures computed here from the XML, and
# on indie's own Factur-X read back.
. "$(dirname "$0")/lib.sh"
DATA="${INDIE_SOURCE:?}/tests/data/einvoice"
# An XPath 1.0 figure of the file, with two decimals: computed apart from indie.
xsum() { printf '%.2f' "$(xmllint --xpath "$1" "$2")"; }

# The buyer of the official French sample fr-sasu-usd.xml: a company charging VAT.
run init --name "Acheteur Exemple SA" --legal-form SAS --address "1 place de la Défense, 92400 Courbevoie" \
  --country FR --siren 552081317 --vat-regime standard
expect_rc 0 "init"
run config set business.vat_number FR03552081317
run account add Qonto --currency EUR
run account add "Wise USD" --currency USD

# --- The official examples, each figure checked against the XML ---------------------------
run bill import "$DATA/fr-sasu-usd.xml"
expect_rc 0 "a CII invoice in USD, addressed to this business"
expect_out "Imported bill 1: invoice 2026-0107 from Conseil Exemple SASU, 4,800.00 USD (VAT 800.00), due 2026-11-01."
run bill show 1 --format json
check "supplier SIREN from scheme 0002" test "$(jq -r .supplier.siren <<<"$OUT")" = 402133854
check "supplier VAT number" test "$(jq -r .supplier.vat_number <<<"$OUT")" = FR61402133854
check "the VAT total in EUR (BT-111)" test "$(jq -r .vat_in_vat_currency <<<"$OUT")" = 712.69
check "net = sum of the line amounts in the XML" test "$(jq -r .net <<<"$OUT")" = \
  "$(xsum "sum(//*[local-name()='SpecifiedTradeSettlementLineMonetarySummation']/*[local-name()='LineTotalAmount'])" "$DATA/fr-sasu-usd.xml")"
check "one line, 32 hours" test "$(jq -r '.lines[0].quantity + " " + .lines[0].unit' <<<"$OUT")" = "32.0000 HUR"

run bill import "$DATA/ubl-tc434-creditnote1.xml"
expect_rc 1 "a bill addressed to another business"
expect_err "is not yours: it is addressed to My Customer Company (VAT number BE0000000295), and yours is FR03552081317"
expect_err "add --any-buyer"
run bill import "$DATA/ubl-tc434-example4.xml" "$DATA/ubl-tc434-creditnote1.xml" "$DATA/en16931-minimum-content.xml" --any-buyer
expect_rc 0 "UBL invoice, UBL credit note and the CII minimum example"
expect_out "3 bills imported, 0 already there."
run bill show 2 --format json
F="$DATA/ubl-tc434-example4.xml"
check "UBL: net = the lines' sum" test "$(jq -r .net <<<"$OUT")" = \
  "$(xsum "sum(//*[local-name()='InvoiceLine']/*[local-name()='LineExtensionAmount'])" "$F")"
check "UBL: VAT = 25 % of 1500 + 12 % of 2500" test "$(jq -r .vat <<<"$OUT")" = \
  "$(xsum "sum(//*[local-name()='InvoiceLine'][.//*[local-name()='Percent']=25]/*[local-name()='LineExtensionAmount']) * 0.25 + sum(//*[local-name()='InvoiceLine'][.//*[local-name()='Percent']=12]/*[local-name()='LineExtensionAmount']) * 0.12" "$F")"
check "UBL: two VAT rates" test "$(jq -r '[.vat_breakdown[].rate] | join(",")' <<<"$OUT")" = "25,12"
check "UBL: due date" test "$(jq -r .due_date <<<"$OUT")" = 2013-05-10
check "UBL: the seller's trade name when no legal name" test "$(jq -r .supplier.name <<<"$OUT")" = SellerCompany
run bill show 3 --format json
check "UBL credit note: 381" test "$(jq -r '.kind + " " + .type_code' <<<"$OUT")" = "credit-note 381"
check "UBL credit note: exempt (E), 100.11" test "$(jq -r '.vat_breakdown[0].category + " " + .due' <<<"$OUT")" = "E 100.11"
run bill list --format csv
expect_rc 0 "list as CSV"
check "list: four bills, a header" test "$(wc -l <<<"$OUT")" = 5
check "a credit note lists below zero" bash -c "grep -q '^3,2019-09-23,My Supplier Company,018304 / 28865,credit-note,EUR,-100.11' <<<'$OUT'"

# --- Imported once: again adds nothing; the same number with other figures is refused --------
run bill import "$DATA/fr-sasu-usd.xml"
expect_rc 0 "the same file again"
expect_out "already imported as bill 1; nothing to add."
sed 's/4800.00/4920.00/g; s/4000.00/4100.00/g; s/800.00/820.00/g' "$DATA/fr-sasu-usd.xml" >"$T/changed.xml"
snapshot before
run bill import "$T/changed.xml"
expect_rc 1 "the same invoice number with other figures"
expect_err "is already bill 1, read from another file with other figures"
expect_err "credit note"
expect_unchanged_since before

# --- Files refused whole, with where and what to do; nothing recorded ---------------------------
refused() { # refused FILE WHAT MESSAGE
  run bill import "$1"
  expect_rc 1 "$2"
  expect_err "$3"
  expect_unchanged_since before
}
sed 's|<ram:GrandTotalAmount>4800.00|<ram:GrandTotalAmount>4700.00|' "$DATA/fr-sasu-usd.xml" >"$T/sum.xml"
refused "$T/sum.xml" "totals that do not add up" "BR-CO-15: the total with VAT (BT-112) is 4700.00 USD, but total without VAT + VAT makes 4800.00 USD"
grep -q "ask the supplier for a corrected invoice" <<<"$ERR"; check "says what to do" test $? = 0
sed 's|<ram:LineTotalAmount>4000.00</ram:LineTotalAmount>|<ram:LineTotalAmount>4000.001</ram:LineTotalAmount>|' "$DATA/fr-sasu-usd.xml" >"$T/dec.xml"
refused "$T/dec.xml" "an amount with three decimals" "dec.xml:160: BT-106 (sum of the lines) '4000.001' has more decimals than USD has (2)"
sed 's|<ram:CalculatedAmount>800.00|<ram:CalculatedAmount>830.00|; s|currencyID="USD">800.00|currencyID="USD">830.00|; s|4800.00|4830.00|g' "$DATA/fr-sasu-usd.xml" >"$T/vat.xml"
refused "$T/vat.xml" "VAT that is not 20 % of its basis" "BR-S-09: the VAT of category S at 20 % is 830.00 USD, but 4000.00 x 20 % makes 800.00 USD"
head -c 3000 "$DATA/fr-sasu-usd.xml" >"$T/cut.xml"
refused "$T/cut.xml" "a truncated file" "cut.xml:"
grep -q "not well-formed XML" <<<"$ERR"; check "says it is not well formed" test $? = 0
printf '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>\n' >"$T/xxe.xml"
refused "$T/xxe.xml" "an external entity (XXE)" "declares a DTD, which an e-invoice never has; indie reads no DTD"
grep -q "root:" <<<"$ERR$OUT"; check "no file content leaks" test $? = 1
printf '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<lolz>&lol3;</lolz>\n' >"$T/lol.xml"
refused "$T/lol.xml" "entity expansion (billion laughs)" "declares a DTD"
printf '<?xml version="1.0"?>\n<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"/>\n' >"$T/zf1.xml"
refused "$T/zf1.xml" "ZUGFeRD 1.0" "this is ZUGFeRD 1.0, replaced in 2019"
printf '<invoice><total>12</total></invoice>\n' >"$T/other.xml"
refused "$T/other.xml" "XML that is not an e-invoice" "other.xml:1: not an e-invoice: the root element is invoice; indie reads CII"
grep -v '<ram:ID>2026-0107</ram:ID>' "$DATA/fr-sasu-usd.xml" >"$T/nonumber.xml"
refused "$T/nonumber.xml" "no invoice number" "the invoice has no BT-1 (invoice number)"
printf 'date,amount\n2026-11-01,12\n' >"$T/bank.csv"
refused "$T/bank.csv" "a CSV file" "neither a PDF nor an XML file"
run invoice list
# A PDF that is not a Factur-X: indie's own plain PDF, from a second business.
export INDIE_DB="$T/supplier.db" INDIE_CONFIG="$T/supplier.toml"
run init --name "Atelier Martin" --legal-form SASU --address "8 rue Neuve, 69001 Lyon" --country FR \
  --siren 732829320 --vat-regime standard
run config set business.vat_number FR44732829320
run config set business.share_capital "1000 EUR"
run config set business.rcs_city Lyon
run config set business.email atelier@example.fr
run config set bank.iban FR7630006000011234567890189
run client add acheteur --name "Acheteur Exemple SA" --address "1 place de la Défense, 92400 Courbevoie" \
  --country FR --siren 552081317 --vat-number FR03552081317
run invoice new acheteur --empty --service-date 2026-11-20 -q
D=$OUT
run invoice line add "$D" "Hébergement" --qty 3 --unit month --price 33.33 --vat 20
run invoice line add "$D" "Livre" --qty 1 --price 19 --vat 5.5
run invoice issue "$D" -q
expect_rc 0 "the supplier issues an invoice"
SUPPLIER_NUMBER=$OUT
run invoice render "$SUPPLIER_NUMBER" --to pdf --duplicate -o "$T/plain.pdf"   # rendered afresh: no XML
run invoice render "$SUPPLIER_NUMBER" --to facturx -o "$T/facturx.pdf"
expect_rc 0 "its Factur-X"
run invoice show "$SUPPLIER_NUMBER" --format json
SUPPLIER_JSON=$OUT
unset INDIE_DB INDIE_CONFIG
refused "$T/plain.pdf" "a PDF without e-invoice" "this PDF carries no e-invoice (no file is attached to it)"
head -c 2000 "$T/facturx.pdf" >"$T/broken.pdf"
refused "$T/broken.pdf" "a damaged PDF" "broken.pdf: not a PDF file qpdf can read"
run bill import "$DATA/fr-franchise-en-base.xml" "$T/sum.xml"
expect_rc 1 "two files, the second bad"
expect_unchanged_since before
check "nothing from the first file either" test "$(sqlite3 "$DB" 'SELECT count(*) FROM bill')" = 4

# --- indie's own Factur-X, read back: the same figures -----------------------------------------
run bill import "$T/facturx.pdf" --category hosting
expect_rc 0 "a Factur-X PDF"
expect_out "Imported bill 5: invoice $SUPPLIER_NUMBER from Atelier Martin"
run bill show 5 --format json
for f in net vat_total total; do
  k=$f; [ "$f" = vat_total ] && k=vat
  check "Factur-X read back: $f" test "$(jq -r ".$k" <<<"$OUT")" = "$(jq -r ".$f" <<<"$SUPPLIER_JSON")"
done
check "from a PDF" test "$(jq -r '.file.from_pdf' <<<"$OUT")" = true
run bill file 5 -o "$T/back.pdf"
check "the file kept is the one received" cmp -s "$T/back.pdf" "$T/facturx.pdf"

# --- Paying a bill: the transaction carries the VAT, which the books count --------------------
run bill pay 5 --account Qonto --date 2026-11-25 --amount 50
expect_rc 0 "a part payment"
expect_out "left"
TOTAL=$(jq -r .total <<<"$SUPPLIER_JSON")
VAT=$(jq -r .vat_total <<<"$SUPPLIER_JSON")
run bill pay 5 --account Qonto --date 2026-11-28 --amount 1000
expect_rc 1 "paying more than is left"
expect_err "is more than the"
run bill pay 5 --account Qonto --date 2026-11-28
expect_rc 0 "the rest"
expect_out "nothing left to pay"
run account register Qonto --format json
check "two payments out of Qonto add up to the bill" test "$(jq -r '.[-1].balance' <<<"$OUT")" = "-$TOTAL"
check "each payment names the supplier and the bill" test "$(jq -r '.[0].payee + " / " + .[0].note' <<<"$OUT")" = "Atelier Martin / bill $SUPPLIER_NUMBER"
run report expenses --period 2026-11 --by supplier --format json
check "expenses: the VAT of both payments is the bill's VAT" test \
  "$(jq -r '.[] | select(.supplier == "Atelier Martin") | .vat_eur' <<<"$OUT")" = "$VAT"
run report vat --period 2026-11 --format json
expect_out "$VAT"
run bill pay 5 --account Qonto
expect_rc 1 "a paid bill"
expect_err "is paid already"
run bill list --unpaid --format json
check "unpaid: not bill 5" test "$(jq '[.[] | select(.id == 5)] | length' <<<"$OUT")" = 0
run bill rm 5
expect_rc 1 "a paid bill is kept"
expect_err "a paid bill is kept"
# Linking a bank transaction already there (a bank import) instead of recording one.
run account tx add "Wise USD" -- -4800 --date 2026-11-02 --payee "CONSEIL EXEMPLE"
run bill pay 1 --tx 3
expect_rc 0 "linking a transaction"
check "the transaction now carries the bill's VAT" test "$(sqlite3 "$DB" 'SELECT vat_minor, vat_rate FROM account_tx WHERE id = 3')" = "-80000|20"

# A USD bill paid from the EUR account: the VAT recorded is the bill's own VAT in EUR (BT-111).
sed 's|<ram:ID>2026-0107</ram:ID>|<ram:ID>2026-0108</ram:ID>|' "$DATA/fr-sasu-usd.xml" >"$T/usd2.xml"
run bill import "$T/usd2.xml"
expect_out "Imported bill 6"
run bill pay 6 --account Qonto --date 2026-11-06
expect_rc 2 "between currencies, what left the account is needed (a usage error)"
expect_err "give --amount, what left the account in EUR"
run bill pay 6 --account Qonto --amount 4400 --date 2026-11-06
expect_rc 0 "paid from EUR"
check "the EUR transaction carries the VAT in EUR the bill states (712.69)" \
  test "$(sqlite3 "$DB" "SELECT amount_minor, vat_minor FROM account_tx WHERE note = 'bill 2026-0108'")" = "-440000|-71269"

# --- The database keeps bills as received -------------------------------------------------------
snapshot kept
sqlite3 "$DB" "UPDATE bill SET payable_minor = 1 WHERE id = 1" 2>"$T/sqlerr"
check "the database refuses changing a bill's figures" grep -q "a bill stays as the supplier sent it" "$T/sqlerr"
sqlite3 "$DB" "DELETE FROM account_tx WHERE id = 3" 2>"$T/sqlerr"
check "nor removing the transaction that paid one" grep -q "this transaction pays a bill" "$T/sqlerr"
expect_unchanged_since kept
run bill edit 2 --category supplies
expect_rc 0 "the category may change"
run bill rm 4
expect_rc 0 "an unpaid bill imported by mistake"
run bill show 4
expect_rc 1 "it is gone"
run bill show abc
expect_rc 2 "not an id"
finish
