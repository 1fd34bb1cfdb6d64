# Regression (issue 14.11): a foreign client's address ended with the country's code ("US"); it
# ends with the country's name in full and in capitals, in the document's language (the UPU's
# rule for the last line), from ISO 3166-1 as Debian's iso-codes names it. A client at home
# gets no country line.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add us --name "US Corp" --address "1 Main St, New York NY 10001" --country US --currency USD --lang fr
run client add de --name "Beispiel GmbH" --address "Hauptstraße 1, 10115 Berlin" --country DE --vat-number DE129273398
run client add ci --name "Abidjan SARL" --address "Plateau, Abidjan" --country CI
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554
for c in us de ci acme; do
  run invoice new $c --empty --service-date 2026-11-02 -q
  run invoice line add "$OUT" "Conseil" --qty 1 --price 100
done
lines() { run invoice render "$1" --to json ${2:+--lang "$2"}; jq -r '.client.address_lines | join("|")' <<<"$OUT"; }
check "United States, in French" test "$(lines 1)" = "1 Main St|New York NY 10001|ÉTATS-UNIS"
check "United States, in English" test "$(lines 1 en)" = "1 Main St|New York NY 10001|UNITED STATES"
check "Germany, in English (a client abroad gets English documents)" test "$(lines 2)" = "Hauptstraße 1|10115 Berlin|GERMANY"
check "Germany, in French" test "$(lines 2 fr)" = "Hauptstraße 1|10115 Berlin|ALLEMAGNE"
check "Côte d'Ivoire, accents kept in capitals" test "$(lines 3)" = "Plateau|Abidjan|CÔTE D'IVOIRE"
check "at home: no country line" test "$(lines 4)" = "1 rue de la Paix|75002 Paris"
run invoice render 1 --to txt -o -
expect_out "  ÉTATS-UNIS"
run client statement us --to txt -o - --lang en
expect_rc 0 "statement"
finish
