# The VAT a company owes (issue 15): services on receipts, goods on invoices, credit notes
# subtracting, reverse charge apart, deductible VAT from expenses; and the expenses report and
# purchases register. Figures worked out by hand in the comments.
. "$(dirname "$0")/lib.sh"
setup_business
# Under the franchise no VAT is charged nor deducted: said, nothing changed.
run account add Qonto --currency EUR
snapshot franchise
run report vat --period 2026-11
expect_rc 1 "no VAT return under the franchise"
expect_err "under the franchise en base no VAT is charged, so none is owed"
run account tx add Qonto -- -120 --supplier OVH --vat 20
expect_rc 1 "no deductible VAT under the franchise"
expect_err "--vat: under the franchise en base no VAT is charged, and none is deductible"
expect_unchanged_since franchise

run config set business.share_capital "1000 EUR"
run config set business.legal_form SASU
run config set business.name "Atelier Martin"
run config set business.rcs_city Auch
run config set business.vat_regime standard
run config set business.vat_number FR44732829320
run config set business.activity mixed
run client add acme --name "ACME SAS" --address "1 rue de la Paix, 75002 Paris" --country FR --siren 552100554 --vat-number FR96552100554
run client add globex --name "Globex GmbH" --address "Unter den Linden 1, 10117 Berlin" --country DE --vat-number DE129273398

invoice() { # invoice CLIENT DATE DESCRIPTION PRICE VAT ACTIVITY
  run invoice new "$1" --empty --service-date "$2" -q
  local d=$OUT
  run invoice line add "$d" "$3" --qty 1 --price "$4" --vat "$5" --activity "$6"
  run invoice issue "$d" --date "$2" --force
  [ "$RC" = 0 ] || fail "issue $3: $ERR"
}
invoice acme 2026-11-02 "Développement" 1000 20 bnc      # F2026-0001: 1,200.00 TTC
invoice acme 2026-11-03 "Livres" 200 5.5 bic-sales       # F2026-0002: 211.00 TTC, goods
invoice globex 2026-11-04 "Audit" 800 0 bnc              # F2026-0003: reverse charge
run invoice credit F2026-0002 --amount 50 --reason "Un livre abîmé" --date 2026-11-05 --force
expect_rc 0 "a credit of 50.00 + 2.75 VAT on the goods"
run invoice pay F2026-0001 --amount 600 --date 2026-11-10 --account Qonto
run invoice pay F2026-0003 --amount 800 --date 2026-11-12 --account Qonto

# Expenses with their VAT: 120.00 at 20 % holds 20.00; 60.50 at 10 % holds 5.50; 30 has none.
run account tx add Qonto -- -120 --supplier OVH --category hosting --vat 20 --date 2026-11-06 --note "Facture 4471"
expect_rc 0 "an expense with its VAT"
run account tx add Qonto -- -60.50 --supplier SNCF --category travel --vat 10 --date 2026-11-07
run account tx add Qonto -- -30 --supplier "La Poste" --category travel --date 2026-11-08
run account tx add Qonto -- -15 --supplier Boulangerie --category meals --vat-amount 0.78 --date 2026-11-09
expect_rc 0 "a VAT amount from the receipt"

# Collected: 20 % on the 600.00 received of F2026-0001 (500.00 + 100.00), line 08; 5.5 % on
# the goods invoiced, 200 - 50 = 150.00 and 11.00 - 2.75 = 8.25, line 09; the 800.00 to Globex
# not taxable in France. Deductible 20.00 + 5.50 + 0.78 = 26.28 on 225.50 spent (199.22 net).
# Due: 108.25 - 26.28 = 81.97.
run report vat --period 2026-11 --format json
expect_rc 0 "the VAT return"
line() { jq -r ".[] | select(.kind == \"$1\"$2) | $3" <<<"$OUT"; }
check "20 % on receipts, line 08" test "$(line collected ' and .rate == "20"' '"\(.basis) \(.ca3_line) \(.base) \(.vat)"')" = "receipts 08 500.00 100.00"
check "5.5 % on invoices, line 09" test "$(line collected ' and .rate == "5.5"' '"\(.basis) \(.ca3_line) \(.base) \(.vat)"')" = "invoices 09 150.00 8.25"
check "reverse charge apart" test "$(line not-taxable '' '.base')" = "800.00"
check "total collected, line 16" test "$(line total-collected '' '"\(.ca3_line) \(.vat)"')" = "16 108.25"
check "deductible, line 20" test "$(line deductible '' '"\(.ca3_line) \(.base) \(.vat)"')" = "20 199.22 26.28"
check "net due, line 28" test "$(line due '' '"\(.ca3_line) \(.vat)"')" = "28 81.97"
# With the debits option, services are due when invoiced: 1000 x 20 % = 200.00.
run config set business.vat_on_debits yes
run report vat --period 2026-11 --format json
check "debits: 20 % on the invoice" test "$(line collected ' and .rate == "20"' '"\(.basis) \(.base) \(.vat)"')" = "invoices 1000.00 200.00"
invoice acme 2026-11-20 "Maintenance" 100 20 bnc
run invoice render F2026-0004 --to txt -o -
expect_out "Option pour le paiement de la taxe d'après les débits"
run config set business.vat_on_debits no

# Expenses, grouped and as the purchases register.
run report expenses --period 2026-11 --by category --format json
expect_rc 0 "the expenses report"
check "travel: two expenses" test "$(jq -r '.[] | select(.category == "travel") | "\(.count) \(.eur) \(.vat_eur)"' <<<"$OUT")" = "2 90.50 5.50"
check "the total" test "$(jq -r '.[] | select(.category == "total") | "\(.count) \(.eur) \(.vat_eur) \(.net_eur)"' <<<"$OUT")" = "4 225.50 26.28 199.22"
run report expenses --period 2026-11 --by supplier --format csv
expect_out "supplier,count,eur,vat_eur,net_eur"
expect_out "OVH,1,120.00,20.00,100.00"
run report expenses --period 2026-11 --register --format json
check "the register: one row per purchase, with its reference" test "$(jq -r '.[0] | "\(.date) \(.supplier) \(.reference) \(.eur) \(.vat_rate) \(.cash)"' <<<"$OUT")" = "2026-11-06 OVH Facture 4471 120.00 20 false"

# Bank rules give an imported expense its category and VAT, by payee.
cat >"$T/rules.toml" <<'TOML'
[columns]
date = "Date"
amount = "Amount"
payee = "Payee"
[[payee]]
match = "ovh"
category = "hosting"
vat = "20"
[[payee]]
match = "sncf"
category = "travel"
TOML
printf 'Date,Amount,Payee\n2026-11-15,-24.00,OVH SAS\n2026-11-16,-10.00,SNCF Connect\n2026-11-17,-5.00,Kiosque\n' >"$T/bank.csv"
run account import Qonto "$T/bank.csv" --rules "$T/rules.toml"
expect_rc 0 "an import with payee rules"
run report expenses --from 2026-11-15 --to 2026-11-17 --register --format json
check "OVH: hosting, 4.00 of VAT in 24.00" test "$(jq -r '.[0] | "\(.category) \(.vat_rate) \(.vat_eur)"' <<<"$OUT")" = "hosting 20 4.00"
check "SNCF: travel, no VAT given" test "$(jq -r '.[1] | "\(.category) \(.vat_rate) \(.vat_eur)"' <<<"$OUT")" = "travel null 0.00"
check "no rule: no category" test "$(jq -r '.[2].category' <<<"$OUT")" = ""
printf '[columns]\ndate = "Date"\namount = "Amount"\n[[payee]]\nmatch = "ovh"\nvat = "19.6"\n' >"$T/bad-rules.toml"

# Bad input: a clear error, nothing changed.
snapshot bad
run account import Qonto "$T/bank.csv" --rules "$T/bad-rules.toml"
expect_rc 1 "a rule with a VAT rate that is not French"
expect_err "bad-rules.toml:6:7: [[payee]]: vat: VAT rate 19.6% is not a French rate"
run account tx add Qonto -- -100 --vat 19.6
expect_rc 1 "a VAT rate that is not French"
expect_err "--vat: VAT rate 19.6% is not a French rate"
run account tx add Qonto -- -10 --vat-amount 12
expect_rc 1 "more VAT than the amount"
expect_err "--vat-amount: 12 is not VAT included in -10.00"
run report vat --period 2026-13
expect_rc 1 "a period that does not parse"
run report vat --period 2026
expect_rc 1 "a year"
run report expenses --by week
expect_rc 1 "an unknown grouping"
expect_err "--by: 'week' is not a grouping"
expect_unchanged_since bad
finish
