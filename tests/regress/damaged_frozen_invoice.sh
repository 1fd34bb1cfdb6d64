# Regression (issue 35.12): an issued invoice whose data frozen at issue was damaged behind
# indie's back (its seller, client or legal mentions no longer JSON) gave "internal error: …
# json.exception …" in invoice show, render and check. Each now says which invoice is damaged,
# which part, and to run indie doctor and indie verify.
. "$(dirname "$0")/../cli/lib.sh"
setup_issued_invoice
for t in $(sqlite3 "$DB" "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'invoice'"); do
  sqlite3 "$DB" "DROP TRIGGER $t"
done
damage() { # damage COLUMN VALUE PART: every reader names the invoice and the part
  sqlite3 "$DB" "UPDATE invoice SET $1 = '$2' WHERE id = 1"
  for cmd in "invoice show F2026-0001" "invoice show F2026-0001 --format json" \
    "invoice render F2026-0001 --to txt" "invoice check F2026-0001"; do
    # shellcheck disable=SC2086
    run $cmd
    expect_rc 1 "$cmd with $1 damaged"
    expect_err "F2026-0001 is damaged: $3, frozen at issue, cannot be read"
    expect_err "run indie doctor and indie verify"
    if [[ "$ERR" == *"internal error"* ]]; then fail "$cmd: no internal error"; else pass; fi
  done
}
seller=$(sqlite3 "$DB" "SELECT seller FROM invoice WHERE id = 1")
damage seller '{bad' "its seller"
damage seller '[1, 2]' "its seller"
sqlite3 "$DB" "UPDATE invoice SET seller = '$seller' WHERE id = 1"
damage buyer '{"name": ' "its client"
sqlite3 "$DB" "UPDATE invoice SET buyer = '{}' WHERE id = 1"
damage mentions '{' "its legal mentions"
run verify
expect_rc 1 "verify sees the invoice changed"
run invoice list
expect_rc 0 "the listing still works"
finish
