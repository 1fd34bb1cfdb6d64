# Regression (issue 14.11, 14.12, first part): documents printed unit codes ("j", "h"),
# quantities with as many decimals as each happened to have (0,5 beside 5,67), and SIREN and
# IBAN as one block of digits. Units are words in the document's language, a column of
# quantities has one number of decimals, SIREN and SIRET are grouped by three and the IBAN by four.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run config set bank.iban "FR7630006000011234567890189"
run config set business.siret 73282932000074
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
run client add initech --name "Initech LLC" --address "4120 Freidrich Lane, Austin TX" --country US
run invoice new acme --empty -q --period 2026-11-01..2026-11-30
run invoice line add 1 "Audit" --qty 0.5 --unit d --price 600
run invoice line add 1 "Développement" --qty 5.67 --unit h --price 80
run invoice line add 1 "Maintenance" --qty 1 --unit month --price 100
run invoice render 1 --to json
check "units in French" test "$(jq -r '[.lines[].unit] | join(",")' <<<"$OUT")" = "jour,heure,mois"
check "one number of decimals per column" test "$(jq -r '[.lines[].quantity.text] | join(" ")' <<<"$OUT")" = "0,50 5,67 1,00"
check "raw quantities unchanged" test "$(jq -r '[.lines[].quantity.raw] | join(" ")' <<<"$OUT")" = "0.5 5.67 1"
check "SIREN by threes" test "$(jq -r .seller.siren_text <<<"$OUT")" = "732 829 320"
check "SIRET by threes, then the NIC" test "$(jq -r .seller.siret_text <<<"$OUT")" = "732 829 320 00074"
check "the client's SIREN too" test "$(jq -r .client.siren_text <<<"$OUT")" = "552 100 554"
check "IBAN by fours" test "$(jq -r .payment.iban_text <<<"$OUT")" = "FR76 3000 6000 0112 3456 7890 189"
check "the raw IBAN for machines" test "$(jq -r .payment.iban <<<"$OUT")" = "FR7630006000011234567890189"
run invoice new initech --empty -q --service-date 2026-11-10
run invoice line add 2 "Consulting" --qty 2 --unit d --price 700 --vat 0
run invoice render 2 --to json
check "units in English" test "$(jq -r '.lines[0].unit' <<<"$OUT")" = "day"
check "whole quantities stay whole" test "$(jq -r '.lines[0].quantity.text' <<<"$OUT")" = "2"
finish
