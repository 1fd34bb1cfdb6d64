# Bank statement imports: the example rules for Wise and a French bank, duplicates recognised
# across overlapping statements, --dry-run, and bad rules or rows stopping with file and line.
. "$(dirname "$0")/lib.sh"
EX="$INDIE_SOURCE/examples"
setup_business
run account add Qonto --currency EUR --opening 3250.40 --on 2026-10-01
run account add "Wise USD" --currency USD --kind wallet

# A French bank: latin-1, semicolons, lines before the header, debit/credit, "1.234,56".
snapshot before
run account import Qonto "$EX/statements/releve-banque.csv" --rules "$EX/rules/banque-fr.toml" --dry-run
expect_rc 0 "dry run"
expect_out "would import"
expect_out "5 new"
expect_unchanged_since before
run account import Qonto "$EX/statements/releve-banque.csv" --rules "$EX/rules/banque-fr.toml"
expect_out "5 rows, 5 new, 0 already imported. Balance 3,016.54 EUR."
run account register Qonto --from 2026-11-01 --format json
check "debits out, credits in, grouping and decimal comma read" test "$(jq -r '[.[].amount] | join(" ")' <<<"$OUT")" = "-42.50 1080.00 -18.40 -18.40 -1234.56"
check "latin-1 converted to UTF-8" test "$(jq -r '.[0].note' <<<"$OUT")" = "Hébergement novembre"
check "origin and category from the rules" test "$(jq -r '.[0].origin + " " + .[0].category' <<<"$OUT")" = "import banque"
# Importing again adds nothing and lists what it skipped; two identical rows stay two.
run account import Qonto "$EX/statements/releve-banque.csv" --rules "$EX/rules/banque-fr.toml"
expect_out "0 new, 5 already imported"
expect_out "line 9: 2026-11-05"
# An overlapping statement: two rows known, one new (a third identical coffee is new).
{
  printf 'Date;Libellé;Détail;Débit euros;Crédit euros\r\n'
  printf '05/11/2026;CB CAFE DU COMMERCE;Déjeuner client;18,40;\r\n'
  printf '05/11/2026;CB CAFE DU COMMERCE;Déjeuner client;18,40;\r\n'
  printf '05/11/2026;CB CAFE DU COMMERCE;Déjeuner client;18,40;\r\n'
  printf '20/11/2026;VIR GLOBEX;Acompte;;500,00\r\n'
} | iconv -f UTF-8 -t ISO-8859-1 >"$T/overlap.csv"
sed 's/^skip_lines = 4.*/skip_lines = 0/' "$EX/rules/banque-fr.toml" >"$T/no-skip.toml"
run account import Qonto "$T/overlap.csv" --rules "$T/no-skip.toml" --format csv
check "only new rows added" test "$(printf '%s\n' "$OUT" | tr -d '\r' | tail -n +2 | cut -d, -f1,6 | tr '\n' ' ')" = "2,skipped 3,skipped 4,added 5,added "

# Wise: a signed amount, Wise's own id as the duplicate key, the currency column checked.
run account import "Wise USD" "$EX/statements/wise-usd.csv" --rules "$EX/rules/wise.toml"
expect_out "3 rows, 3 new"
check "Wise ids kept as fingerprints" test "$(sqlite3 "$DB" "SELECT count(*) FROM account_tx WHERE fingerprint LIKE 'id:TRANSFER-%'")" = 2
run_in "$(cat "$EX/statements/wise-usd.csv")" account import "Wise USD" - --rules "$EX/rules/wise.toml"
expect_out "0 new, 3 already imported"

# Bad input: a clear error naming file and line, nothing changed.
snapshot before
run account import Qonto "$EX/statements/wise-usd.csv" --rules "$EX/rules/wise.toml"
expect_rc 1 "a USD statement into a EUR account"
expect_err "wise-usd.csv:2: column 'Currency': 'USD', but the account holds EUR"
printf '[columns]\ndate = "Date"\namont = "Amount"\n' >"$T/bad.toml"
run account import Qonto "$EX/statements/wise-usd.csv" --rules "$T/bad.toml"
expect_rc 1 "a misspelt key in the rules"
expect_err "bad.toml:3:9: columns.amont: unknown key; did you mean columns.amount?"
printf '[columns]\ndate = "Date"\n' >"$T/bad.toml"
run account import Qonto "$EX/statements/wise-usd.csv" --rules "$T/bad.toml"
expect_err "needs either amount"
printf '[columns\ndate = "Date"\n' >"$T/bad.toml"
run account import Qonto "$EX/statements/wise-usd.csv" --rules "$T/bad.toml"
expect_err "bad.toml:1:"
printf '[csv]\nskip_lines = "two"\n[columns]\ndate = "Date"\namount = "Amount"\n' >"$T/bad.toml"
run account import Qonto "$EX/statements/wise-usd.csv" --rules "$T/bad.toml"
expect_err "bad.toml:2:14: csv.skip_lines: a whole number"
printf '[columns]\ndate = "Date"\namount = "Amount"\n[format]\ndate = "%%d-%%m-%%Y"\n' >"$T/simple.toml"
printf 'Date,Amount\n01-11-2026,10.00\n31-11-2026,5.00\n' >"$T/st.csv"
run account import Qonto "$T/st.csv" --rules "$T/simple.toml"
expect_rc 1 "an impossible date"
expect_err "st.csv:3: column 'Date': '31-11-2026' is not a date written %d-%m-%Y"
printf 'Date,Amount\n01-11-2026,10.005\n' >"$T/st.csv"
run account import Qonto "$T/st.csv" --rules "$T/simple.toml"
expect_err "st.csv:2: column 'Amount':"
expect_err "EUR allows 2"
printf 'Date,Montant\n01-11-2026,10.00\n' >"$T/st.csv"
run account import Qonto "$T/st.csv" --rules "$T/simple.toml"
expect_err "st.csv:1: no column 'Amount' in the header"
printf 'Date,Amount\n01-11-2026,10.00\n02-11-2026,abc\n' >"$T/st.csv"
run account import Qonto "$T/st.csv" --rules "$T/simple.toml"
expect_err "st.csv:3: column 'Amount':"
run account import Nowhere "$T/st.csv" --rules "$T/simple.toml"
expect_err "no account 'Nowhere'"
expect_unchanged_since before
finish
