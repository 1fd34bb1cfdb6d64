# Regression (issue 29): a bank statement whose memo holds a quote in an unquoted field
# (`VIR "ACME" F2026-0007`, `Ecran 27"`) was refused whole ("a quote inside an unquoted
# field"), while spreadsheets and Python's csv module read the quote as a character. It is read
# as one now, and the row keeps it.
. "$(dirname "$0")/../cli/lib.sh"
setup_business
run account add Qonto --currency EUR
cat >"$T/statement.csv" <<CSV
$QONTO_HEADER
q-1,03-12-2026 09:00:00,,,,LDLC,,Ecran 27" 4K,-349.90,,,EUR,,,,,,settled,card
q-2,04-12-2026 09:00:00,,,,ACME SAS,,VIR "ACME" merci,1200.00,,,EUR,,,,,,settled,transfer
CSV
run account import Qonto "$T/statement.csv" --rules qonto
expect_rc 0 "the statement is read"
expect_out "2 rows, 2 new"
run account register Qonto --format json
check "the quotes are kept in the memos" jq -e '[.[] | .note] == ["Ecran 27\" 4K", "VIR \"ACME\" merci"]' <<<"$OUT"
# A field that starts with a quote is still a quoted field, and an unclosed one is refused.
printf '%s\nq-3,05-12-2026 09:00:00,,,,X,,"open,1.00,,,EUR,,,,,,settled,card\n' "$QONTO_HEADER" >"$T/bad.csv"
snapshot before
run account import Qonto "$T/bad.csv" --rules qonto
expect_rc 1 "an unclosed quoted field is refused"
expect_err "a quoted field is never closed"
expect_unchanged_since before
finish
