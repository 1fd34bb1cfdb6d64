# Regression (issue 14.15): "45 jours fin de mois" could not be expressed (terms were a number of
# days), the penalty rate and the early-payment discount were fixed texts. Now: --terms 45eom
# (due: 45 days later, then the end of that month), capped as L441-10 says between businesses;
# invoice.late_penalty_rate (never below 3 times the legal interest rate) and
# invoice.early_discount.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554 --terms 45eom
expect_rc 0 "45 days end of month"
run client show acme --format json
check "kept as 45 days, end of month" test "$(jq -r '"\(.payment_terms) \(.terms_end_of_month)"' <<<"$OUT")" = "45 true"
run client list
check "the table says 45eom" grep -Eq "^acme .* 45eom " <<<"$OUT"
run invoice new acme --empty --service-date 2026-11-02 -q
run invoice line add 1 "Atelier" --qty 1 --unit d --price 500
run invoice issue 1 --date 2026-11-20
# 20 November + 45 days = 4 January 2027, then the end of that month.
expect_out "due 2027-01-31"
run invoice render F2026-0001 --to json
check "the document says the terms as agreed" test "$(jq -r .document.payment_terms <<<"$OUT")" = "45 jours fin de mois"
run invoice render F2026-0001 --to txt --lang en -o -
expect_out "45 days end of month"

# Beyond the law between businesses: refused at issue, nothing changes.
run client edit acme --terms 60eom
expect_rc 0 "the client may say so"
run invoice new acme --empty --service-date 2026-11-03 -q
D=$OUT
run invoice line add "$D" "Recette" --qty 1 --price 100
snapshot before
run invoice issue "$D"
expect_rc 1 "60 days end of month"
expect_err "payment terms of 60 days end of month exceed the 45 days end of month French law allows"
expect_err "--terms 45eom"
expect_unchanged_since before
run client edit acme --terms 30eom
run client edit acme --terms "soon"
expect_rc 1 "bad terms"
expect_err "must be days from 0 to 365 (30), or days end of month (45eom)"

# The penalty rate: its legal floor, and what is printed.
run config set invoice.late_penalty_rate 5
expect_rc 0 "any percent may be set"
snapshot before
run invoice issue "$D"
expect_rc 1 "5 % is below 3 x 2.62 %"
expect_err "a late-payment penalty rate of 5 % is below the legal floor of 7.86 %"
expect_unchanged_since before
run config set invoice.late_penalty_rate 12,5
expect_rc 1 "a comma"
run config set invoice.late_penalty_rate 12.5
run config set invoice.early_discount "2 % pour paiement sous 8 jours"
run invoice issue "$D"
expect_rc 0 "issued"
run invoice show F2026-0002 --format json
check "the penalty rate printed" test "$(jq -r '.mentions[] | select(startswith("Pénalités"))' <<<"$OUT")" = $'Pénalités de retard\u00a0: 12,5\u00a0% par an, exigibles le jour suivant la date d\'échéance'
check "the early-payment discount printed" test "$(jq -r '.mentions[] | select(startswith("Escompte"))' <<<"$OUT")" = $'Escompte pour paiement anticipé\u00a0: 2\u00a0% pour paiement sous 8 jours'
check "due 30 days end of month: 20 December, then 31 December" test "$(jq -r .due_date <<<"$OUT")" = "2026-12-31"

# The config file keeps 45eom as a string and 30 as a number.
run config set invoice.payment_terms 45eom
check "a string in the file" grep -q 'payment_terms = "45eom"' "$CONFIG"
run client add globex --name "Globex" --address "2 rue de Rivoli, 75001 Paris" --country FR --siren 552100554
run client show globex --format json
check "a new client takes the default" test "$(jq -r '"\(.payment_terms) \(.terms_end_of_month)"' <<<"$OUT")" = "45 true"
run config set invoice.payment_terms 30
check "a number in the file" grep -q 'payment_terms = 30$' "$CONFIG"
run verify
expect_rc 0 "the terms are sealed with the invoice"
finish
