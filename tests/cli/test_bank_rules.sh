# The shipped bank rules (examples/rules/), each on its sample statement written from the bank's
# documented layout: found by name, recognised by --detect, and imported to the figures the
# statement itself gives (its net or balance columns, summed here by Python's csv module, not by
# indie's reader). Then the new rule keys: sign columns, fees, row filters, states, zero rows,
# Windows-1252, dates with a time.
. "$(dirname "$0")/lib.sh"
EX="$INDIE_SOURCE/examples"
setup_business

# sum FILE EXPRESSION [FILTER]: Python sums EXPRESSION over the rows (dicts) where FILTER holds.
sum() {
  python3 - "$1" "$2" "${3:-True}" <<'PY'
import csv, sys
from decimal import Decimal as D
def num(s, dec=".", th=","):
    s = s.replace("\u00a0", "").replace(" ", "").replace(th, "").replace(dec, ".")
    return D(s or "0")
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter=";" if "bourso" in sys.argv[1] else ","))
total = sum((eval(sys.argv[2]) for r in rows if eval(sys.argv[3])), D(0))
print(f"{total:.2f}")
PY
}
# balance ACCOUNT: the account's balance as indie prints it in JSON.
balance() { "$INDIE" account list --format json | jq -r --arg n "$1" '.[] | select(.name == $n) | .balance'; }

check_import() { # NAME CURRENCY RULES SAMPLE EXPECTED_ROWS EXPECTED_BALANCE
  run account add "$1" --currency "$2"
  run account import "$1" "$EX/statements/$4" --rules "$3"
  expect_rc 0 "$3: import"
  expect_out "$5 rows, $5 new"
  check "$3: balance $6" test "$(balance "$1")" = "$6"
  run account import "$1" "$EX/statements/$4" --rules "$3"
  expect_out "0 new, $5 already imported"
}

# Revolut: Amount − Fee over completed rows; a fee row of its own; pending and declined left out.
check_import "Revolut EUR" EUR revolut revolut.csv 4 \
  "$(sum "$EX/statements/revolut.csv" 'num(r["Amount"]) - num(r["Fee"])' 'r["State"] == "COMPLETED"')"
run account register "Revolut EUR" --format json
check "revolut: the fee is its own row, category fees" test "$(jq -r '.[] | select(.category == "fees") | .amount' <<<"$OUT")" = "-1.00"
check "revolut: oldest first" test "$(jq -r '.[0].payee' <<<"$OUT")" = "Payment from Globex SAS"
run account import "Revolut EUR" "$EX/statements/revolut.csv" --rules revolut
expect_out "Left out by the rules (2):"; expect_out "line 5: state PENDING"; expect_out "line 6: state DECLINED"
# Revolut Business: the same, with Revolut's ids; the newest-first file is registered oldest first.
check_import "Revolut Business EUR" EUR revolut-business revolut-business.csv 4 \
  "$(sum "$EX/statements/revolut-business.csv" 'num(r["Total amount"])' 'r["State"] == "COMPLETED"')"
run account register "Revolut Business EUR" --format json
check "revolut business: oldest first" test "$(jq -r '[.[].date] | join(" ")' <<<"$OUT")" = "2026-11-15 2026-11-18 2026-11-20 2026-11-20"
# N26: two identical fee rows are two rows.
check_import N26 EUR n26 n26.csv 5 "$(sum "$EX/statements/n26.csv" 'num(r["Amount (EUR)"])')"
# BoursoBank: semicolons, "1 100,50".
check_import Bourso EUR boursobank boursobank.csv 3 \
  "$(sum "$EX/statements/boursobank.csv" 'num(r["amount"], ",", " ")')"
# PayPal: Net over completed rows that moved money; the memo row and the pending one left out.
check_import "PayPal EUR" EUR paypal paypal.csv 3 \
  "$(sum "$EX/statements/paypal.csv" 'num(r["Net"])' 'r["Status"] == "Completed" and r["Balance Impact"] != "Memo"')"
# Stripe: the sum of net.
check_import "Stripe EUR" EUR stripe stripe.csv 4 "$(sum "$EX/statements/stripe.csv" 'num(r["net"])')"

# Wise's transaction history: one file for every balance; each account takes its side.
WH="$EX/statements/wise-history.csv"
side_sum() { # CURRENCY: what the rows moved in that balance, by the layout's meaning
  python3 - "$WH" "$1" <<'PY'
import csv, sys
from decimal import Decimal as D
total = D(0)
for r in csv.DictReader(open(sys.argv[1])):
    if r["Status"] != "COMPLETED": continue
    if r["Source currency"] == sys.argv[2] and r["Direction"] in ("OUT", "NEUTRAL"):
        total -= D(r["Source amount (after fees)"]) + D(r["Source fee amount"] or "0")
    if r["Target currency"] == sys.argv[2] and r["Direction"] in ("IN", "NEUTRAL"):
        total += D(r["Target amount (after fees)"])
print(f"{total:.2f}")
PY
}
check_import "Wise hist EUR" EUR wise-history wise-history.csv 4 "$(side_sum EUR)"
check_import "Wise hist USD" USD wise-history wise-history.csv 3 "$(side_sum USD)"
run account import "Wise hist EUR" "$WH" --rules wise-history
expect_out "line 2: into USD: another balance"; expect_out "line 6: state CANCELLED"
run account register "Wise hist USD" --format json
check "the conversion's fee is its own row" test "$(jq -r '[.[] | select(.category == "fees") | .amount] | join(" ")' <<<"$OUT")" = "-4.14"
printf '[columns]\ndate = "D"\nsign = "S"\n[sign]\nout = ["O"]\nin = ["I"]\n[out]\namount = "A"\n' >"$T/half.toml"
run account import "Wise hist EUR" "$WH" --rules "$T/half.toml"
expect_rc 1 "one side alone"; expect_err "[out] and [in] go together"

# Qonto: settled rows only; its ids recognise a row imported before.
check_import Qonto EUR qonto qonto.csv 2 \
  "$(sum "$EX/statements/qonto.csv" 'num(r["Total amount (incl. VAT)"])' 'r["Status"] == "settled"')"

# French banks in Windows-1252 with lines about the account before the header (their number
# varies, so indie finds the header by its columns), Crédit Agricole's labels over several lines.
after_header() { # FILE HEADER_START EXPRESSION: Python sums EXPRESSION over rows after the header
  python3 - "$@" <<'PY'
import csv, io, sys
from decimal import Decimal as D
text = open(sys.argv[1], encoding="cp1252").read()
body = text[text.index(sys.argv[2]):]
num = lambda s: D((s or "0").replace(" ", "").replace("+", "").replace(",", "."))
print(f'{sum((eval(sys.argv[3]) for r in csv.DictReader(io.StringIO(body), delimiter=";")), D(0)):.2f}')
PY
}
check_import CA EUR credit-agricole credit-agricole.csv 3 \
  "$(after_header "$EX/statements/credit-agricole.csv" "Date;Libellé" 'num(r["Crédit euros"]) - num(r["Débit euros"])')"
run account register CA --format json
check "a label over several lines is one line" test "$(jq -r '.[0].payee' <<<"$OUT")" = "PRELEVEMENT URSSAF COTISATIONS OCTOBRE"
check_import LBP EUR la-banque-postale la-banque-postale.csv 3 \
  "$(after_header "$EX/statements/la-banque-postale.csv" "Date;Libellé" 'num(r["Montant(EUROS)"])')"
run account register LBP --format json
check "LBP: 'Date ;02/12/2026' above the header is not taken for it" test "$(jq -r '.[0].date' <<<"$OUT")" = "2026-11-03"
printf 'Relev\xe9\nDate;Libell\xe9\n' >"$T/no-header.csv"
run account import LBP "$T/no-header.csv" --rules la-banque-postale
expect_rc 1 "no line names the columns"; expect_err "no-header.csv:1: no column 'Date' in the header"

# --detect: the rules that fit a header, and a clear word when none does.
run account import --detect "$EX/statements/n26.csv" --format csv
expect_rc 0 "--detect"
check "n26 fits" grep -q '^n26,yes,' <<<"$OUT"
check "wise does not" grep -q '^wise,no,' <<<"$OUT"
printf 'When,How much\n2026-11-02,3\n' >"$T/odd.csv"
run account import --detect "$T/odd.csv"
expect_rc 1 "nothing fits"; expect_err "no shipped rules fit"
run account import --detect
expect_rc 2 "--detect needs the file"
run account import N26 "$EX/statements/n26.csv" --rules n62
expect_rc 1 "an unknown rules name"; expect_err "Did you mean 'n26'?"; expect_err "Shipped: banque-fr, boursobank"
run account import N26 "$EX/statements/n26.csv"
expect_rc 2 "--rules is required"; expect_err "--rules is required"

# A sign column (issue 17.3): unsigned amounts with S/H markers; an unknown marker is refused.
run account add Sparkasse --currency EUR
cat >"$T/sign.toml" <<'TOML'
[csv]
separator = ";"
[columns]
date = "Buchungstag"
amount = "Betrag"
sign = "Soll/Haben"
payee = "Beguenstigter/Zahlungspflichtiger"
[sign]
out = ["S"]
in = ["H"]
[rows]
skip_if = { "Buchungstext" = ["Anfangssaldo", "Endsaldo"] }
[format]
date = "%d.%m.%Y"
decimal = ","
thousands = "."
TOML
printf '%s\n' 'Buchungstag;Buchungstext;Beguenstigter/Zahlungspflichtiger;Betrag;Soll/Haben' \
  '01.11.2026;Anfangssaldo;;1.000,00;H' \
  '03.11.2026;Gutschrift;Globex GmbH;2.500,00;H' \
  '04.11.2026;Lastschrift;Telekom;39,95;S' \
  '30.11.2026;Endsaldo;;3.460,05;H' >"$T/sign.csv"
run account import Sparkasse "$T/sign.csv" --rules "$T/sign.toml"
expect_rc 0 "sign column"; expect_out "2 rows, 2 new"; expect_out "line 2: Buchungstext is Anfangssaldo"
check "S is money out, H money in" test "$(balance Sparkasse)" = "2460.05"
printf '%s\n' 'Buchungstag;Buchungstext;Beguenstigter/Zahlungspflichtiger;Betrag;Soll/Haben' \
  '05.11.2026;Lastschrift;Telekom;39,95;X' >"$T/sign-bad.csv"
snapshot before
run account import Sparkasse "$T/sign-bad.csv" --rules "$T/sign.toml"
expect_rc 1; expect_err "sign-bad.csv:2: column 'Soll/Haben': 'X' is neither a marker of money out (S) nor of money in (H)"
expect_unchanged_since before
printf '[columns]\ndate = "D"\namount = "A"\nsign = "S"\n' >"$T/sign-incomplete.toml"
run account import Sparkasse "$T/sign-bad.csv" --rules "$T/sign-incomplete.toml"
expect_rc 1; expect_err "columns.sign needs an amount column and [sign]"

# Zero amounts (17.9): left out with a note, or kept with keep_zero.
printf 'Date,Amount,Payee\n2026-11-02,0.00,Card check\n2026-11-03,-5.00,Coffee\n' >"$T/zero.csv"
printf '[columns]\ndate = "Date"\namount = "Amount"\npayee = "Payee"\n' >"$T/zero.toml"
run account add Zero --currency EUR
run account import Zero "$T/zero.csv" --rules "$T/zero.toml"
expect_rc 0; expect_out "1 rows, 1 new"; expect_out "line 2: amount 0"
printf '[rows]\nkeep_zero = true\n' >>"$T/zero.toml"
run account import Zero "$T/zero.csv" --rules "$T/zero.toml"
expect_rc 0; expect_out "2 rows, 1 new, 1 already imported"

# Windows-1252 (17.6): € and — decoded; an undefined byte or a UTF-8 file refused.
run account add Legacy --currency EUR
printf 'Date;Libell\xe9;Montant\r\n02/11/2026;Abonnement \x97 \x80 mensuel;-9,99\r\n' >"$T/cp1252.csv"
printf '[csv]\nseparator = ";"\nencoding = "latin-1"\n[columns]\ndate = "Date"\namount = "Montant"\npayee = "Libellé"\n[format]\ndate = "%%d/%%m/%%Y"\ndecimal = ","\n' >"$T/cp1252.toml"
run account import Legacy "$T/cp1252.csv" --rules "$T/cp1252.toml"
expect_rc 0 "windows-1252"
run account register Legacy --format json
check "— and € read as Windows-1252" test "$(jq -r '.[0].payee' <<<"$OUT")" = "Abonnement — € mensuel"
printf 'Date;Libell\xe9;Montant\r\n03/11/2026;Bad \x81 byte;-1,00\r\n' >"$T/c1.csv"
snapshot before
run account import Legacy "$T/c1.csv" --rules "$T/cp1252.toml"
expect_rc 1; expect_err "c1.csv:2:16: byte 0x81 is no character in Windows-1252"
printf 'Date;Libellé;Montant\n03/11/2026;Café;-1,00\n' >"$T/utf8.csv"
run account import Legacy "$T/utf8.csv" --rules "$T/cp1252.toml"
expect_rc 1; expect_err "utf8.csv:1:12: the file is UTF-8 (it holds 'é')"
expect_unchanged_since before

# Wise (17.4): a transfer and its fee share one id; both are kept, and a re-import adds nothing.
run account add "Wise EUR" --currency EUR
printf '%s\n' '"TransferWise ID",Date,Amount,Currency,Description,"Payment Reference","Running Balance","Exchange From","Exchange To","Exchange Rate","Payer Name","Payee Name","Payee Account Number",Merchant,"Card Last Four Digits","Card Holder Full Name",Attachment,Note,"Total fees"' \
  'TRANSFER-2001,04-11-2026,-3.12,EUR,"Wise fee",,946.88,,,,,,,,,,,,0.00' \
  'TRANSFER-2001,04-11-2026,-50.00,EUR,"Sent money to Jean Dupont",,950.00,,,,,"Jean Dupont",,,,,,,3.12' \
  'TRANSFER-2000,02-11-2026,1000.00,EUR,"Received money from Globex",,1000.00,,,,"Globex",,,,,,,,0.00' >"$T/wise.csv"
run account import "Wise EUR" "$T/wise.csv" --rules wise
expect_rc 0; expect_out "3 rows, 3 new"
check "the fee row is kept" test "$(balance "Wise EUR")" = "946.88"
run account import "Wise EUR" "$T/wise.csv" --rules wise
expect_out "0 new, 3 already imported"
finish
